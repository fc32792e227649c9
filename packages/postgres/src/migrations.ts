import { splitLegacyAudit } from "./legacy-audit";
import type { SqlQueryable } from "./sql-client";

/**
 * One versioned schema change. Applied once, in its own transaction, in ascending version order:
 * first its SQL `statements`, then its `run` step (a data migration written in TypeScript, given
 * the transaction's connection); when either fails, the whole migration rolls back and is not
 * recorded. A released version is never edited (add a new one instead).
 *
 * @example { version: 1, name: "directory tables", statements: ["CREATE TABLE …"] }
 * @example { version: 2, name: "…", statements: ["CREATE TABLE …"], run: async (q) => { await q.query("UPDATE …"); } }
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  /** A data step run after `statements`, inside the same transaction. Default: none. */
  readonly run?: (q: SqlQueryable) => Promise<void>;
}

// Conventions of the schema:
// - instants are timestamptz (records carry them as ISO strings; the store converts);
// - ids, emails and sort keys compare byte-wise (COLLATE "C"), as the memory store compares code units;
// - parts never queried (profile, provider, features …) are jsonb; the audit event is kept as the
//   exact json text that was hashed, so tamper evidence sees what was written;
// - foreign keys are DEFERRABLE INITIALLY DEFERRED: a transaction may write in any order and the
//   database checks the whole at COMMIT.
const DIRECTORY_TABLES: readonly string[] = [
  `CREATE TABLE organizations (
    id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    features jsonb NOT NULL,
    seats jsonb NOT NULL,
    licence_types jsonb NOT NULL,
    provider_types jsonb NOT NULL,
    main_contact_user_id text COLLATE "C",
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE locations (
    id text COLLATE "C" PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    group_name text,
    archived boolean NOT NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (organization_id, id)
  )`,
  `CREATE INDEX locations_by_name ON locations (organization_id, name_key, id)`,
  `CREATE TABLE roles (
    id text COLLATE "C" PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    description text,
    permissions jsonb NOT NULL,
    template text,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (organization_id, id)
  )`,
  `CREATE INDEX roles_by_name ON roles (organization_id, name_key, id)`,
  `CREATE TABLE accounts (
    id text COLLATE "C" PRIMARY KEY,
    email text COLLATE "C" NOT NULL,
    password jsonb,
    failed_sign_ins integer NOT NULL,
    lockouts integer NOT NULL,
    locked_until timestamptz,
    last_sign_in_at timestamptz,
    password_changed_at timestamptz,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  // R1: one account per email ignoring case, whoever writes the row.
  `CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email))`,
  `CREATE TABLE users (
    id text COLLATE "C" PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
    email text COLLATE "C" NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    role_id text COLLATE "C" NOT NULL,
    org_wide boolean NOT NULL,
    location_ids text[] NOT NULL,
    primary_location_id text COLLATE "C" NOT NULL,
    practitioner boolean NOT NULL,
    licences text[] NOT NULL,
    profile jsonb NOT NULL,
    login_channels jsonb NOT NULL,
    flags jsonb NOT NULL,
    provider jsonb,
    must_change_password boolean NOT NULL,
    last_sign_in_at timestamptz,
    invited_at timestamptz,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    search text NOT NULL,
    UNIQUE (organization_id, account_id),
    FOREIGN KEY (organization_id, role_id) REFERENCES roles (organization_id, id)
      DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (organization_id, primary_location_id) REFERENCES locations (organization_id, id)
      DEFERRABLE INITIALLY DEFERRED
  )`,
  `CREATE INDEX users_by_account ON users (account_id, organization_id)`,
  // Counts (seats, last admin, tabs) and filters: index-only scans by status and role.
  `CREATE INDEX users_by_status ON users (organization_id, status, role_id, practitioner)`,
  `CREATE INDEX users_by_location ON users USING gin (location_ids)`,
  `CREATE INDEX users_org_wide ON users (organization_id, status) WHERE org_wide`,
  // The eight orders of users.list: ties by id ascending in both directions, users without a
  // last sign-in last in both (coalesced to ±infinity), so each direction has its own index.
  `CREATE INDEX users_name_asc ON users (organization_id, name_key, id)`,
  `CREATE INDEX users_name_desc ON users (organization_id, name_key DESC, id)`,
  `CREATE INDEX users_email_asc ON users (organization_id, email, id)`,
  `CREATE INDEX users_email_desc ON users (organization_id, email DESC, id)`,
  `CREATE INDEX users_created_asc ON users (organization_id, created_at, id)`,
  `CREATE INDEX users_created_desc ON users (organization_id, created_at DESC, id)`,
  `CREATE INDEX users_signed_in_asc
    ON users (organization_id, (COALESCE(last_sign_in_at, 'infinity'::timestamptz)), id)`,
  `CREATE INDEX users_signed_in_desc
    ON users (organization_id, (COALESCE(last_sign_in_at, '-infinity'::timestamptz)) DESC, id)`,
  `CREATE TABLE invitations (
    id text COLLATE "C" PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    email text NOT NULL,
    token_hash text COLLATE "C" NOT NULL,
    invited_by text,
    sent_count integer NOT NULL,
    last_sent_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    accepted_at timestamptz,
    created_at timestamptz NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED
  )`,
  `CREATE INDEX invitations_by_token ON invitations (token_hash)`,
  `CREATE INDEX invitations_by_user ON invitations (organization_id, user_id, created_at DESC, id DESC)`,
  `CREATE TABLE sessions (
    token_hash text COLLATE "C" PRIMARY KEY,
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
    organization_id text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    metadata jsonb NOT NULL
  )`,
  `CREATE INDEX sessions_by_account ON sessions (account_id, organization_id)`,
  `CREATE INDEX sessions_by_organization ON sessions (organization_id, expires_at)`,
  `CREATE TABLE counters (
    key text COLLATE "C" PRIMARY KEY,
    window_start text NOT NULL,
    count integer NOT NULL
  )`,
  `CREATE TABLE secret_tokens (
    token_hash text COLLATE "C" PRIMARY KEY,
    kind text NOT NULL,
    account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
    organization_id text,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,
  `CREATE INDEX secret_tokens_by_account ON secret_tokens (account_id, kind)`,
  `CREATE TABLE audit_events (
    position bigserial PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    sequence integer NOT NULL,
    at timestamptz NOT NULL,
    actor_user_id text COLLATE "C",
    target_id text COLLATE "C",
    action text NOT NULL,
    event json NOT NULL
  )`,
  `CREATE INDEX audit_by_sequence ON audit_events (organization_id, sequence, position)`,
  `CREATE INDEX audit_by_action ON audit_events (organization_id, action, sequence)`,
  `CREATE INDEX audit_by_actor ON audit_events (organization_id, actor_user_id, sequence)`,
  `CREATE INDEX audit_by_target ON audit_events (organization_id, target_id, sequence)`,
];

