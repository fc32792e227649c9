import type { DefaultPermission } from "../access/catalog";
import type { AuditEvent, AuditQuery, RequestMetadata } from "../audit/audit.schema";
import type { DirectoryErrorData } from "../errors/directory-error";
import type { Location, LocationInput, LocationPatch } from "../locations/location.schema";
import type { Organization, OrganizationPatch } from "../organization/organization.schema";
import type { Page } from "../primitives/page";
import type { Role, RoleInput, RolePatch } from "../roles/role.schema";
import type { InvitationSummary } from "../users/invitation.schema";
import type { CreateUserInput, InviteUserInput, LocationAccess, User, UserPatch } from "../users/user.schema";
import type { StatusCounts, UserQuery } from "../users/user-query.schema";

/**
 * Who is acting: a user of an organization, with the request's metadata for the audit trail.
 *
 * @example { organizationId: "org_…", userId: "usr_…", metadata: { ip: "203.0.113.4" } }
 */
export interface Actor {
  readonly organizationId: string;
  readonly userId: string;
  readonly metadata?: RequestMetadata;
}

/** Anything with location access can be a target of a scoped decision (a {@link User} is one). */
export interface AccessTarget {
  readonly id?: string;
  readonly locationAccess: LocationAccess;
}

/**
 * The actor as the directory sees it: its user, role, permissions and location scope.
 *
 * @example { user, role, permissions: ["users.view", …], isMainContact: true, mainContactUserId: "usr_…" }
 */
export interface ActorView<P extends string = DefaultPermission> {
  readonly user: User;
  readonly role: Role;
  readonly permissions: readonly P[];
  readonly isMainContact: boolean;
  /**
   * The organization's main contact (R7), so a client can answer `users.actions()` as the service
   * would (nobody else is offered anything on them) and say why a form is read-only.
   */
  readonly mainContactUserId: string | null;
}

/** The version a write is based on (R12). @example { version: 3 } */
export interface VersionOption {
  readonly version: number;
}

/** Row actions on a user, for UI affordances (`users.actions`). */
export type UserAction =
  | "edit"
  | "disable"
  | "restore"
  | "delete"
  | "resendInvitation"
  | "revokeInvitation"
  | "resetPassword"
  | "unlock";

/**
 * How an admin resets a password (W5): set a temporary one (the user must change it at next sign-in
 * unless `mustChangePassword` is false), or email a reset link.
 *
 * @example { mode: "temporary", password: "correct horse battery staple" }
 * @example { mode: "link" }
 */
export type ResetPasswordInput =
  | { readonly mode: "temporary"; readonly password: string; readonly mustChangePassword?: boolean }
  | { readonly mode: "link" };

/**
 * A bulk action over many users, each applied in its own transaction (W12).
 *
 * @example { action: "setRole", ids: ["usr_…", "usr_…"], roleId: "rol_…" }
 */
export type BulkInput =
  | { readonly action: "disable" | "restore" | "delete"; readonly ids: readonly string[] }
  | { readonly action: "setRole"; readonly ids: readonly string[]; readonly roleId: string };

/** The outcome of a bulk action, one entry per id in input order. */
export interface BulkResult {
  readonly results: readonly (
    | { readonly id: string; readonly ok: true; readonly user: User | null }
    | { readonly id: string; readonly ok: false; readonly error: DirectoryErrorData }
  )[];
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * What `audit.verify()` found. `firstBadSequence` is the first edited, inserted or removed event.
 * `head` is the newest verified link: a chain cannot show that events were cut off its end, so
 * record the head somewhere else (a log line, a ticket, another system) and compare it later.
 *
 * @example { ok: true, checked: 1204, firstBadSequence: null, problem: null, head: { sequence: 1204, hash: "9f…" } }
 */
export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBadSequence: number | null;
  readonly problem: "edited" | "inserted" | "removed" | null;
  readonly head: { readonly sequence: number; readonly hash: string } | null;
}

/** Seat usage per kind (W11, R9). `limit: null` means unlimited. */
export interface SeatUsage {
  readonly named: { readonly used: number; readonly limit: number | null };
  readonly practitioners: { readonly used: number; readonly limit: number | null };
  /** Live sessions (within idle and absolute limits) against the concurrent seats. */
  readonly concurrent: { readonly used: number; readonly limit: number | null };
  readonly licences: readonly {
    readonly key: string;
    readonly label: string;
    readonly used: number;
    readonly limit: number | null;
  }[];
}

