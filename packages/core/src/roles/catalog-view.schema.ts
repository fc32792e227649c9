import * as z from "zod/mini";

// Wire-only (core builds it, never parses it): kept apart from the schemas the service parses with.

/**
 * `roles.catalog`: the permission catalog (modules, their actions and the screens each opens) and
 * the role templates, as a UI shows them.
 *
 * @example CatalogViewSchema.parse(await admin.roles.catalog()).templates.length
 */
export const CatalogViewSchema = z.strictObject({
  modules: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      actions: z.array(
        z.strictObject({ permission: z.string(), label: z.string(), screens: z.array(z.string()) }),
      ),
    }),
  ),
  templates: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      permissions: z.array(z.string()),
    }),
  ),
});
/**
 * The permission catalog as a UI shows it.
 *
 * @example (await admin.roles.catalog()).modules[0]?.actions[0] // { permission: "calendar.view", label: "View appointments", screens: ["Calendar"] }
 */
export type CatalogView = z.infer<typeof CatalogViewSchema>;
