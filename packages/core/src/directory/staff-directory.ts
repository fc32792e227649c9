import type { AccessTarget, ActorView } from "../access/access.schema";
import type { DefaultPermission } from "../access/catalog";
import type { AuditQuery } from "../audit/audit.schema";
import type { AuditEvent, AuditVerification } from "../audit/audit-event.schema";
import type { SessionQuery } from "../auth/session-admin.schema";
import type { SessionSummary } from "../auth/session-summary.schema";
import type { Location, LocationInput, LocationPatch } from "../locations/location.schema";
import type { Organization, OrganizationPatch } from "../organization/organization.schema";
import type { OrganizationFormOptions } from "../organization/organization-form-options.schema";
import type { SeatUsage } from "../organization/seat-usage.schema";
import type { Page } from "../primitives/page.schema";
import type { VersionOption } from "../primitives/version.schema";
import type {
  CreatedProvisioningToken,
  CreateProvisioningTokenInput,
  DirectoryGroup,
  ProvisionedAttributes,
  ProvisionedAttributesPatch,
  ProvisionedLookup,
  ProvisioningSettings,
  ProvisioningSettingsPatch,
  ProvisioningToken,
} from "../provisioning/provisioning.schema";
import type { CatalogView } from "../roles/catalog-view.schema";
import type { Role, RoleInput, RolePatch } from "../roles/role.schema";
import type { RoleFormOptions } from "../roles/role-form-options.schema";
import type { ExpiringCredential, ExpiringCredentialsQuery } from "../users/credential.schema";
import type { InviteManyInput } from "../users/invite-many.schema";
import type { User } from "../users/user.schema";
import type { BulkInput, ResetPasswordInput } from "../users/user-actions.schema";
import type { UserActionOffer, UserFormOptions } from "../users/user-form-options.schema";
import type { ImportInput, ImportReport } from "../users/user-import.schema";
import type { CreateUserInput, InviteUserInput, UserPatch } from "../users/user-input.schema";
import type { UserQuery } from "../users/user-query.schema";
import type {
  BulkResult,
  DeleteResult,
  InvitationSummary,
  InviteManyResult,
  InviteResult,
  StatusCounts,
} from "../users/user-results.schema";

/**
 * The use-case API one actor sees (DESIGN §1, seam 2). Implemented locally by
 * `createDirectory(...).forActor(actor)` and remotely by `restDirectory(...)`; widgets see only this.
 * Every method returns plain serialisable data or rejects with a `DirectoryError`. Every write names
 * the version it read (R12, its last argument, or each bulk item's): without one it is refused with
 * `precondition_required` (HTTP 428), with an old one with `stale` (412), and nothing is written.
 *
 * Offered ⇔ allowed: `can()`, `users.actions()` and the `formOptions()` queries are read from the
 * same verdict functions the service asserts, so what they offer succeeds (but for the count rules,
 * R6 last administrator and R9 seats, and W2's resend limits) and what they refuse is refused, with
 * the same code, rule and message.
 *
 * @example
 * const admin = directory.forActor({ organizationId, userId });
 * await admin.me();
 * const user = await admin.users.get(userId);
 * if (admin.can("users.manage")) await admin.users.disable(user.id, { version: user.version });
 */
export interface StaffDirectory<P extends string = DefaultPermission> {
  /** The organization this directory is scoped to. */
  readonly organizationId: string;

  /**
   * Loads (and refreshes) the actor: its user, role, permissions, and every role's permissions. Its
   * answer is the snapshot `can()` and `users.actions()` answer from, until the next `me()`: no other
   * call changes it, so their answers never depend on which call ran last.
   */
  me(): Promise<ActorView<P>>;

  /**
   * The same decision the service makes (R2–R4), synchronously, for UI affordances, from the snapshot
   * of the last `me()` (false before the first). With a target, also requires the target to lie
   * inside the actor's locations.
   */
  can(permission: P, target?: AccessTarget): boolean;

