// The rules of DESIGN.md §4, word for word (each rule's lines joined by one space). The spec lives
// outside this repository, so its rules are copied here for `rules-table.mjs`; when DESIGN.md
// changes, update this list and check it with
// `node scripts/rules-table.mjs --check --design path/to/DESIGN.md`.

/** @type {readonly { code: string, text: string }[]} */
export const RULES = [
  {
    code: "R1",
    text: "Email is the user name: syntax checked, unique per account ignoring case, normalised.",
  },
  { code: "R2", text: "Deny by default: every operation needs an explicit permission of the actor." },
  {
    code: "R3",
    text: "No escalation: an actor grants only roles whose permissions it holds, only locations it has, and never changes its own role or locations.",
  },
  {
    code: "R4",
    text: "Delegated scope: an actor limited to locations sees users who share one of them and manages only users whose locations all lie inside its own.",
  },
  {
    code: "R5",
    text: "Tenant isolation: anything of another organization, or outside the actor's scope, answers `not_found`, exactly as a missing id does, and never shows in lists or counts.",
  },
  {
    code: "R6",
    text: "At least one active administrator (holder of `users.manage`) always remains; holds under concurrent requests.",
  },
  {
    code: "R7",
    text: "No one disables, deletes or demotes themselves. Only the main contact removes or demotes an administrator; the main contact role can be handed over.",
  },
  {
    code: "R8",
    text: "An organization has a location before a user is invited or created; every user has a primary location inside their access.",
  },
  {
    code: "R9",
    text: "Seats: active + pending users within named seats (per type where set); signed-in sessions within concurrent seats; clear errors, nothing half-written.",
  },
  {
    code: "R10",
    text: "Conditional fields: features the organization lacks cannot be set; mobile login needs a phone.",
  },
  {
    code: "R11",
    text: "Provider data valid: NPI 10 digits with Luhn check over prefix 80840; taxonomy `\\d{3}[0-9A-Z]{6}X`; capacity ≥ 1; scheduling step from the allowed set.",
  },
  {
    code: "R12",
    text: "Optimistic concurrency: every write names the version it read; a stale one fails with `stale` and writes nothing.",
  },
  { code: "R13", text: "Atomicity: a mutation and its audit event commit together or not at all." },
  {
    code: "R14",
    text: "Input is an allowlist: unknown fields are rejected; status, organization, password hashes and roles change only through their own operations.",
  },
  {
    code: "R15",
    text: "Secrets: passwords hashed slowly (PBKDF2/scrypt/Argon2id behind a `PasswordHasher` port); invitation and reset tokens ≥ 128 bits, only their SHA-256 stored, single-use, expiring (invitation 7 days default, reset 60 minutes); no secret in an audit event, log or error.",
  },
  {
    code: "R16",
    text: "Passwords follow NIST 800-63B: length 8–64+ (15 when it is the only factor, configurable), no composition rules, no truncation, checked against common passwords and the user's own details.",
  },
  {
    code: "R17",
    text: "Sign-in: the same answer for unknown account, wrong password, locked and disabled; lockout after a configurable number of failures with an atomic counter; admin unlock.",
  },
  {
    code: "R18",
    text: "Audit: every mutation and sign-in event recorded with actor, target, action, outcome, changed privilege fields, UTC time, request metadata; append-only; hash-chained per organization with a `verify()` that finds an edited or removed event.",
  },
];
