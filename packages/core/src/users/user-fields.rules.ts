import { type FieldIssue, fail } from "../errors/directory-error";
import type { LocationRecord, OrganizationRecord, UserRecord } from "../store/records";

/**
 * R8, R10, R11 relations that a schema alone cannot check: locations exist and are live, the primary
 * lies inside access, the role exists, features and licences exist, provider data fits the user.
 * Throws `validation` for references that name nothing, `rule` for rules.
 */
export function checkUserRelations(
  org: OrganizationRecord,
  locations: readonly LocationRecord[],
  user: UserRecord,
  previous: UserRecord | null,
): void {
  const byId = new Map(locations.map((l) => [l.id, l]));
  const live = locations.filter((l) => !l.archived);
  if (live.length === 0) {
    throw fail.rule("location_required", "Create a location before adding users.");
  }
  const issues: FieldIssue[] = [];
  const hadAccess = new Set(
    previous && previous.locationAccess !== "organization" ? previous.locationAccess : [],
  );
  if (user.locationAccess !== "organization") {
    user.locationAccess.forEach((id, i) => {
      const loc = byId.get(id);
      if (!loc || (loc.archived && !hadAccess.has(id))) {
        issues.push({
          path: ["locationAccess", i],
          code: "unknown_location",
          message: "This location does not exist.",
        });
      }
    });
    if (new Set(user.locationAccess).size !== user.locationAccess.length) {
      issues.push({ path: ["locationAccess"], code: "duplicate", message: "A location is listed twice." });
    }
  }
  const primary = byId.get(user.primaryLocationId);
  const primaryChanged = previous?.primaryLocationId !== user.primaryLocationId;
  if (!primary || (primary.archived && primaryChanged)) {
    issues.push({
      path: ["primaryLocationId"],
      code: "unknown_location",
      message: "This location does not exist.",
    });
  }
  const licenceKeys = new Set(org.licenceTypes.map((l) => l.key));
  user.licences.forEach((key, i) => {
    if (!licenceKeys.has(key)) {
      issues.push({
        path: ["licences", i],
        code: "unknown_licence",
        message: "The organization has no such licence.",
      });
    }
  });
  if (user.provider) {
    const types = new Set(org.providerTypes);
    user.provider.providerTypes.forEach((assignment, i) => {
      if (!types.has(assignment.type)) {
        issues.push({
          path: ["provider", "providerTypes", i, "type"],
          code: "unknown_provider_type",
          message: "The organization does not use this provider type.",
        });
      }
      assignment.locationIds.forEach((id, j) => {
        const inAccess =
          user.locationAccess === "organization" ? byId.has(id) : user.locationAccess.includes(id);
        if (!inAccess) {
          issues.push({
            path: ["provider", "providerTypes", i, "locationIds", j],
            code: "outside_access",
            message: "Provider types apply only at locations the user can access.",
          });
        }
      });
    });
    if (!user.flags.practitioner) {
      issues.push({
        path: ["provider"],
        code: "not_practitioner",
        message: "Only practitioners have a provider profile.",
      });
    }
  }
  if (issues.length) throw fail.validation(issues);
  if (user.locationAccess !== "organization" && !user.locationAccess.includes(user.primaryLocationId)) {
    throw fail.rule(
      "primary_location_outside_access",
      "The primary location must be one of the user's locations.",
      undefined,
      ["primaryLocationId"],
    );
  }
  checkFeatures(org, user);
}

/** R10: features the organization lacks cannot be set; mobile login needs a primary phone. */
export function checkFeatures(org: OrganizationRecord, user: UserRecord): void {
  const f = org.features;
  const off = (feature: string, field: readonly string[]) =>
    fail.rule(
      "feature_disabled",
      `The organization does not have the ${feature} feature.`,
      { feature },
      field,
    );
  if (user.loginChannels.mobile && !f.mobileApp) throw off("mobile app", ["loginChannels", "mobile"]);
  if (user.loginChannels.mobile && !user.profile.primaryPhone) {
    throw fail.rule(
      "mobile_needs_phone",
      "A user who signs in to the mobile app needs a primary phone.",
      undefined,
      ["profile", "primaryPhone"],
    );
  }
  if (user.flags.diary && !f.diary) throw off("diary", ["flags", "diary"]);
  if (user.flags.caseManager && !f.caseManagement) throw off("case management", ["flags", "caseManager"]);
  if (user.provider && !f.providerDirectory) throw off("provider directory", ["provider"]);
}
