import type {
  ActorView,
  AuditEvent,
  AuditVerification,
  DefaultPermission,
  DirectoryAuth,
  ExpiringCredential,
  Organization,
  OrganizationFormOptions,
  Page,
  SeatUsage,
  SessionSummary,
  StaffDirectory,
} from "@staffroom/core";
import { actorState } from "./actor-state";
import { restAuth } from "./auth-client";
import { locationsApi } from "./locations-api";
import type { RestClientOptions } from "./options";
import { provisioningApi } from "./provisioning-api";
import { rolesApi } from "./roles-api";
import { usersApi } from "./users-api";
import { as, idSegment, versionOf, wire } from "./wire";

/**
 * A `StaffDirectory` over HTTP, with the same types and errors as a local one, plus the account side.
 *
 * @example const dir = restDirectory({ baseUrl: "/api/staffroom" }); await dir.me(); dir.can("users.manage")
 */
export interface RestDirectory<P extends string = DefaultPermission> extends StaffDirectory<P> {
  /** `directory.auth` over the same handler. */
  readonly auth: DirectoryAuth;
}

/**
 * A drop-in `StaffDirectory` over HTTP (`@staffroom/rest/server` on the other side): the same types,
 * and failures come back as the same `DirectoryError` (code, rule sub-code, issues, message) a local
 * call gives. Every write sends the version its caller read as `If-Match` (R12) — the client never
 * reads one for it, so a write without a version is refused with `precondition_required` exactly as
 * a local one is. `can()` and `users.actions()` answer synchronously from the snapshot of the last
 * `me()` (and of nothing else: an organization learnt from the first call does not load it), with
 * core's own verdicts.
 *
 * @example
 * const dir = restDirectory({ baseUrl: "/api/staffroom" });          // browser, session cookie
 * await dir.auth.signIn({ email, password });
 * await dir.me();
 * const page = await dir.users.list({ search: "smith" });
 * const user = page.items[0];
 * await dir.users.disable(user.id, { version: user.version });       // If-Match: "<version>"
 */
export function restDirectory<P extends string = DefaultPermission>(
  options: RestClientOptions,
): RestDirectory<P> {
  const state = actorState<string>();
  const w = wire(options);
  const remote = restAuth(options);
  /** Who is acting changed: forget the learnt organization and the loaded actor. */
  const changed = <T>(result: T): T => {
    w.unlearn();
    state.reset();
    return result;
  };
  const auth: DirectoryAuth = {
    ...remote,
    signIn: async (input) => changed(await remote.signIn(input)),
    signOut: async (token) => changed(await remote.signOut(token)),
    switchOrganization: async (input) => changed(await remote.switchOrganization(input)),
  };
  const directory: RestDirectory<string> = {
    get organizationId() {
      return w.organizationId();
    },
    auth,
    async me() {
      const scoped = w.organizationId() !== "";
      const path = scoped ? await w.orgPath("/me") : "/me";
      const me = as<ActorView<string>>(
        await w.send({ operation: scoped ? "me" : "me.current", method: "GET", path }),
      );
      w.learn(me);
      return state.load(me);
    },
    can: (permission, target) => state.can(permission, target),
    users: usersApi(w, state),
    credentials: {
      expiring: async (query) =>
        as<ExpiringCredential[]>(
          await w.send({
            operation: "credentials.expiring",
            method: "GET",
            path: await w.orgPath("/credentials/expiring"),
            query,
          }),
        ),
    },
    roles: rolesApi(w),
    locations: locationsApi(w),
    organization: {
      get: async () =>
        as<Organization>(
          await w.send({ operation: "organization.get", method: "GET", path: await w.orgPath() }),
        ),
      update: async (patch, options) =>
        as<Organization>(
          await w.send({
            operation: "organization.update",
            method: "PATCH",
            path: await w.orgPath(),
            body: patch,
            ifMatch: versionOf(options),
          }),
        ),
      usage: async () =>
        as<SeatUsage>(
          await w.send({ operation: "organization.usage", method: "GET", path: await w.orgPath("/usage") }),
        ),
      formOptions: async () =>
        as<OrganizationFormOptions>(
          await w.send({
            operation: "organization.formOptions",
            method: "GET",
            path: await w.orgPath("/form-options"),
          }),
        ),
    },
    sessions: {
      list: async (query) =>
        as<Page<SessionSummary>>(
          await w.send({
            operation: "sessions.list",
            method: "GET",
            path: await w.orgPath("/sessions"),
            query,
          }),
        ),
      end: async (id) => {
        await w.send({
          operation: "sessions.end",
          method: "DELETE",
          path: await w.orgPath(`/sessions/${idSegment(id)}`),
        });
      },
    },
    provisioning: provisioningApi(w),
    audit: {
      list: async (query) =>
        as<Page<AuditEvent>>(
          await w.send({
            operation: "audit.list",
            method: "GET",
            path: await w.orgPath("/audit-events"),
            query,
          }),
        ),
      verify: async () =>
        as<AuditVerification>(
          await w.send({
            operation: "audit.verify",
            method: "GET",
            path: await w.orgPath("/audit-events/verification"),
          }),
        ),
    },
  };
  return directory as unknown as RestDirectory<P>;
}
