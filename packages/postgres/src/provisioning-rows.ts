import type {
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
  StoreTransaction,
} from "@staffroom/core/store";
import { iso, isoRequired, json } from "./rows";
import type { SqlRow } from "./sql-client";

type Provisioning = Pick<
  StoreTransaction,
  | "insertProvisioningToken"
  | "getProvisioningToken"
  | "findProvisioningTokenByHash"
  | "listProvisioningTokens"
  | "updateProvisioningToken"
  | "touchProvisioningToken"
  | "getProvisioningSettings"
  | "putProvisioningSettings"
  | "listProvisionedUsers"
  | "findProvisionedUserByExternalId"
  | "putProvisionedUser"
  | "deleteProvisionedUser"
>;

const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** A provisioning token from its row. @example tokenFromRow(row).label */
export function tokenFromRow(r: SqlRow): ProvisioningTokenRecord {
  return {
    id: String(r.id),
    organizationId: String(r.organization_id),
    label: String(r.label),
    secretHash: String(r.secret_hash),
    roleIds: r.role_ids as string[],
    locationAccess: r.location_access as ProvisioningTokenRecord["locationAccess"],
    createdBy: strOrNull(r.created_by),
    createdAt: isoRequired(r.created_at),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
    version: Number(r.version),
  };
}

/** Provisioning settings from their row. @example settingsFromRow(row).groups */
export function settingsFromRow(r: SqlRow): ProvisioningSettingsRecord {
  return {
    organizationId: String(r.organization_id),
    defaultRoleId: strOrNull(r.default_role_id),
    defaultLocationAccess: (r.default_location_access ??
      null) as ProvisioningSettingsRecord["defaultLocationAccess"],
    defaultPrimaryLocationId: strOrNull(r.default_primary_location_id),
    groups: r.groups as ProvisioningSettingsRecord["groups"],
    version: Number(r.version),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** A user's identity-provider attributes from their row. @example provisionedUserFromRow(row).externalId */
export function provisionedUserFromRow(r: SqlRow): ProvisionedUserRecord {
  return {
    organizationId: String(r.organization_id),
    userId: String(r.user_id),
    externalId: strOrNull(r.external_id),
    employeeNumber: strOrNull(r.employee_number),
    department: strOrNull(r.department),
  };
}

const TOKEN_SET = `label = $3, secret_hash = $4, role_ids = $5::text::jsonb, location_access = $6::text::jsonb,
  created_by = $7, created_at = $8, last_used_at = $9, revoked_at = $10, version = $11`;

const tokenParams = (t: ProvisioningTokenRecord): unknown[] => [
  t.id,
  t.organizationId,
  t.label,
  t.secretHash,
  json(t.roleIds),
  json(t.locationAccess),
  t.createdBy,
  t.createdAt,
  t.lastUsedAt,
  t.revokedAt,
  t.version,
];

/**
 * The provisioning methods of a PostgreSQL transaction (migration 4's tables), over its query
 * function. Tokens are found by the unique SHA-256 of their secret; settings and attributes are
 * compare-and-set or keyed writes under core's organization lock.
 *
 * @example const provisioning = provisioningStatements((text, params) => connection.query(text, params));
 */
export function provisioningStatements(
  q: (text: string, params?: readonly unknown[]) => Promise<SqlRow[]>,
): Provisioning {
  const first = <T>(rows: SqlRow[], map: (row: SqlRow) => T): T | null => {
    const row = rows[0];
    return row === undefined ? null : map(row);
  };
  return {
    async insertProvisioningToken(token) {
      await q(
        `INSERT INTO provisioning_tokens (id, organization_id, label, secret_hash, role_ids, location_access,
          created_by, created_at, last_used_at, revoked_at, version)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10, $11)`,
        tokenParams(token),
      );
    },
    async getProvisioningToken(organizationId, id) {
      return first(
        await q("SELECT * FROM provisioning_tokens WHERE id = $1 AND organization_id = $2", [
          id,
          organizationId,
        ]),
        tokenFromRow,
      );
    },
    async findProvisioningTokenByHash(secretHash) {
      return first(
        await q("SELECT * FROM provisioning_tokens WHERE secret_hash = $1", [secretHash]),
        tokenFromRow,
      );
    },
    async listProvisioningTokens(organizationId) {
      const rows = await q(
        "SELECT * FROM provisioning_tokens WHERE organization_id = $1 ORDER BY created_at, id",
        [organizationId],
      );
      return rows.map(tokenFromRow);
    },
    async updateProvisioningToken(token, expectedVersion) {
      const rows = await q(
        `UPDATE provisioning_tokens SET ${TOKEN_SET}
         WHERE id = $1 AND organization_id = $2 AND version = $12 RETURNING id`,
        [...tokenParams(token), expectedVersion],
      );
      return rows.length === 1;
    },
    async touchProvisioningToken(organizationId, id, lastUsedAt) {
      await q("UPDATE provisioning_tokens SET last_used_at = $3 WHERE id = $1 AND organization_id = $2", [
        id,
        organizationId,
        lastUsedAt,
      ]);
    },
    async getProvisioningSettings(organizationId) {
      return first(
        await q("SELECT * FROM provisioning_settings WHERE organization_id = $1", [organizationId]),
        settingsFromRow,
      );
    },
    async putProvisioningSettings(s, expectedVersion) {
      const params = [
        s.organizationId,
        s.defaultRoleId,
        json(s.defaultLocationAccess),
        s.defaultPrimaryLocationId,
        json(s.groups),
        s.version,
        s.updatedAt,
      ];
      const rows =
        expectedVersion === null
          ? await q(
              `INSERT INTO provisioning_settings (organization_id, default_role_id, default_location_access,
                default_primary_location_id, groups, version, updated_at)
               VALUES ($1, $2, $3::text::jsonb, $4, $5::text::jsonb, $6, $7)
               ON CONFLICT (organization_id) DO NOTHING RETURNING organization_id`,
              params,
            )
          : await q(
              `UPDATE provisioning_settings SET default_role_id = $2, default_location_access = $3::text::jsonb,
                default_primary_location_id = $4, groups = $5::text::jsonb, version = $6, updated_at = $7
               WHERE organization_id = $1 AND version = $8 RETURNING organization_id`,
              [...params, expectedVersion],
            );
      return rows.length === 1;
    },
    async listProvisionedUsers(organizationId, userIds) {
      if (userIds.length === 0) return [];
      const rows = await q(
        "SELECT * FROM provisioned_users WHERE organization_id = $1 AND user_id = ANY($2::text[])",
        [organizationId, [...new Set(userIds)]],
      );
      return rows.map(provisionedUserFromRow);
    },
    async findProvisionedUserByExternalId(organizationId, externalId) {
      return first(
        await q("SELECT * FROM provisioned_users WHERE organization_id = $1 AND external_id = $2", [
          organizationId,
          externalId,
        ]),
        provisionedUserFromRow,
      );
    },
    async putProvisionedUser(r) {
      await q(
        `INSERT INTO provisioned_users (organization_id, user_id, external_id, employee_number, department)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id, user_id) DO UPDATE SET external_id = EXCLUDED.external_id,
           employee_number = EXCLUDED.employee_number, department = EXCLUDED.department`,
        [r.organizationId, r.userId, r.externalId, r.employeeNumber, r.department],
      );
    },
    async deleteProvisionedUser(organizationId, userId) {
      await q("DELETE FROM provisioned_users WHERE organization_id = $1 AND user_id = $2", [
        organizationId,
        userId,
      ]);
    },
  };
}
