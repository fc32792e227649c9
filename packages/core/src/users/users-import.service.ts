import { type ActorContext, loadActor } from "../access/actor";
import { auditActor, auditTarget } from "../audit/audit-writer";
import { canonicalJson } from "../audit/chain";
import type { Unit } from "../directory/context";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { DirectoryError, type FieldIssue, fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import { EmailSchema } from "../primitives/contact.schema";
import {
  cellsOf,
  guessImportMapping,
  IMPORT_FIELD_VALUE,
  type ImportCells,
  type ImportFacts,
  issueInColumn,
  issuesOfError,
  newUserInput,
  userPatchOf,
} from "./user-import.mapping";
import {
  IMPORT_FIELDS,
  type ImportField,
  ImportInputSchema,
  type ImportMapping,
  type ImportReport,
  type ImportRowResult,
  type ImportStatus,
} from "./user-import.schema";
import { CreateUserInputSchema, InviteUserInputSchema, UserPatchSchema } from "./user-input.schema";
import { usersManagerVerdict } from "./users.rules";
import { createUserIn, inviteUserIn } from "./users-create.service";
import { updateUserIn } from "./users-update.service";

/** One data row as planned before anything is read from the store. */
interface PlannedRow {
  readonly row: number;
  readonly cells: ImportCells;
  readonly email: string | null;
  /** Issues found in the row alone (a bad email, a repeat): the row is an error without a store read. */
  readonly issues: ImportRowResult["issues"];
  readonly blank: boolean;
}

/** Thrown out of a dry run's transaction so the store discards everything it did. */
class DryRunRollback extends Error {
  constructor(readonly rows: ImportRowResult[]) {
    super("dry run");
  }
}

function resolveMapping(columns: readonly string[], given: ImportMapping | undefined): ImportMapping {
  const mapping = given ?? guessImportMapping(columns);
  const issues: FieldIssue[] = [];
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== undefined && !columns.includes(column)) {
      issues.push({
        path: ["mapping", field],
        code: "unknown_column",
        message: `The file has no column “${column}”.`,
      });
    }
  }
  if (mapping.email === undefined) {
    issues.push({
      path: ["mapping", "email"],
      code: "required",
      message: "Choose the column that holds the email.",
    });
  }
  const used = Object.values(mapping);
  if (new Set(used).size !== used.length) {
    issues.push({ path: ["mapping"], code: "duplicate", message: "A column can fill one field only." });
  }
  if (issues.length > 0) throw fail.validation(issues, "Check the column mapping.");
  return mapping;
}

function plan(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ImportMapping,
): PlannedRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((cellsRow, i) => {
    const row = i + 1;
    const cells = cellsOf(columns, cellsRow, mapping);
    if (Object.keys(cells).length === 0 && cellsRow.every((c) => c.trim() === "")) {
      return { row, cells, email: null, issues: [], blank: true };
    }
    const raw = cells.email;
    const parsed = raw === undefined ? null : EmailSchema.safeParse(raw);
    const email = parsed?.success ? parsed.data : null;
    const column = mapping.email ?? null;
    if (raw === undefined) {
      return {
        row,
        cells,
        email: null,
        issues: [{ column, code: "required", message: "Enter an email." }],
        blank: false,
      };
    }
    if (email === null) {
      const message = parsed?.error?.issues[0]?.message ?? "Enter an email address like name@clinic.org.";
      return { row, cells, email: raw, issues: [{ column, code: "invalid_email", message }], blank: false };
    }
    const earlier = firstRow.get(email);
    if (earlier !== undefined) {
      const message = `This email is already on row ${earlier}.`;
      return { row, cells, email, issues: [{ column, code: "duplicate_row", message }], blank: false };
    }
    firstRow.set(email, row);
    return { row, cells, email, issues: [], blank: false };
  });
}

async function factsOf(unit: Unit, a: ActorContext): Promise<ImportFacts> {
  const [roles, locations] = await Promise.all([
    unit.tx.listRoles(a.organization.id),
    unit.tx.listLocations(a.organization.id),
  ]);
  return { roles, locations };
}

const result = (
  p: PlannedRow,
  status: ImportStatus,
  issues: ImportRowResult["issues"] = [],
  changed: ImportField[] = [],
): ImportRowResult => ({ row: p.row, email: p.email, status, changed, issues });

/**
 * One row inside a unit: an update of the person with this email, else a create or an invite,
 * through the very use-cases a form calls (every rule once). Throws the use-case's `DirectoryError`
 * for the caller to turn into an error row (a commit's unit then rolls back).
 */
async function importRow(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  facts: ImportFacts,
  p: PlannedRow & { readonly email: string },
  mapping: ImportMapping,
  newUsers: "invite" | "create",
): Promise<ImportRowResult> {
  const account = await unit.tx.findAccountByEmail(p.email);
  const existing = account ? await unit.tx.findUserByAccount(a.organization.id, account.id) : null;
  if (existing && existing.status === "disabled") {
    return result(p, "skipped", [
      {
        column: mapping.email ?? null,
        code: "disabled_user",
        message: "This user is disabled: restore them first.",
      },
    ]);
  }
  if (existing) {
    const { patch, issues } = userPatchOf(p.cells, facts, existing);
    if (patch === null)
      return result(
        p,
        "error",
        issues.map((i) => issueInColumn(i, mapping)),
      );
    const after = await updateUserIn(
      s,
      unit,
      a,
      existing.id,
      existing.version,
      parseInput(UserPatchSchema, patch),
    );
    if (after.version === existing.version) return result(p, "unchanged");
    const changed = IMPORT_FIELDS.filter(
      (f) => canonicalJson(IMPORT_FIELD_VALUE[f](existing)) !== canonicalJson(IMPORT_FIELD_VALUE[f](after)),
    );
    return result(p, "updated", [], changed);
  }
  const { input, issues } = newUserInput(p.email, p.cells, facts);
  if (input === null)
    return result(
      p,
      "error",
      issues.map((i) => issueInColumn(i, mapping)),
    );
  if (newUsers === "create") {
    await createUserIn(s, unit, a, parseInput(CreateUserInputSchema, input), null);
    return result(p, "created");
  }
  await inviteUserIn(s, unit, a, parseInput(InviteUserInputSchema, input));
  return result(p, "invited");
}

