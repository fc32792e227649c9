import type { CatalogView, Role, RoleFormOptions, StaffDirectory } from "@staffroom/core";
import { as, idSegment, versionOf, type Wire } from "./wire";

/**
 * `StaffDirectory.roles` over HTTP; writes send the version their caller names as `If-Match` (R12).
 *
 * @example await rolesApi(w).delete(role.id, { version: role.version });
 */
export function rolesApi(w: Wire): StaffDirectory["roles"] {
  const rolePath = async (id: string) => w.orgPath(`/roles/${idSegment(id)}`);
  return {
    list: async () =>
      as<Role[]>(await w.send({ operation: "roles.list", method: "GET", path: await w.orgPath("/roles") })),
    catalog: async () =>
      as<CatalogView>(
        await w.send({ operation: "roles.catalog", method: "GET", path: await w.orgPath("/roles/catalog") }),
      ),
    create: async (input) =>
      as<Role>(
        await w.send({
          operation: "roles.create",
          method: "POST",
          path: await w.orgPath("/roles"),
          body: input,
        }),
      ),
    update: async (id, patch, options) =>
      as<Role>(
        await w.send({
          operation: "roles.update",
          method: "PATCH",
          path: await rolePath(id),
          body: patch,
          ifMatch: versionOf(options),
        }),
      ),
    formOptions: async (id) =>
      as<RoleFormOptions>(
        id === undefined
          ? await w.send({
              operation: "roles.formOptions",
              method: "GET",
              path: await w.orgPath("/roles/form-options"),
            })
          : await w.send({
              operation: "roles.formOptionsOf",
              method: "GET",
              path: `${await rolePath(id)}/form-options`,
            }),
      ),
    delete: async (id, options) => {
      await w.send({
        operation: "roles.delete",
        method: "DELETE",
        path: await rolePath(id),
        ifMatch: versionOf(options),
      });
    },
  };
}
