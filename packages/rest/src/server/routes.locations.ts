import { fail, type LocationInput, type LocationPatch } from "@staffroom/core";
import { LocationInputSchema, LocationPatchSchema, LocationSchema } from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { ok, type Route } from "./route";
import { input, ORG, param, version } from "./route-helpers";

const LOCATION = `${ORG}/locations/{locationId}`;
const tags = ["locations"] as const;

/**
 * Locations (W8). `GET …/locations/{locationId}` answers from `locations.list()`, so a client can
 * read a location's version before a write.
 *
 * @example router.add(...locationRoutes);
 */
export const locationRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${ORG}/locations`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "locations.list",
      summary: "Locations the actor may see, archived ones last",
      tags,
      success: 200,
      response: z.array(LocationSchema),
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.locations.list()),
  },
  {
    method: "POST",
    path: `${ORG}/locations`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "locations.create",
      summary: "Create a location (W8)",
      tags,
      body: LocationInputSchema,
      success: 201,
      response: LocationSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict"],
    },
    handle: async (c) => {
      const location = await c.staff.locations.create(input<LocationInput>(c.body));
      return ok(location, {
        status: 201,
        etag: location.version,
        headers: {
          Location: `${c.settings.basePath}/organizations/${location.organizationId}/locations/${location.id}`,
        },
      });
    },
  },
  {
    method: "GET",
    path: LOCATION,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "locations.get",
      summary: "One location (from locations.list), with its version as ETag",
      tags,
      success: 200,
      response: LocationSchema,
      etag: true,
      errors: ["forbidden"],
    },
    handle: async (c) => {
      const id = param(c, "locationId");
      const location = (await c.staff.locations.list()).find((l) => l.id === id);
      if (!location) throw fail.notFound("Location not found.");
      return ok(location, { etag: location.version });
    },
  },
  {
    method: "PATCH",
    path: LOCATION,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "locations.update",
      summary: "Rename or regroup a location (W8)",
      tags,
      body: LocationPatchSchema,
      success: 200,
      response: LocationSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict"],
    },
    handle: async (c) => {
      const location = await c.staff.locations.update(param(c, "locationId"), input<LocationPatch>(c.body), {
        version: version(c),
      });
      return ok(location, { etag: location.version });
    },
  },
  {
    method: "POST",
    path: `${LOCATION}/archive`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "locations.archive",
      summary: "Archive a location nobody has as primary (W8)",
      tags,
      success: 200,
      response: LocationSchema,
      etag: true,
      errors: ["forbidden", "rule"],
    },
    handle: async (c) => {
      const location = await c.staff.locations.archive(param(c, "locationId"), { version: version(c) });
      return ok(location, { etag: location.version });
    },
  },
];
