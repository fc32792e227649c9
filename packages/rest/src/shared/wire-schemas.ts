import {
  type ActorView,
  type AuditEvent,
  type AuditVerification,
  type BulkInput,
  type BulkResult,
  type CatalogView,
  type CreatedProvisioningToken,
  type DeleteResult,
  type DirectoryErrorData,
  type DirectoryGroup,
  ERROR_STATUS,
  type ErrorCode,
  IdSchema,
  type InvitationSummary,
  type InviteResult,
  IsoDateSchema,
  ProvisioningTokenSchema,
  type ResetPasswordInput,
  RoleSchema,
  RULE_CODES,
  type SeatUsage,
  type StatusCounts,
  UserSchema,
} from "@staffroom/core";
import * as z from "zod/mini";

/*
 * Schemas of the wire types that core declares as TypeScript interfaces only. They document the
 * responses in the OpenAPI document; `Describes` below fails the build when one drifts from core's
 * type (a core value the schema would not describe, or a key missing on either side).
 */

type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
/** True when every value of `T` is described by schema `S` and both have the same top-level keys. */
type Describes<S extends z.ZodMiniType, T> = [Writable<T>] extends [z.output<S>]
  ? SameKeys<z.output<S>, T>
  : false;
/**
 * A compile-time proof that a schema describes a core type (the call does nothing at run time).
 *
 * @example describes<typeof StatusCountsSchema, StatusCounts>(true);
 */
export const describes = <S extends z.ZodMiniType, T>(_proof: Describes<S, T>): void => undefined;
/** True when every value of `T` (an input type of core) is accepted by schema `S`. */
const accepts = <S extends z.ZodMiniType, T>(
  _proof: [Writable<T>] extends [z.output<S>] ? true : false,
): void => undefined;

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** One field problem. @example { path: ["email"], code: "invalid_email", message: "…" } */
export const FieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});

/** The transport form of a DirectoryError, as bulk results carry it. @example ErrorDataSchema.parse(error.toJSON()) */
export const ErrorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  rule: z.optional(z.enum(RULE_CODES)),
  issues: z.optional(z.array(FieldIssueSchema)),
  details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
describes<typeof ErrorDataSchema, DirectoryErrorData>(true);

/** An RFC 9457 problem document carrying a DirectoryError (see `ProblemDocument`). @example ProblemSchema.parse(await response.json()).code // "stale" */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.optional(z.enum(ERROR_CODES)),
  rule: z.optional(z.enum(RULE_CODES)),
  issues: z.optional(z.array(FieldIssueSchema)),
  details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

/** A page of items with the total and the next cursor. @example PageSchema(UserSchema) */
export const PageSchema = <S extends z.ZodMiniType>(item: S) =>
  z.object({ items: z.array(item), total: z.int(), nextCursor: z.nullable(z.string()) });

/** `users.counts`. @example StatusCountsSchema.parse({ active: 52, pending: 4, disabled: 3 }) */
export const StatusCountsSchema = z.object({ active: z.int(), pending: z.int(), disabled: z.int() });
describes<typeof StatusCountsSchema, StatusCounts>(true);

/** The actor as `me()` returns it. @example ActorViewSchema.parse(await admin.me()) */
export const ActorViewSchema = z.object({
  user: UserSchema,
  role: RoleSchema,
  permissions: z.array(z.string()),
  isMainContact: z.boolean(),
  mainContactUserId: z.nullable(IdSchema),
});
describes<typeof ActorViewSchema, ActorView<string>>(true);

/**
 * The `me` response: the ActorView plus the ids of the roles that hold `users.manage` (null unless
 * the actor holds it), which the client needs to answer `users.actions()` as the service would.
 *
 * @example MeResponseSchema.parse(await (await fetch("/api/staffroom/me")).json()).adminRoleIds
 */
export const MeResponseSchema = z.extend(ActorViewSchema, { adminRoleIds: z.nullable(z.array(IdSchema)) });

/** What an admin sees of an invitation. @example InvitationSummarySchema.parse(await admin.users.invitation(id)) */
export const InvitationSummarySchema = z.object({
  userId: IdSchema,
  email: z.string(),
  sentCount: z.int(),
  lastSentAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  expired: z.boolean(),
});
describes<typeof InvitationSummarySchema, InvitationSummary>(true);

/** `users.invite`. @example InviteResultSchema.parse(await admin.users.invite(input)).invitation.expiresAt */
export const InviteResultSchema = z.object({ user: UserSchema, invitation: InvitationSummarySchema });
describes<typeof InviteResultSchema, InviteResult>(true);

/** `users.delete`, `users.revokeInvitation`. @example DeleteResultSchema.parse({ id: "usr_…", accountDeleted: true }) */
export const DeleteResultSchema = z.object({ id: IdSchema, accountDeleted: z.boolean() });
describes<typeof DeleteResultSchema, DeleteResult>(true);

/** `users.resetPassword` input (core validates it; unknown fields are refused). @example ResetPasswordInputSchema.parse({ mode: "link" }) */
export const ResetPasswordInputSchema = z.union([
  z.strictObject({
    mode: z.literal("temporary"),
    password: z.string(),
    mustChangePassword: z.optional(z.boolean()),
  }),
  z.strictObject({ mode: z.literal("link") }),
]);
accepts<typeof ResetPasswordInputSchema, ResetPasswordInput>(true);

