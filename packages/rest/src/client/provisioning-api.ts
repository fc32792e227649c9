import type {
  CreatedProvisioningToken,
  DirectoryGroup,
  ProvisionedAttributes,
  ProvisioningSettings,
  ProvisioningToken,
  StaffDirectory,
  User,
} from "@staffroom/core";
import { as, idSegment, versionOf, type Wire } from "./wire";

/**
 * `StaffDirectory.provisioning` over HTTP. Writes send the version their caller read as `If-Match`
 * (R12; the client never reads one for them).
 *
 * @example const { secret } = await provisioningApi(w).createToken({ label: "Okta", roleIds, locationAccess: "organization" });
 */
export function provisioningApi(w: Wire): StaffDirectory["provisioning"] {
  const path = (suffix: string) => w.orgPath(`/provisioning${suffix}`);
  return {
    settings: async () =>
      as<ProvisioningSettings>(
        await w.send({ operation: "provisioning.settings", method: "GET", path: await path("/settings") }),
      ),
    updateSettings: async (patch, options) =>
      as<ProvisioningSettings>(
        await w.send({
          operation: "provisioning.updateSettings",
          method: "PATCH",
          path: await path("/settings"),
          body: patch,
          ifMatch: versionOf(options),
        }),
      ),
    tokens: async () =>
      as<ProvisioningToken[]>(
        await w.send({ operation: "provisioning.tokens", method: "GET", path: await path("/tokens") }),
      ),
    createToken: async (input) =>
      as<CreatedProvisioningToken>(
        await w.send({
          operation: "provisioning.createToken",
          method: "POST",
          path: await path("/tokens"),
          body: input,
        }),
      ),
    revokeToken: async (id, options) =>
      as<ProvisioningToken>(
        await w.send({
          operation: "provisioning.revokeToken",
          method: "POST",
          path: await path(`/tokens/${idSegment(id)}/revoke`),
          ifMatch: versionOf(options),
        }),
      ),
    attributes: async (userIds) =>
      as<ProvisionedAttributes[]>(
        await w.send({
          operation: "provisioning.attributes",
          method: "POST",
          path: await path("/attributes"),
          body: { userIds },
        }),
      ),
    groups: async () =>
      as<DirectoryGroup[]>(
        await w.send({ operation: "provisioning.groups", method: "GET", path: await path("/groups") }),
      ),
    findUser: async (lookup) =>
      as<User | null>(
        await w.send({
          operation: "provisioning.findUser",
          method: "GET",
          path: await path("/user"),
          query: lookup,
        }),
      ),
    setAttributes: async (id, patch, options) =>
      as<User>(
        await w.send({
          operation: "provisioning.setAttributes",
          method: "PATCH",
          path: await w.orgPath(`/users/${idSegment(id)}/provisioning`),
          body: patch,
          ifMatch: versionOf(options),
        }),
      ),
  };
}