  readonly users: {
    /** A page of users in the actor's scope (W12). Default: active tab, by name, 50 per page. */
    list(query?: UserQuery): Promise<Page<User>>;
    /** Counts per tab for the same search and filters, in the actor's scope. */
    counts(
      query?: Omit<UserQuery, "status" | "sort" | "direction" | "limit" | "cursor">,
    ): Promise<StatusCounts>;
    /** One user; `not_found` when missing, of another organization or outside the actor's scope (R5). */
    get(id: string): Promise<User>;
    /** W1: creates an active user with a password. */
    create(input: CreateUserInput): Promise<User>;
    /** W2: creates a pending user and emails a single-use invitation. */
    invite(input: InviteUserInput): Promise<InviteResult>;
    /**
     * W2 for several people: one role and location access, each invitee through every rule of
     * `invite` in its own transaction, a result per row (one bad address never blocks the others).
     */
    inviteMany(input: InviteManyInput): Promise<InviteManyResult>;
    /** W4: edits a user. */
    update(id: string, patch: UserPatch, options: VersionOption): Promise<User>;
    /** W6: active → disabled; sessions end. */
    disable(id: string, options: VersionOption): Promise<User>;
    /** W6: disabled → active. */
    restore(id: string, options: VersionOption): Promise<User>;
    /** W6: deletes a disabled or pending user irreversibly; the account goes too when it has no other organization. */
    delete(id: string, options: VersionOption): Promise<DeleteResult>;
    /** W5: temporary password (force change) or a reset link. */
    resetPassword(id: string, input: ResetPasswordInput, options: VersionOption): Promise<User>;
    /** W5: clears a lockout. */
    unlock(id: string, options: VersionOption): Promise<User>;
    /** W2: issues a new token (the old one dies) and sends it again; rate-limited. */
    resendInvitation(id: string, options: VersionOption): Promise<InvitationSummary>;
    /** W2: revokes a pending invitation; the pending user is removed and the seat freed. */
    revokeInvitation(id: string, options: VersionOption): Promise<DeleteResult>;
    /** The live invitation of a pending user, or null. */
    invitation(id: string): Promise<InvitationSummary | null>;
    /**
     * W12: one action over many users, with a result per row; each item names the version it was
     * read at (a stale row fails alone with `stale`).
     */
    bulk(input: BulkInput): Promise<BulkResult>;
    /**
     * The row actions that apply to this user's status, each with the verdict the service gives on
     * it (R2–R7) — allowed, or refused with the reason; empty for an actor without `users.manage`.
     * Synchronous, from the snapshot of the last `me()` and the user as passed. The verdicts that
     * depend on the person's other organizations (another organization's main contact, a shared
     * account) are known only to the service: `formOptions(id).actions` has them.
     */
    actions(user: User): readonly UserActionOffer[];
    /**
     * The user form's choices for this user (`id`), or for a new user (no `id`): roles, locations,
     * "all locations of the organization", primary locations, flags, provider fields, licences,
     * email and profile editability, password reset modes and row actions — each with its verdict.
     * `not_found` for a user outside the actor's scope (R5); open to those who read users.
     */
    formOptions(id?: string): Promise<UserFormOptions>;
    /**
     * CSV import (rows already parsed): `dryRun` (the default) reports what each row would do and
     * writes nothing; `dryRun: false` applies it, each row alone, and reports the same. A row is
     * `created`, `invited`, `updated` (matched by email), `unchanged`, `skipped` or an `error` with
     * issues by column; every rule applies per row.
     */
    import(input: ImportInput): Promise<ImportReport>;
  };

  /** Provider credentials (issue 15): state licences, DEA registrations, board certifications. */
  readonly credentials: {
    /**
     * Every credential of the active and pending users the actor sees (R4, R5) that has expired or
     * expires within `withinDays` (default 30) of the directory clock's UTC date, soonest first —
     * for a host's reminder job. `users.view` (R2). Default: expired ones included.
     */
    expiring(query?: ExpiringCredentialsQuery): Promise<ExpiringCredential[]>;
  };

  readonly roles: {
    /** Every role of the organization, with screens and user counts. */
    list(): Promise<Role[]>;
    /** The permission catalog and role templates. */
    catalog(): Promise<CatalogView>;
    /** W7: creates a role from a template or explicit permissions (only permissions the actor holds, R3). */
    create(input: RoleInput): Promise<Role>;
    /** W7: renames or changes permissions. */
    update(id: string, patch: RolePatch, options: VersionOption): Promise<Role>;
    /** W7: deletes an unused role. */
    delete(id: string, options: VersionOption): Promise<void>;
    /**
     * The roles editor's choices for this role (`id`) or a new one: create, rename, delete ("13
     * user(s) hold this role"), whether its permissions may change (not your own role), each
     * permission's toggle and each template — each with its verdict. Open to those who read roles.
     */
    formOptions(id?: string): Promise<RoleFormOptions>;
  };

