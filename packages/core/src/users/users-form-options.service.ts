import { canReadUsers } from "../access/access.rules";
import { loadedActorFacts } from "../access/actor-facts";
import { type ActorSession, readOp } from "../directory/runner";
import { fail } from "../errors/directory-error";
import { locationInScope } from "../locations/locations.rules";
import { organizationFacts } from "./user-fields.rules";
import { userFormOptionsOf } from "./user-form-options";
import type { UserFormOptions } from "./user-form-options.schema";
import { userTarget } from "./user-target";

/**
 * `users.formOptions(id?)`: the user form's choices for a user in the actor's scope (R5: `not_found`
 * otherwise) or for a new one, each with the verdict the service gives on saving it. Open to those
 * who read users.
 *
 * @example const options = await userFormOptions(s, userId);
 */
export async function userFormOptions(s: ActorSession, id?: unknown): Promise<UserFormOptions> {
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const loaded =
      id === undefined ? null : await userTarget(tx, a, id, s.ctx.clock.now(), { account: true });
    const roles = await tx.listRoles(a.organization.id);
    const locations = await tx.listLocations(a.organization.id);
    return userFormOptionsOf({
      actor: loaded?.actor ?? loadedActorFacts(a, roles),
      org: organizationFacts(a.organization, locations),
      roles,
      locations: locations.filter((l) => locationInScope(a.subject, l.id)),
      licenceTypes: a.organization.licenceTypes,
      target: loaded?.target ?? null,
      heldProviderTypes: loaded?.user.provider?.providerTypes.map((t) => t.type) ?? [],
    });
  });
}
