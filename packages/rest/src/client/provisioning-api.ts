import type {
  CreatedProvisioningToken,
  DirectoryGroup,
  ProvisionedAttributes,
  ProvisioningSettings,
  ProvisioningToken,
  StaffDirectory,
  User,
} from "@staffroom/core";
import { as, idSegment, isWholeNumber, type Wire } from "./wire";

/**
 * `StaffDirectory.provisioning` over HTTP. Writes send the version the caller names as `If-Match`
 * (core requires it for each of them).
 *
 * @example const { secret } = await provisioningApi(w).createToken({ label: "Okta", roleIds, locationAccess: "organization" });
 */
export function provisioningApi(w: Wire): StaffDirectory["provisioning"] {
  const path = (suffix: string) => w.orgPath(`/provisioning${suffix}`);
  const ifMatch = (options: { version?: unknown } | undefined) =>
    isWholeNumber(options?.version) ? options.version : undefined;
  return {
    settings: async () =>
      as<ProvisioningSettings>(await w.send({ method: "GET", path: await path("/settings") })),
    updateSettings: async (patch, options) =>
      as<ProvisioningSettings>(
        await w.send({
          method: "PATCH",
          path: await path("/settings"),
          body: patch,
          ifMatch: ifMatch(options),
        }),
      ),
    tokens: async () => as<ProvisioningToken[]>(await w.send({ method: "GET", path: await path("/tokens") })),
    createToken: async (input) =>
      as<CreatedProvisioningToken>(
        await w.send({ method: "POST", path: await path("/tokens"), body: input }),
      ),
    revokeToken: async (id, options) =>
      as<ProvisioningToken>(
        await w.send({
          method: "POST",
          path: await path(`/tokens/${idSegment(id)}/revoke`),
          ifMatch: ifMatch(options),
        }),
      ),
    attributes: async (userIds) =>
      as<ProvisionedAttributes[]>(
        await w.send({ method: "POST", path: await path("/attributes"), body: { userIds } }),
      ),
    groups: async () => as<DirectoryGroup[]>(await w.send({ method: "GET", path: await path("/groups") })),
    findUser: async (lookup) =>
      as<User | null>(await w.send({ method: "GET", path: await path("/user"), query: lookup })),
    setAttributes: async (id, patch, options) =>
      w.sendSeen<User>("user", {
        method: "PATCH",
        path: await w.orgPath(`/users/${idSegment(id)}/provisioning`),
        body: patch,
        ifMatch: ifMatch(options),
      }),
  };
}
