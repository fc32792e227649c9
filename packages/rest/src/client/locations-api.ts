import type { Location, StaffDirectory } from "@staffroom/core";
import { as, idSegment, versionOf, type Wire } from "./wire";

/**
 * `StaffDirectory.locations` over HTTP; writes send the version their caller names as `If-Match` (R12).
 *
 * @example await locationsApi(w).archive(location.id, { version: location.version });
 */
export function locationsApi(w: Wire): StaffDirectory["locations"] {
  const locationPath = async (id: string, suffix = "") => w.orgPath(`/locations/${idSegment(id)}${suffix}`);
  return {
    list: async () =>
      as<Location[]>(
        await w.send({ operation: "locations.list", method: "GET", path: await w.orgPath("/locations") }),
      ),
    create: async (input) =>
      as<Location>(
        await w.send({
          operation: "locations.create",
          method: "POST",
          path: await w.orgPath("/locations"),
          body: input,
        }),
      ),
    update: async (id, patch, options) =>
      as<Location>(
        await w.send({
          operation: "locations.update",
          method: "PATCH",
          path: await locationPath(id),
          body: patch,
          ifMatch: versionOf(options),
        }),
      ),
    archive: async (id, options) =>
      as<Location>(
        await w.send({
          operation: "locations.archive",
          method: "POST",
          path: await locationPath(id, "/archive"),
          ifMatch: versionOf(options),
        }),
      ),
  };
}
