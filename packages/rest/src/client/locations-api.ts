import type { Location, StaffDirectory } from "@staffroom/core";
import { as, idSegment, isWholeNumber, type Wire } from "./wire";

/**
 * `StaffDirectory.locations` over HTTP.
 *
 * @example await locationsApi(w).archive(locationId);
 */
export function locationsApi(w: Wire): StaffDirectory["locations"] {
  const locationPath = async (id: string, suffix = "") => w.orgPath(`/locations/${idSegment(id)}${suffix}`);
  return {
    async list() {
      const locations = as<Location[]>(await w.send({ method: "GET", path: await w.orgPath("/locations") }));
      for (const location of locations) w.versions.see("location", location);
      return locations;
    },
    create: async (input) =>
      w.sendSeen<Location>("location", { method: "POST", path: await w.orgPath("/locations"), body: input }),
    update: async (id, patch, options) =>
      w.sendSeen<Location>("location", {
        method: "PATCH",
        path: await locationPath(id),
        body: patch,
        ifMatch: isWholeNumber(options?.version) ? options.version : undefined,
      }),
    archive: async (id, options) =>
      w.conditional(
        "location",
        idSegment(id),
        options,
        async () => w.send({ method: "GET", path: await locationPath(id) }),
        async (version) =>
          w.sendSeen<Location>("location", {
            method: "POST",
            path: await locationPath(id, "/archive"),
            ifMatch: version,
          }),
      ),
  };
}
