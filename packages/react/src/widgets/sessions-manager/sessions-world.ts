import type { StaffDirectory, User } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";

/** A seeded world in which people are signed in, for SessionsManager's tests and stories. */
export interface SessionsWorld extends SeededWorld {
  /** The people signed in (besides the owner), in sign-in order. */
  readonly signedIn: readonly User[];
  /** The owner's own session's token (the owner signs in last), or null when not signed in. */
  readonly ownerToken: string | null;
  /** Each signed-in person's token, by user id. */
  readonly tokens: ReadonlyMap<string, string>;
  /** The clinic manager's directory (R4: sees only the sessions of people sharing a clinic). */
  readonly clinicManager: StaffDirectory;
}

/** Options of {@link sessionsWorld}. @example { people: 60 } */
export interface SessionsWorldOptions {
  /** How many people sign in besides the owner. Default 4. */
  readonly people?: number;
  /** Whether the owner signs in too (last). Default true. */
  readonly ownerSignedIn?: boolean;
  /**
   * Whether the clinic manager and a colleague at his first clinic holding his role sign in too
   * (before the owner), so he sees a session he may end, his own, and others core refuses him.
   * Default false.
   */
  readonly clinicTeam?: boolean;
}

const MINUTE = 60_000;

/** Where people sign in from: desk PCs, a Mac, phones; a few networks. */
const FROM = [
  {
    ip: "203.0.113.42",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  },
  {
    ip: "2001:db8:85a3:4::17",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  },
  {
    ip: "198.51.100.7",
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  },
  {
    ip: "203.0.113.9",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
  },
] as const;

/**
 * {@link seededWorld} with `people` active users signed in a minute apart (ten seconds for more than
 * ten, so none idles out) from desk PCs, a Mac and
 * phones (request metadata as a server records it), then the owner signed in last.
 *
 * @example const w = await sessionsWorld(); <SessionsManager /> over w.owner
 */
export async function sessionsWorld(options: SessionsWorldOptions = {}): Promise<SessionsWorld> {
  const people = options.people ?? 4;
  const seeded = await seededWorld({ users: Math.max(24, people + 8) });
  const { world } = seeded;
  // The seed disables its first two users and locks the fourth.
  const active = seeded.users.slice(4).filter((u) => u.status === "active");
  const step = people > 10 ? 10_000 : MINUTE;
  const signedIn: User[] = [];
  const tokens = new Map<string, string>();
  for (let i = 0; i < people; i++) {
    const user = active[i % active.length];
    if (!user) break;
    const from = FROM[i % FROM.length] ?? FROM[0];
    const { token } = await world.auth.signIn({
      email: user.email,
      password: FIXTURE_PASSWORD,
      metadata: from,
    });
    signedIn.push(user);
    tokens.set(user.id, token);
    world.clock.advance(step);
  }
  if (options.clinicTeam) {
    const manager = seeded.clinicManagerUser;
    const colleague = await seeded.owner.users.create({
      email: "cora.colleague@harbor-urgent-care.example",
      profile: { givenName: "Cora", familyName: "Colleague", jobTitle: "Deputy clinic manager" },
      roleId: manager.roleId,
      locationAccess: [manager.primaryLocationId],
      primaryLocationId: manager.primaryLocationId,
      password: FIXTURE_PASSWORD,
    });
    for (const [i, user] of [colleague, manager].entries()) {
      const from = FROM[i % FROM.length] ?? FROM[0];
      const { token } = await world.auth.signIn({
        email: user.email,
        password: FIXTURE_PASSWORD,
        metadata: from,
      });
      tokens.set(user.id, token);
      world.clock.advance(step);
    }
  }
  const ownerToken =
    options.ownerSignedIn === false
      ? null
      : (await world.auth.signIn({ email: world.owner.email, password: FIXTURE_PASSWORD, metadata: FROM[2] }))
          .token;
  const clinicManager = world.as(seeded.clinicManagerUser.id) as StaffDirectory;
  return { ...seeded, signedIn, tokens, ownerToken, clinicManager };
}
