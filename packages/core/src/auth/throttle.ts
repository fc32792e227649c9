import type { RequestMetadata } from "../audit/audit.schema";
import type { ServiceContext } from "../directory/context";
import { fail } from "../errors/directory-error";
import type { RateLimitRule } from "../ports/rate-limiter";
import { sha256HexSync } from "../ports/sha256";
import type { UserRecord } from "../store/records";
import { clientKey } from "./client-key";

/** What a client is throttled on: sign-in failures, or reset requests. */
export type ThrottledAction = "sign_in" | "password_reset";

/** A hit a sign-in holds: given back when the password turns out right. */
export interface ClientSlot {
  release(): Promise<void>;
}

const NO_SLOT: ClientSlot = { release: async () => {} };

function ruleOf(ctx: ServiceContext, action: ThrottledAction): RateLimitRule {
  return action === "sign_in"
    ? { limit: ctx.policy.clientSignInFailures, windowMs: ctx.policy.clientSignInWindowMs }
    : { limit: ctx.policy.clientResetRequests, windowMs: ctx.policy.clientResetWindowMs };
}

/**
 * The rate limiter's key for a client's `action`, or null when the request has no address. The key
 * holds a SHA-256 of the client (see `clientKey`), not its address: the limiter's rows live one
 * window, yet a dump of the store should not list who connected (with 2^32 IPv4 addresses the
 * digest is a short-lived pseudonym, not anonymity).
 *
 * @example clientThrottleKey("sign_in", "203.0.113.4") // "sign_in:<64 hex digits>"
 */
export function clientThrottleKey(action: ThrottledAction, ip: string | undefined): string | null {
  const client = clientKey(ip);
  return client === null ? null : `${action}:${sha256HexSync(client)}`;
}

/**
 * The audit of a throttled client: which memberships the targeted account has where the event goes
 * (none for an unknown email), and how to record it in one of them.
 */
export interface ThrottleAudit {
  memberships(): Promise<readonly UserRecord[]>;
  record(membership: UserRecord): Promise<void>;
}

/**
 * Takes one hit from the request's client (its IP address) for `action`, before any account
 * look-up or password hashing, so a throttled request costs one counter step. Over the policy's
 * limit it refuses `rate_limited` with the retry delay; the first refusal of the client's window
 * (exactly one, the hit whose count is limit + 1) is audited in the background, in the
 * organizations `audit` names. A request without an address, a limit of `Infinity` or a directory
 * without a rate limiter is not throttled here.
 */
export async function takeClientSlot(
  ctx: ServiceContext,
  action: ThrottledAction,
  metadata: RequestMetadata | undefined,
  audit: ThrottleAudit,
): Promise<ClientSlot> {
  const limiter = ctx.rateLimiter;
  const key = clientThrottleKey(action, metadata?.ip);
  const rule = ruleOf(ctx, action);
  if (!limiter || key === null || !Number.isFinite(rule.limit)) return NO_SLOT;
  const hit = await limiter.hit(key, rule, ctx.clock.now());
  if (!hit.allowed) {
    if (hit.count === Math.floor(rule.limit) + 1) {
      ctx.background.run(async () => {
        for (const m of await audit.memberships()) await audit.record(m);
      });
    }
    throw fail.rateLimited(
      action === "sign_in"
        ? "Too many failed sign-ins from this network. Try again later."
        : "Too many reset requests from this network. Try again later.",
      hit.retryAfterMs,
    );
  }
  return { release: () => limiter.release(key, hit.windowStartMs) };
}
