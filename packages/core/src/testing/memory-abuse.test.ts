import { describe, expect, it } from "vitest";
import { createDirectory } from "../directory/create-directory";
import type { Directory } from "../directory/directory.types";
import type { DirectoryPolicy } from "../directory/policy";
import { DirectoryError } from "../errors/directory-error";
import { memoryStore } from "../memory/index";
import { inProcessTasks } from "../ports/background";
import { manualClock } from "../ports/clock";
import { type Mailer, type MailMessage, memoryMailer } from "../ports/mailer";
import { type PasswordHasher, pbkdf2Hasher } from "../ports/password-hasher";
import { memoryRateLimiter, type RateLimiter } from "../ports/rate-limiter";
import type { DirectoryStore } from "../store/store.port";
import { FIXTURE_PASSWORD, standardBootstrap } from "./fixtures";

/**
 * A door work passes through: once closed, `entered` resolves when the next caller arrives and
 * every caller waits until `open()`.
 */
function gate() {
  let enter: () => void = () => {};
  let open: () => void = () => {};
  let entered: Promise<void> = Promise.resolve();
  let opened: Promise<void> | null = null;
  return {
    get entered() {
      return entered;
    },
    open: () => open(),
    close: () => {
      entered = new Promise<void>((resolve) => {
        enter = resolve;
      });
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    async pass() {
      enter();
      if (opened) await opened;
    },
  };
}

type Gate = ReturnType<typeof gate>;

interface Probes {
  /** What the directory did, in order: `limiter.hit`, `store`, `hash`, `mail` … */
  readonly log: string[];
  readonly storeGate: Gate;
  readonly mailGate: Gate;
  failMail: boolean;
  failStore: boolean;
}

/** A directory whose store, hasher, mailer and rate limiter report to `log`, with gates on store and mail. */
async function probedDirectory(policy: Partial<DirectoryPolicy> = {}, rateLimiter?: RateLimiter | null) {
  const probes: Probes = { log: [], storeGate: gate(), mailGate: gate(), failMail: false, failStore: false };
  const inner = memoryStore();
  const store: DirectoryStore = {
    async transaction(work, options) {
      probes.log.push("store");
      await probes.storeGate.pass();
      if (probes.failStore) throw new Error("the database is down");
      return inner.transaction(work, options);
    },
  };
  const outbox = memoryMailer();
  const mailer: Mailer = {
    async send(message: MailMessage) {
      probes.log.push("mail");
      await probes.mailGate.pass();
      if (probes.failMail) throw new Error("SMTP relay refused");
      await outbox.send(message);
    },
  };
  const hasher = pbkdf2Hasher({ iterations: 1000 });
  const passwords: PasswordHasher = {
    hash: (p) => {
      probes.log.push("hash");
      return hasher.hash(p);
    },
    verify: (p, h) => {
      probes.log.push("verify");
      return hasher.verify(p, h);
    },
    needsRehash: (h) => hasher.needsRehash(h),
  };
  const limiter = rateLimiter === undefined ? memoryRateLimiter() : rateLimiter;
  const probedLimiter: RateLimiter | null = limiter && {
    hit: (key, rule, now) => {
      probes.log.push("limiter.hit");
      return limiter.hit(key, rule, now);
    },
    release: (key, start) => {
      probes.log.push("limiter.release");
      return limiter.release(key, start);
    },
  };
  const errors: unknown[] = [];
  const directory: Directory = createDirectory({
    store,
    mailer,
    passwords,
    clock: manualClock("2026-11-23T08:00:00Z"),
    policy,
    rateLimiter: probedLimiter,
    background: inProcessTasks({ onError: (e) => errors.push(e) }),
  });
  const { organization, location, user } = await directory.bootstrap(standardBootstrap());
  const owner = directory.forActor({ organizationId: organization.id, userId: user.id });
  const roles = await owner.roles.list();
  const sam = await owner.users.create({
    email: "sam.rivera@harbor.example",
    profile: { givenName: "Sam", familyName: "Rivera" },
    roleId: roles.find((r) => r.name === "Front Desk")?.id ?? "",
    locationAccess: [location.id],
    primaryLocationId: location.id,
    password: FIXTURE_PASSWORD,
  });
  probes.log.length = 0;
  return { directory, probes, outbox, owner, sam, errors };
}

const IP = { ip: "203.0.113.7" };

/** What the directory did before `call` answered (its log up to the answer). */
async function workBeforeAnswer(probes: Probes, call: () => Promise<unknown>): Promise<string[]> {
  probes.log.length = 0;
  await call().catch(() => undefined);
  return [...probes.log];
}

describe("W13: a reset request answers after the same work for a known and an unknown email", () => {
  it("both answer after one throttle step and nothing else; the look-up, write and mail come after, for the known email only", async () => {
    const { directory, probes, outbox, sam } = await probedDirectory();
    const known = await workBeforeAnswer(probes, () =>
      directory.auth.requestPasswordReset({ email: sam.email, metadata: IP }),
    );
    await directory.settled();
    const knownAfter = [...probes.log];
    const unknown = await workBeforeAnswer(probes, () =>
      directory.auth.requestPasswordReset({ email: "nobody@harbor.example", metadata: IP }),
    );
    await directory.settled();
    const unknownAfter = [...probes.log];
    expect(known).toEqual(["limiter.hit"]);
    expect(unknown).toEqual(known);
    // Afterwards: the known email was looked up, written and mailed; the unknown one only looked up.
    expect(knownAfter.filter((s) => s === "mail")).toHaveLength(1);
    expect(knownAfter.filter((s) => s === "store").length).toBeGreaterThan(1);
    expect(unknownAfter).toEqual(["limiter.hit", "store"]);
    expect(outbox.outbox.map((m) => [m.kind, m.to])).toEqual([["password_reset", sam.email]]);
  });

  it("the answer does not wait for the store or the mailer: with both held, it is given before either is entered", async () => {
    const { directory, probes, outbox, sam } = await probedDirectory();
    probes.storeGate.close();
    probes.mailGate.close();
    const answered = directory.auth
      .requestPasswordReset({ email: sam.email, metadata: IP })
      .then(() => "answered");
    const first = await Promise.race([answered, probes.storeGate.entered.then(() => "store entered first")]);
    expect(first).toBe("answered");
    expect(outbox.outbox).toHaveLength(0);
    probes.storeGate.open();
    await probes.mailGate.entered;
    expect(outbox.outbox).toHaveLength(0);
    probes.mailGate.open();
    await directory.settled();
    expect(outbox.outbox.map((m) => m.to)).toEqual([sam.email]);
  });

  it("failures after the answer are contained: a refusing mailer is swallowed, a failing store is reported to onError", async () => {
    const { directory, probes, outbox, owner, sam, errors } = await probedDirectory();
    probes.failMail = true;
    await expect(
      directory.auth.requestPasswordReset({ email: sam.email, metadata: IP }),
    ).resolves.toBeUndefined();
    await directory.settled();
    expect(outbox.outbox).toHaveLength(0);
    expect(errors).toEqual([]);
    // The link was issued and audited; asked again, it goes out.
    const audited = await owner.audit.list({ action: "account.password_reset_requested" });
    expect(audited.total).toBe(1);
    probes.failMail = false;
    await directory.auth.requestPasswordReset({ email: sam.email, metadata: IP });
    await directory.settled();
    expect(outbox.outbox).toHaveLength(1);

    probes.failStore = true;
    await expect(
      directory.auth.requestPasswordReset({ email: sam.email, metadata: IP }),
    ).resolves.toBeUndefined();
    await directory.settled();
    expect(errors.map((e) => (e as Error).message)).toEqual(["the database is down"]);
  });
});

describe("W13: per-client throttling is cheap, configurable and off without an address", () => {
  it("a throttled sign-in costs one counter step: no account look-up, no password hashing; only the first is audited, after answering", async () => {
    const { directory, probes, sam } = await probedDirectory({ clientSignInFailures: 3 });
    for (let i = 0; i < 3; i++) {
      await expect(
        directory.auth.signIn({
          email: `nobody.${i}@harbor.example`,
          password: "wrong-wrong-wrong",
          metadata: IP,
        }),
      ).rejects.toMatchObject({ code: "unauthenticated" });
    }
    const firstThrottled = await workBeforeAnswer(probes, () =>
      directory.auth.signIn({ email: sam.email, password: FIXTURE_PASSWORD, metadata: IP }),
    );
    expect(firstThrottled).toEqual(["limiter.hit"]);
    probes.log.length = 0;
    await directory.settled();
    expect(
      probes.log.filter((s) => s === "store").length,
      "the audit event, written afterwards",
    ).toBeGreaterThan(0);
    expect(probes.log).not.toContain("verify");
    const later = await workBeforeAnswer(probes, () =>
      directory.auth.signIn({ email: sam.email, password: FIXTURE_PASSWORD, metadata: IP }),
    );
    await directory.settled();
    expect(later).toEqual(["limiter.hit"]);
    expect(probes.log, "no audit for the second").toEqual(["limiter.hit"]);
  });

  it("the refusal is rate_limited with the whole seconds left in the window (900 at its start)", async () => {
    const { directory } = await probedDirectory({
      clientSignInFailures: 0,
      clientSignInWindowMs: 15 * 60_000,
    });
    const error = await directory.auth
      .signIn({ email: "sam.rivera@harbor.example", password: FIXTURE_PASSWORD, metadata: IP })
      .catch((e: unknown) => e);
    expect(DirectoryError.is(error, "rate_limited")).toBe(true);
    expect((error as DirectoryError).toJSON()).toEqual({
      code: "rate_limited",
      message: "Too many failed sign-ins from this network. Try again later.",
      details: { retryAfterSeconds: 900 },
    });
  });

  it("rateLimiter: null turns throttling off; a limit of Infinity turns one kind off; a request without an address is not throttled", async () => {
    const off = await probedDirectory({ clientSignInFailures: 1, clientResetRequests: 1 }, null);
    for (let i = 0; i < 3; i++) {
      await expect(
        off.directory.auth.signIn({ email: off.sam.email, password: "wrong-wrong-wrong", metadata: IP }),
      ).rejects.toMatchObject({ code: "unauthenticated" });
      await off.directory.auth.requestPasswordReset({ email: "nobody@harbor.example", metadata: IP });
    }
    const some = await probedDirectory({
      clientSignInFailures: Number.POSITIVE_INFINITY,
      clientResetRequests: 1,
    });
    for (let i = 0; i < 3; i++) {
      await expect(
        some.directory.auth.signIn({
          email: "nobody@harbor.example",
          password: "wrong-wrong-wrong",
          metadata: IP,
        }),
      ).rejects.toMatchObject({ code: "unauthenticated" });
    }
    expect(some.probes.log).not.toContain("limiter.hit");
    await some.directory.auth.requestPasswordReset({ email: "nobody@harbor.example", metadata: IP });
    await expect(
      some.directory.auth.requestPasswordReset({ email: "nobody@harbor.example", metadata: IP }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    // Without an address (a local call), only the per-account limits apply.
    await some.directory.auth.requestPasswordReset({ email: "nobody@harbor.example" });
    await some.directory.auth.requestPasswordReset({ email: "nobody@harbor.example", metadata: {} });
  });
});