// Version 2: audit events split into a chained event and erasable personal parts (W6, R18). The
// parts keep their values as the exact json text that was digested. `audit_legacy_heads` keeps,
// per organization, the head (sequence, hash) of the version-1 chain the split replaced and whether
// that chain verified, so an anchor recorded before the upgrade can still be matched.
const AUDIT_PERSONAL_TABLES: readonly string[] = [
  `CREATE TABLE audit_personal (
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    event_id text COLLATE "C" NOT NULL,
    subject text COLLATE "C" NOT NULL,
    salt text NOT NULL,
    personal_values json NOT NULL,
    PRIMARY KEY (organization_id, event_id, subject)
  )`,
  `CREATE INDEX audit_personal_by_subject ON audit_personal (organization_id, subject)`,
  `CREATE TABLE audit_legacy_heads (
    organization_id text COLLATE "C" PRIMARY KEY,
    events integer NOT NULL,
    checked integer NOT NULL,
    sequence integer NOT NULL,
    hash text NOT NULL,
    verified boolean NOT NULL,
    problem text,
    first_bad_sequence integer,
    migrated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

// Per-client throttling (core's RateLimiter port): one row per key and its current window, in
// milliseconds since the epoch as the directory's clock gives them. Versions are applied in
// ascending order, whichever a database lacks.
const RATE_LIMITS: readonly string[] = [
  `CREATE TABLE rate_limits (
    key text COLLATE "C" PRIMARY KEY,
    window_start bigint NOT NULL,
    window_end bigint NOT NULL,
    count integer NOT NULL CHECK (count >= 0)
  )`,
  `CREATE INDEX rate_limits_by_end ON rate_limits (window_end)`,
];

// Version 4: provisioning (SCIM). Tokens keep the SHA-256 of their secret only (R15), unique across
// the database (the secret names its organization); each organization's settings (default role and
// locations of provisioned users, mapped groups) are one row; users' identity-provider attributes
// (external id, employee number, department) are a row per membership, deleted with it (W6), with
// the external id indexed for the look-up identity providers start every sync with.
const PROVISIONING: readonly string[] = [
  `CREATE TABLE provisioning_tokens (
    id text COLLATE "C" PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    label text NOT NULL,
    secret_hash text COLLATE "C" NOT NULL UNIQUE,
    role_ids jsonb NOT NULL,
    location_access jsonb NOT NULL,
    created_by text COLLATE "C",
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz,
    version integer NOT NULL
  )`,
  `CREATE INDEX provisioning_tokens_by_organization ON provisioning_tokens (organization_id, created_at, id)`,
  `CREATE TABLE provisioning_settings (
    organization_id text COLLATE "C" PRIMARY KEY
      REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    default_role_id text COLLATE "C",
    default_location_access jsonb,
    default_primary_location_id text COLLATE "C",
    groups jsonb NOT NULL,
    version integer NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE provisioned_users (
    organization_id text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
    external_id text COLLATE "C",
    employee_number text,
    department text,
    PRIMARY KEY (organization_id, user_id)
  )`,
  `CREATE INDEX provisioned_users_by_external_id ON provisioned_users (organization_id, external_id)
    WHERE external_id IS NOT NULL`,
];

// Version 5 (4 is the SCIM provisioning tables): W13 session limits per organization, and an id
// for each session that names it to administrators (the Sessions list, End session) apart from the
// token hash. Organizations that existed get the default limits (15 idle minutes, 12 hours);
// sessions that existed get a random id. The newest-first index serves the Sessions list.
const SESSION_ADMIN: readonly string[] = [
  `ALTER TABLE organizations ADD COLUMN session_limits jsonb NOT NULL
    DEFAULT '{"idleMinutes":15,"lifetimeHours":12}'::jsonb`,
  "ALTER TABLE organizations ALTER COLUMN session_limits DROP DEFAULT",
  `ALTER TABLE sessions ADD COLUMN id text COLLATE "C"`,
  "UPDATE sessions SET id = 'ses_' || replace(gen_random_uuid()::text, '-', '')",
  "ALTER TABLE sessions ALTER COLUMN id SET NOT NULL",
  "CREATE UNIQUE INDEX sessions_by_id ON sessions (id)",
  "CREATE INDEX sessions_newest ON sessions (organization_id, created_at DESC, id DESC)",
];

// Version 6: cheap exact totals and indexed short search terms for users.list (issue 16).
//
// `user_tallies` counts one organization's users per (status, role, practitioner, org-wide,
// location set): a list without search terms totals a few hundred tally rows instead of tens of
// thousands of users, exactly. Triggers keep it in the same transaction as every write to `users`
// (INSERT, DELETE, an UPDATE that moves a user between tallies, TRUNCATE), whoever writes — the
// store, a migration or an operator's SQL — so a reader's snapshot always sees tallies and users
// agree. Each trigger upserts its (at most two) keys in key order; core serialises the writes of
// one organization on its advisory lock, so tally rows never deadlock. The location set is sorted
// and de-duplicated (`staffroom_location_key`); org-wide users tally with an empty set.
//
// `search_bigrams` holds every pair of adjacent characters of `search` (neither a space nor the
// newline separating its parts, both in the Basic Multilingual Plane) as one integer, so a two-
// character term — "12" of an NPI, "pa" of a name as typed — is answered from a GIN index (pg_trgm
// needs three characters). The code is exact (first * 65536 + second, shifted into int4), so the
// index finds exactly the users whose search text holds the pair. Generated by the database from
// `search`, so the column can never disagree with it.
const USER_TALLIES: readonly string[] = [
  `CREATE FUNCTION staffroom_location_key(org_wide boolean, ids text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN org_wide THEN '{}'::text[]
        ELSE ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(ids) AS x ORDER BY 1) END
    $$`,
  `CREATE TABLE user_tallies (
    organization_id text COLLATE "C" NOT NULL,
    status text NOT NULL,
    role_id text COLLATE "C" NOT NULL,
    practitioner boolean NOT NULL,
    org_wide boolean NOT NULL,
    location_ids text[] COLLATE "C" NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (organization_id, status, role_id, practitioner, org_wide, location_ids)
  )`,
  `INSERT INTO user_tallies (organization_id, status, role_id, practitioner, org_wide, location_ids, n)
    SELECT organization_id, status, role_id, practitioner, org_wide,
      staffroom_location_key(org_wide, location_ids), count(*)::integer
    FROM users GROUP BY 1, 2, 3, 4, 5, 6`,
  `CREATE FUNCTION staffroom_user_tally() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      INSERT INTO user_tallies AS t (organization_id, status, role_id, practitioner, org_wide, location_ids, n)
      SELECT d.organization_id, d.status, d.role_id, d.practitioner, d.org_wide, d.location_ids, sum(d.n)::integer
      FROM (
        SELECT OLD.organization_id, OLD.status, OLD.role_id, OLD.practitioner, OLD.org_wide,
          staffroom_location_key(OLD.org_wide, OLD.location_ids), -1
        WHERE TG_OP IN ('UPDATE', 'DELETE')
        UNION ALL
        SELECT NEW.organization_id, NEW.status, NEW.role_id, NEW.practitioner, NEW.org_wide,
          staffroom_location_key(NEW.org_wide, NEW.location_ids), 1
        WHERE TG_OP IN ('INSERT', 'UPDATE')
      ) AS d (organization_id, status, role_id, practitioner, org_wide, location_ids, n)
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (organization_id, status, role_id, practitioner, org_wide, location_ids)
      DO UPDATE SET n = t.n + EXCLUDED.n;
      RETURN NULL;
    END $$`,
  `CREATE FUNCTION staffroom_user_tally_truncate() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      DELETE FROM user_tallies;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER users_tally_insert AFTER INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION staffroom_user_tally()`,
  `CREATE TRIGGER users_tally_delete AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION staffroom_user_tally()`,
  `CREATE TRIGGER users_tally_update
    AFTER UPDATE OF organization_id, status, role_id, practitioner, org_wide, location_ids ON users
    FOR EACH ROW WHEN (
      OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.role_id IS DISTINCT FROM NEW.role_id OR OLD.practitioner IS DISTINCT FROM NEW.practitioner
      OR OLD.org_wide IS DISTINCT FROM NEW.org_wide OR OLD.location_ids IS DISTINCT FROM NEW.location_ids)
    EXECUTE FUNCTION staffroom_user_tally()`,
  `CREATE TRIGGER users_tally_truncate AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION staffroom_user_tally_truncate()`,
  `CREATE FUNCTION staffroom_bigrams(s text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT (p.a::bigint * 65536 + p.b - 2147483648)::integer), '{}')
      FROM (SELECT ascii(c) AS a, lead(ascii(c)) OVER (ORDER BY n) AS b
            FROM unnest(string_to_array(s, NULL)) WITH ORDINALITY AS x (c, n)) AS p
      WHERE p.b IS NOT NULL AND p.a <= 65535 AND p.b <= 65535
        AND p.a NOT IN (10, 32) AND p.b NOT IN (10, 32)
    $$`,
  `ALTER TABLE users ADD COLUMN search_bigrams integer[]
    GENERATED ALWAYS AS (staffroom_bigrams(search)) STORED`,
  `CREATE INDEX users_search_bigrams ON users USING gin (search_bigrams)`,
];

/**
 * Every migration of the schema, ascending. `migrate()` applies the ones a database lacks.
 *
 * @example MIGRATIONS.at(-1)?.version // the schema version this release expects
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "directory tables", statements: DIRECTORY_TABLES },
  {
    version: 2,
    name: "erasable personal parts of audit events",
    statements: AUDIT_PERSONAL_TABLES,
    run: splitLegacyAudit,
  },
  { version: 3, name: "rate limits", statements: RATE_LIMITS },
  { version: 4, name: "provisioning", statements: PROVISIONING },
  { version: 5, name: "session limits and session ids", statements: SESSION_ADMIN },
  { version: 6, name: "user tallies and two-character search", statements: USER_TALLIES },
];
