import type { CatalogView, Role, RoleFormOptions, StaffDirectory } from "@staffroom/core";
import { as, idSegment, isWholeNumber, type Wire } from "./wire";

/**
 * `StaffDirectory.roles` over HTTP.
 *
 * @example await rolesApi(w).delete(roleId); // If-Match from the list or `GET …/roles/{roleId}`
 */
export function rolesApi(w: Wire): StaffDirectory["roles"] {
  const rolePath = async (id: string) => w.orgPath(`/roles/${idSegment(id)}`);
  return {
    async list() {
      const roles = as<Role[]>(await w.send({ method: "GET", path: await w.orgPath("/roles") }));
      for (const role of roles) w.versions.see("role", role);
      return roles;
    },
    catalog: async () =>
      as<CatalogView>(await w.send({ method: "GET", path: await w.orgPath("/roles/catalog") })),
    create: async (input) =>
      w.sendSeen<Role>("role", { method: "POST", path: await w.orgPath("/roles"), body: input }),
    update: async (id, patch, options) =>
      w.sendSeen<Role>("role", {
        method: "PATCH",
        path: await rolePath(id),
        body: patch,
        ifMatch: isWholeNumber(options?.version) ? options.version : undefined,
      }),
    formOptions: async (id) =>
      as<RoleFormOptions>(
        await w.send({
          method: "GET",
          path:
            id === undefined ? await w.orgPath("/roles/form-options") : `${await rolePath(id)}/form-options`,
        }),
      ),
    delete: async (id, options) =>
      w.conditional(
        "role",
        idSegment(id),
        options,
        async () => w.send({ method: "GET", path: await rolePath(id) }),
        async (version) => {
          await w.send({ method: "DELETE", path: await rolePath(id), ifMatch: version });
          w.versions.forget("role", id);
        },
      ),
  };
}
