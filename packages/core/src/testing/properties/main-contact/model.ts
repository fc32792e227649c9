import type { StaffDirectory } from "../../../directory/staff-directory";
import type { ConformanceWorld } from "../../conformance/world";
import type { Snapshot } from "../model";

/** One person of the cast: who they are at the start (their user and their own mailbox). */
export interface Person {
  readonly index: number;
  readonly name: string;
  readonly userId: string;
}

/** A reset link in a mailbox, and the user whose email the mailbox was when it was sent. */
export interface ReceivedLink {
  readonly token: string;
  readonly userId: string;
  used: boolean;
}

/**
 * The state of one run: the world, the cast, and what each person has got hold of — passwords they
 * know, mailboxes they read, sessions they obtained as other users.
 *
 * @example const state = await buildMcState(await factory());
 */
export interface McState {
  readonly world: ConformanceWorld;
  readonly organizationId: string;
  /** An org-wide reader (users.view, audit.view) no step targets. */
  readonly observer: StaffDirectory;
  readonly people: readonly Person[];
  readonly roleIds: readonly string[];
  readonly locationIds: readonly string[];
  readonly permissions: readonly string[];
  /** Per person: user id → a password they know for it. */
  readonly knows: Map<number, Map<string, string>>;
  /** Email → the person who reads that mailbox. */
  readonly mailboxes: Map<string, number>;
  readonly inbox: Map<number, ReceivedLink[]>;
  /** Per person: user id → the token of a session they obtained as that user (never their own). */
  readonly sessions: Map<number, Map<string, string>>;
  readonly directories: Map<string, StaffDirectory>;
  /** Outbox entries already delivered to inboxes. */
  delivered: number;
  seq: number;
  snapshot: Snapshot;
  readonly trace: string[];
}

/**
 * What one step did, for the checks: who was at the keyboard, as which user, and what they got hold
 * of (passwords learned, a session obtained).
 *
 * @example { person: 1, actingUserId: "usr_…", label: "reset …", learned: ["usr_…"], session: null }
 */
export interface StepRecord {
  readonly person: number;
  /** The user the step acted as; the person's own user for public steps. */
  readonly actingUserId: string;
  readonly label: string;
  /** Users whose password the person learned in this step. */
  readonly learned: readonly string[];
  /** The user the person obtained a session as in this step, or null. */
  readonly session: string | null;
}

/**
 * The directory acting as a user (cached).
 *
 * @example const dir = await directoryAs(state, userId);
 */
export async function directoryAs(state: McState, userId: string): Promise<StaffDirectory> {
  const cached = state.directories.get(userId);
  if (cached) return cached;
  const dir = await state.world.as(userId, state.organizationId);
  state.directories.set(userId, dir);
  return dir;
}

/**
 * The person whose own user this is, or -1.
 *
 * @example personOf(state, state.snapshot.organization.mainContactUserId)
 */
export function personOf(state: McState, userId: string | null): number {
  return state.people.findIndex((p) => p.userId === userId);
}

/** A short label for a user in traces. @example who(state, id) // "Bram(active, Administrator)" */
export function who(state: McState, userId: string): string {
  const user = state.snapshot.users.get(userId);
  const p = state.people[personOf(state, userId)];
  const name = p?.name ?? userId.slice(0, 10);
  const mc = state.snapshot.organization.mainContactUserId === userId ? ",MAIN CONTACT" : "";
  if (!user) return `${name}(gone)`;
  return `${name}(${user.status},${state.snapshot.roles.get(user.roleId)?.name ?? "?"}${mc})`;
}
