import type { DirectoryAuth } from "../../directory/directory-auth";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { BootstrapInput } from "../../organization/bootstrap.schema";
import type { Organization } from "../../organization/organization.schema";
import type { ManualClock } from "../../ports/clock";
import type { MailMessage } from "../../ports/mailer";
import type { User } from "../../users/user.schema";

/**
 * What the conformance suite needs of a backend: a freshly bootstrapped organization, a way to act as
 * any of its users, a second organization on demand, the sent mail and the clock. Implement it for
 * any wiring (local + memory, local + PostgreSQL, REST → server) and pass a factory to
 * `runConformanceSuite`. `auth` is the account side (sign-in, sessions, passwords, accepting
 * invitations) of the same backend.
 *
 * @example
 * const factory = async (): Promise<ConformanceWorld> => {
 *   const clock = manualClock(); const mailer = memoryMailer();
 *   const directory = createDirectory({ store: memoryStore(), clock, mailer });
 *   const { organization, location, user } = await directory.bootstrap(standardBootstrap());
 *   return { organization, location, owner: user, clock, mailer, auth: directory.auth,
 *     as: (userId, organizationId = organization.id) => directory.forActor({ organizationId, userId }),
 *     bootstrapAnother: async (input) => { … } };
 * };
 */
export interface ConformanceWorld {
  /** The bootstrap result of a fresh organization (owner = first admin, main contact). */
  readonly organization: Organization;
  readonly location: Location;
  readonly owner: User;
  /** StaffDirectory acting as the given user of this world's organization (may be async for REST). */
  as(userId: string, organizationId?: string): StaffDirectory | Promise<StaffDirectory>;
  /** Bootstraps another independent organization in the same backend (tenant isolation, one email in two orgs). */
  bootstrapAnother(
    input?: Partial<BootstrapInput>,
  ): Promise<{ organization: Organization; location: Location; owner: User }>;
  /** The account side of the same backend (W3, W13): `directory.auth` locally, its REST client remotely. */
  readonly auth: DirectoryAuth;
  /** Outbox of sent mail. */
  readonly mailer: {
    latest(to: string, kind?: MailMessage["kind"]): { link: string | null } | undefined;
    readonly outbox: readonly MailMessage[];
  };
  /** Time control. */
  readonly clock: ManualClock;
}

/**
 * Makes a fresh {@link ConformanceWorld}; called once per test.
 *
 * @example runConformanceSuite("memory", () => memoryWorld());
 */
export type WorldFactory = () => Promise<ConformanceWorld>;