/** The permission catalog as a UI shows it. */
export interface CatalogView {
  readonly modules: readonly {
    readonly key: string;
    readonly label: string;
    readonly actions: readonly {
      readonly permission: string;
      readonly label: string;
      readonly screens: readonly string[];
    }[];
  }[];
  readonly templates: readonly {
    readonly key: string;
    readonly name: string;
    readonly description: string;
    readonly permissions: readonly string[];
  }[];
}

/** The result of `users.invite`. */
export interface InviteResult {
  readonly user: User;
  readonly invitation: InvitationSummary;
}

/** The result of `users.delete`: whether the account went too (no other organization left). */
export interface DeleteResult {
  readonly id: string;
  readonly accountDeleted: boolean;
}

/**
 * The use-case API one actor sees (DESIGN §1, seam 2). Implemented locally by
 * `createDirectory(...).forActor(actor)` and remotely by `restDirectory(...)`; widgets see only this.
 * Every method returns plain serialisable data or rejects with a `DirectoryError`.
 *
 * @example
 * const admin = directory.forActor({ organizationId, userId });
 * await admin.me();
 * if (admin.can("users.manage")) await admin.users.disable(userId);
 */
export interface StaffDirectory<P extends string = DefaultPermission> {
  /** The organization this directory is scoped to. */
  readonly organizationId: string;

  /** Loads (and refreshes) the actor: its user, role, permissions. `can()` answers from the last load. */
  me(): Promise<ActorView<P>>;

  /**
   * The same decision the service makes (R2–R4), synchronously, for UI affordances. Answers from the
   * actor as of the last call to this directory (call `me()` first); false before anything is loaded.
   * With a target, also requires the target to lie inside the actor's locations.
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
    /** W4: edits a user; `stale` when `version` is not current (R12). */
    update(id: string, patch: UserPatch, options: VersionOption): Promise<User>;
    /** W6: active → disabled; sessions end. */
    disable(id: string, options?: Partial<VersionOption>): Promise<User>;
    /** W6: disabled → active. */
    restore(id: string, options?: Partial<VersionOption>): Promise<User>;
    /** W6: deletes a disabled or pending user irreversibly; the account goes too when it has no other organization. */
    delete(id: string, options?: Partial<VersionOption>): Promise<DeleteResult>;
    /** W5: temporary password (force change) or a reset link. */
    resetPassword(id: string, input: ResetPasswordInput, options?: Partial<VersionOption>): Promise<User>;
    /** W5: clears a lockout. */
    unlock(id: string, options?: Partial<VersionOption>): Promise<User>;
    /** W2: issues a new token (the old one dies) and sends it again; rate-limited. */
    resendInvitation(id: string, options?: Partial<VersionOption>): Promise<InvitationSummary>;
    /** W2: revokes a pending invitation; the pending user is removed and the seat freed. */
    revokeInvitation(id: string, options?: Partial<VersionOption>): Promise<DeleteResult>;
    /** The live invitation of a pending user, or null. */
    invitation(id: string): Promise<InvitationSummary | null>;
    /** W12: one action over many users, with a result per row. */
    bulk(input: BulkInput): Promise<BulkResult>;
    /** Which row actions the actor may take on this user now (status, permission and R3–R7 aware). */
    actions(user: User): UserAction[];
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
    delete(id: string, options?: Partial<VersionOption>): Promise<void>;
  };

  readonly locations: {
    /** Locations the actor may see (all for org-wide actors), archived ones last. */
    list(): Promise<Location[]>;
    /** W8: creates a location. */
    create(input: LocationInput): Promise<Location>;
    /** W8: renames or regroups. */
    update(id: string, patch: LocationPatch, options: VersionOption): Promise<Location>;
    /** W8: archives a location no active or pending user has as primary. */
    archive(id: string, options?: Partial<VersionOption>): Promise<Location>;
  };

  readonly organization: {
    /** The organization. */
    get(): Promise<Organization>;
    /** W11: features, seats, licence types, provider types, main contact hand-over (R7). */
    update(patch: OrganizationPatch, options: VersionOption): Promise<Organization>;
    /** Seat usage (R9). */
    usage(): Promise<SeatUsage>;
  };

  readonly audit: {
    /** W14: events newest first, filtered by time, actor, target, action. */
    list(query?: AuditQuery): Promise<Page<AuditEvent>>;
    /** W14: checks the hash chain and reports the first bad event. */
    verify(): Promise<AuditVerification>;
  };
}