  readonly locations: {
    /** Locations the actor may see (all for org-wide actors), archived ones last. */
    list(): Promise<Location[]>;
    /** W8: creates a location. */
    create(input: LocationInput): Promise<Location>;
    /** W8: renames or regroups. */
    update(id: string, patch: LocationPatch, options: VersionOption): Promise<Location>;
    /** W8: archives a location no active or pending user has as primary. */
    archive(id: string, options: VersionOption): Promise<Location>;
  };

  readonly organization: {
    /** The organization. */
    get(): Promise<Organization>;
    /**
     * W11: features, seats, licence types, provider types, main contact hand-over (R7); W13: the
     * session limits (a shorter one applies to open sessions at once). A seat limit below the
     * seats in use is saved as asked (R9 then refuses new holders until use falls below it):
     * `seatLimitsBelowUse(usage, patch, organization)` says which, for a screen to confirm first.
     */
    update(patch: OrganizationPatch, options: VersionOption): Promise<Organization>;
    /** Seat usage (R9). */
    usage(): Promise<SeatUsage>;
    /** Whether the actor may change the settings, hand the main-contact role over, remove each licence type. */
    formOptions(): Promise<OrganizationFormOptions>;
  };

  readonly sessions: {
    /**
     * W13: who is signed in — the organization's live sessions, newest sign-in first, paged by
     * cursor (default 50): who, where from (browser and system, the network — never the raw
     * address), since when, last active, when each ends; `self`, and `end`: the verdict `end(id)`
     * asserts, with the reason when refused. For actors with `users.manage` (R2, `canOpenScreen(dir,
     * "sessions")`); a location-limited actor sees the sessions of the people it sees (R4, R5).
     */
    list(query?: SessionQuery): Promise<Page<SessionSummary>>;
    /**
     * W13: ends one session at once (its person must sign in again), audited as `session.ended`.
     * Like the other user operations: `users.manage` (R2), a person inside the actor's locations
     * (R4) holding nothing the actor lacks (R3), not the main contact by anyone else (R7), and not
     * the actor's own (`rule`/`self_change`: sign out instead). A missing, ended or invisible
     * session is `not_found`. A session has no version (nothing about it can be stale): ending one
     * twice answers `not_found` the second time.
     */
    end(id: string): Promise<void>;
  };

  readonly audit: {
    /** W14: events newest first, filtered by time, actor, target, action. */
    list(query?: AuditQuery): Promise<Page<AuditEvent>>;
    /** W14: checks the hash chain and reports the first bad event. */
    verify(): Promise<AuditVerification>;
  };

  /**
   * Provisioning from an identity provider (SCIM, `@staffroom/scim`). Administrators (org-wide,
   * `organization.manage` + `users.manage`) configure it; a provisioning token acting through
   * `forActor` reads the settings and the users' identity-provider attributes.
   */
  readonly provisioning: {
    /** The default role and locations of provisioned users, and the mapped groups (`version` 0 before the first save). */
    settings(): Promise<ProvisioningSettings>;
    /** Changes the settings with the version read (R12); `groups` replaces the list. */
    updateSettings(patch: ProvisioningSettingsPatch, options: VersionOption): Promise<ProvisioningSettings>;
    /** The organization's tokens, revoked ones too; never a secret. */
    tokens(): Promise<ProvisioningToken[]>;
    /** Creates a token; its secret is in the answer and nowhere else (R15). */
    createToken(input: CreateProvisioningTokenInput): Promise<CreatedProvisioningToken>;
    /** Revokes a token with the version read (R12). */
    revokeToken(id: string, options: VersionOption): Promise<ProvisioningToken>;
    /** Identity-provider attributes of those of these users who have any and whom the actor sees; ≤ 500 ids. */
    attributes(userIds: readonly string[]): Promise<ProvisionedAttributes[]>;
    /** The groups an identity provider sees: roles by name, then mapped groups (for tokens and administrators). */
    groups(): Promise<DirectoryGroup[]>;
    /** One user by exact email (ignoring case, R1) or by external id; null when there is none the actor sees. */
    findUser(lookup: ProvisionedLookup): Promise<User | null>;
    /** Sets identity-provider attributes with the user's version (R12); the user's version moves on. */
    setAttributes(id: string, patch: ProvisionedAttributesPatch, options: VersionOption): Promise<User>;
  };
}
