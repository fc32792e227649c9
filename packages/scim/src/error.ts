import { DirectoryError, ERROR_STATUS, type RuleCode } from "@staffroom/core";
import { URN } from "./constants";

/** RFC 7644 §3.12 `scimType` values. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/**
 * An expected SCIM failure: answered as an RFC 7644 Error document with `status` as a string.
 *
 * @example throw new ScimError(400, "invalidFilter", "Unknown attribute \"nickName\".");
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

/** The DESIGN rule each of core's rule sub-codes enforces, so a refusal names it in `detail`. */
const RULE_OF: Readonly<Record<RuleCode, string>> = {
  last_admin: "R6",
  self_change: "R7",
  main_contact_only: "R7",
  location_required: "R8",
  primary_location_outside_access: "R8",
  seat_limit: "R9",
  concurrent_seat_limit: "R9",
  licence_seat_limit: "R9",
  practitioner_seat_limit: "R9",
  feature_disabled: "R10",
  mobile_needs_phone: "R10",
  role_in_use: "R7",
  location_in_use: "R8",
  licence_in_use: "R9",
  invalid_state: "provisioning settings",
  password_policy: "R16",
  must_change_password: "R17",
};

/** Core's field paths as the SCIM attributes they came from. */
const ATTRIBUTE_OF: Readonly<Record<string, string>> = {
  email: "userName",
  "profile.givenName": "name.givenName",
  "profile.familyName": "name.familyName",
  "profile.jobTitle": "title",
  "profile.primaryPhone": 'phoneNumbers[type eq "work"].value',
  "profile.alternatePhone": 'phoneNumbers[type eq "mobile"].value',
  externalId: "externalId",
  employeeNumber: `${URN.enterprise}:employeeNumber`,
  department: `${URN.enterprise}:department`,
  password: "password",
  roleId: "groups (role)",
  locationAccess: "groups (locations)",
  primaryLocationId: "groups (primary location)",
};

function attributeOf(path: readonly (string | number)[]): string {
  const key = path.filter((p) => typeof p === "string").join(".");
  return ATTRIBUTE_OF[key] ?? (key || "the request");
}

/**
 * The SCIM error of a core refusal: its HTTP status (core's table, a stale write after retries as
 * 409), `scimType` where SCIM has one, and a `detail` that names the attribute or the rule —
 * "R9 (seat_limit): …" — and never a secret (core's messages hold none, R15).
 *
 * @example scimErrorOf(new DirectoryError({ code: "rule", rule: "seat_limit", message: "No seat left." })).detail // "R9 (seat_limit): No seat left."
 */
export function scimErrorOf(error: DirectoryError): ScimError {
  const data = error.toJSON();
  switch (data.code) {
    case "validation": {
      const issues = (data.issues ?? []).map((i) => `${attributeOf(i.path)}: ${i.message}`);
      return new ScimError(400, "invalidValue", issues.length ? issues.join(" ") : data.message);
    }
    case "conflict": {
      const unique = (data.issues ?? []).some((i) =>
        ["duplicate_email", "existing_account", "duplicate_external_id"].includes(i.code),
      );
      const named = (data.issues ?? []).map((i) => `${attributeOf(i.path)}: ${i.message}`);
      return new ScimError(409, unique ? "uniqueness" : null, named.length ? named.join(" ") : data.message);
    }
    case "rule": {
      const rule = data.rule ? `${RULE_OF[data.rule]} (${data.rule})` : "rule";
      return new ScimError(ERROR_STATUS.rule, null, `${rule}: ${data.message}`);
    }
    case "forbidden":
      return new ScimError(
        403,
        null,
        `R2–R4 (the token's permissions, roles and locations): ${data.message}`,
      );
    case "not_found":
      return new ScimError(404, null, data.message === "Not found." ? "Resource not found." : data.message);
    case "unauthenticated":
      return new ScimError(401, null, "The bearer token is missing, unknown or revoked.", {
        "WWW-Authenticate": 'Bearer realm="scim"',
      });
    case "stale":
    case "precondition_required":
      return new ScimError(409, null, "The resource changed while this request ran; send it again.");
    case "rate_limited": {
      const seconds = (data.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      return new ScimError(
        429,
        null,
        data.message,
        typeof seconds === "number" ? { "Retry-After": String(seconds) } : {},
      );
    }
  }
}

/**
 * The Error document of a refusal (RFC 7644 §3.12): `schemas`, `status` as a string, `scimType`
 * when there is one, `detail`.
 *
 * @example errorDocument(new ScimError(404, null, "Resource not found.")) // { schemas: [...], status: "404", detail: "…" }
 */
export function errorDocument(error: ScimError): Record<string, unknown> {
  return {
    schemas: [URN.error],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  };
}

/** Whether a thrown value is an expected refusal of core. */
export const isDirectoryError = (value: unknown): value is DirectoryError => value instanceof DirectoryError;