function errorRow(p: PlannedRow, error: unknown, mapping: ImportMapping): ImportRowResult {
  if (!(error instanceof DirectoryError)) throw error;
  return result(p, "error", issuesOfError(error.toJSON(), mapping));
}

function countsOf(rows: readonly ImportRowResult[]): ImportReport["counts"] {
  const counts = { created: 0, invited: 0, updated: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/**
 * A dry run: every row through the use-cases in ONE transaction (so row 7 sees the seat row 6
 * took), which is then rolled back: nothing is written, no mail is sent.
 */
async function dryRun(
  s: ActorSession,
  planned: readonly PlannedRow[],
  mapping: ImportMapping,
  newUsers: "invite" | "create",
): Promise<ImportRowResult[]> {
  try {
    await s.ctx.store.transaction(
      async (tx) => {
        const nowMs = s.ctx.clock.now();
        const unit: Unit = { tx, now: new Date(nowMs).toISOString(), nowMs, mail: [], actor: s.actor };
        const a = await loadActor(tx, s.actor);
        assertAllowed(usersManagerVerdict(a.subject));
        const facts = await factsOf(unit, a);
        const rows: ImportRowResult[] = [];
        for (const p of planned) {
          if (p.blank) rows.push(result(p, "skipped"));
          else if (p.issues.length > 0 || p.email === null) rows.push(result(p, "error", p.issues));
          else {
            try {
              rows.push(await importRow(s, unit, a, facts, { ...p, email: p.email }, mapping, newUsers));
            } catch (error) {
              rows.push(errorRow(p, error, mapping));
            }
          }
        }
        throw new DryRunRollback(rows);
      },
      { lock: [s.actor.organizationId] },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.rows;
    throw error;
  }
  throw new Error("a dry run's transaction must roll back");
}

/**
 * A commit: each row in its own transaction (a refused row writes nothing and blocks no other), then
 * one `users.imported` event with the counts when anything was written (besides each person's own
 * `user.created`, `user.invited` or `user.updated`).
 */
async function commit(
  s: ActorSession,
  planned: readonly PlannedRow[],
  mapping: ImportMapping,
  newUsers: "invite" | "create",
): Promise<ImportRowResult[]> {
  await readOp(s, async (_tx, a) => assertAllowed(usersManagerVerdict(a.subject)));
  const rows: ImportRowResult[] = [];
  for (const p of planned) {
    if (p.blank) rows.push(result(p, "skipped"));
    else if (p.issues.length > 0 || p.email === null) rows.push(result(p, "error", p.issues));
    else {
      const email = p.email;
      try {
        rows.push(
          await writeOp(
            s,
            async (unit, a) =>
              importRow(s, unit, a, await factsOf(unit, a), { ...p, email }, mapping, newUsers),
            [`email:${email}`],
          ),
        );
      } catch (error) {
        rows.push(errorRow(p, error, mapping));
      }
    }
  }
  return rows;
}

/**
 * CSV import (issue 15): rows already parsed, a column mapping (default: guessed from the header)
 * and a mode. A dry run (the default) reports what each row would do and writes nothing; a commit
 * applies it. Each row is a create or invite (new email) or an update of the person with that email
 * (only mapped, non-empty cells), judged by the same use-cases and rules as a form (R2–R4, R8–R11,
 * seats, roles by name, locations by name or id); a bad row is an `error` with its issues and never
 * blocks the others. Importing the same file again reports every row `unchanged` and writes nothing.
 *
 * @example const report = await admin.users.import({ columns, rows, dryRun: true });
 */
export async function importUsers(s: ActorSession, raw: unknown): Promise<ImportReport> {
  const input = parseInput(ImportInputSchema, raw);
  const max = s.ctx.policy.importMaxRows;
  if (input.rows.length > max) {
    throw fail.field(["rows"], "too_many_rows", `Import at most ${max} rows at a time.`);
  }
  const mapping = resolveMapping(input.columns, input.mapping);
  const planned = plan(input.columns, input.rows, mapping);
  const newUsers = input.newUsers ?? "invite";
  const isDryRun = input.dryRun ?? true;
  const rows = isDryRun
    ? await dryRun(s, planned, mapping, newUsers)
    : await commit(s, planned, mapping, newUsers);
  const counts = countsOf(rows);
  if (!isDryRun && counts.created + counts.invited + counts.updated > 0) {
    await writeOp(s, async (unit, a) => {
      await auditActor(s.ctx, unit, a, {
        action: "users.imported",
        target: auditTarget.organization(a.organization),
        changes: Object.fromEntries(
          Object.entries(counts).map(([status, n]) => [status, { before: null, after: n }]),
        ),
      });
    });
  }
  return { dryRun: isDryRun, mapping, counts, rows };
}