/** `users.bulk` input (core validates it; unknown fields are refused). @example BulkInputSchema.parse({ action: "setRole", ids: ["usr_…"], roleId: "rol_…" }) */
export const BulkInputSchema = z.union([
  z.strictObject({ action: z.enum(["disable", "restore", "delete"]), ids: z.array(z.string()) }),
  z.strictObject({ action: z.literal("setRole"), ids: z.array(z.string()), roleId: z.string() }),
]);
accepts<typeof BulkInputSchema, BulkInput>(true);

/** `users.bulk` result, one entry per id. @example BulkResultSchema.parse(await admin.users.bulk({ action: "disable", ids })).failed */
export const BulkResultSchema = z.object({
  results: z.array(
    z.union([
      z.object({ id: z.string(), ok: z.literal(true), user: z.nullable(UserSchema) }),
      z.object({ id: z.string(), ok: z.literal(false), error: ErrorDataSchema }),
    ]),
  ),
  succeeded: z.int(),
  failed: z.int(),
});
describes<typeof BulkResultSchema, BulkResult>(true);

const limit = z.nullable(z.int());

/** `organization.usage`. @example SeatUsageSchema.parse(await admin.organization.usage()).named.used */
export const SeatUsageSchema = z.object({
  named: z.object({ used: z.int(), limit }),
  practitioners: z.object({ used: z.int(), limit }),
  concurrent: z.object({ used: z.int(), limit }),
  licences: z.array(z.object({ key: z.string(), label: z.string(), used: z.int(), limit })),
});
describes<typeof SeatUsageSchema, SeatUsage>(true);

/** `roles.catalog`. @example CatalogViewSchema.parse(await admin.roles.catalog()).templates.length */
export const CatalogViewSchema = z.object({
  modules: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      actions: z.array(z.object({ permission: z.string(), label: z.string(), screens: z.array(z.string()) })),
    }),
  ),
  templates: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      permissions: z.array(z.string()),
    }),
  ),
});
describes<typeof CatalogViewSchema, CatalogView>(true);

/**
 * One audit event (R18) as `audit.list` returns it: the chained event with its subjects' personal
 * values joined back. An erased person (deleted, W6) has `erased: true` and a null `email` (actor)
 * or `label` (target); their personal changes and request metadata are absent.
 *
 * @example AuditEventSchema.parse((await admin.audit.list({ limit: 1 })).items[0])
 */
export const AuditEventSchema = z.object({
  id: IdSchema,
  organizationId: IdSchema,
  sequence: z.int(),
  at: IsoDateSchema,
  actor: z.object({
    userId: z.nullable(z.string()),
    email: z.nullable(z.string()),
    erased: z.boolean(),
    /** A provisioning token's label, when a token acted (`userId` is then its `ptk_…` id). */
    label: z.optional(z.string()),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string(), label: z.nullable(z.string()), erased: z.boolean() }),
  outcome: z.enum(["success", "failure"]),
  reason: z.optional(z.string()),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  metadata: z.object({
    ip: z.optional(z.string()),
    userAgent: z.optional(z.string()),
    requestId: z.optional(z.string()),
  }),
  previousHash: z.string(),
  hash: z.string(),
});
describes<typeof AuditEventSchema, AuditEvent>(true);

/** `audit.verify`. @example AuditVerificationSchema.parse(await admin.audit.verify()).ok */
export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.int(),
  firstBadSequence: z.nullable(z.int()),
  problem: z.nullable(z.enum(["edited", "inserted", "removed"])),
  head: z.nullable(z.object({ sequence: z.int(), hash: z.string() })),
});
describes<typeof AuditVerificationSchema, AuditVerification>(true);

/**
 * `provisioning.createToken`: the token and its secret, which this answer alone carries (R15).
 *
 * @example CreatedProvisioningTokenSchema.parse(await admin.provisioning.createToken(input)).secret
 */
export const CreatedProvisioningTokenSchema = z.object({
  token: ProvisioningTokenSchema,
  secret: z.string(),
});
describes<typeof CreatedProvisioningTokenSchema, CreatedProvisioningToken>(true);

/** The body of `POST …/provisioning/attributes`. @example { userIds: ["usr_…"] } */
export const ProvisionedAttributesQuerySchema = z.strictObject({
  userIds: z.array(IdSchema).check(z.maxLength(500)),
});

/**
 * A group as an identity provider sees it (`provisioning.groups`): a role by its name, or a mapped group.
 *
 * @example DirectoryGroupSchema.parse((await admin.provisioning.groups())[0]).displayName // "Administrator"
 */
export const DirectoryGroupSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  roleId: z.nullable(IdSchema),
  locationAccess: z.nullable(z.union([z.literal("organization"), z.array(IdSchema)])),
  mapped: z.boolean(),
  createdAt: z.nullable(IsoDateSchema),
  updatedAt: z.nullable(IsoDateSchema),
  version: z.int(),
});
describes<typeof DirectoryGroupSchema, DirectoryGroup>(true);
