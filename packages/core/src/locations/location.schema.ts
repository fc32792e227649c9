import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { optionalText, text } from "../primitives/text.schema";

/**
 * A clinic, facility or site; `group` optionally gathers locations ("North region").
 *
 * @example { id: "loc_…", organizationId: "org_…", name: "Downtown Clinic", group: "North", archived: false, … }
 */
export const LocationSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  name: text(120, "Name"),
  group: z.nullable(z.string()),
  archived: z.boolean(),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/**
 * A location as stored and returned.
 *
 * @example { id: "loc_…", organizationId: "org_…", name: "Downtown", group: "North", archived: false, version: 1, createdAt: "…", updatedAt: "…" }
 */
export type Location = z.infer<typeof LocationSchema>;

/** Input for `locations.create`. @example { name: "Downtown Clinic", group: "North" } */
export const LocationInputSchema = z.strictObject({
  name: text(120, "Name"),
  group: z.optional(optionalText(80, "Group")),
});
/** Input to create a location. @example { name: "Downtown", group: "North" } */
export type LocationInput = z.input<typeof LocationInputSchema>;

/** Patch for `locations.update` (rename or regroup). @example { name: "Downtown Urgent Care" } */
export const LocationPatchSchema = z.strictObject({
  name: z.optional(text(120, "Name")),
  group: z.optional(optionalText(80, "Group")),
});
/** Patch for a location. @example { name: "Downtown Clinic" } */
export type LocationPatch = z.input<typeof LocationPatchSchema>;
