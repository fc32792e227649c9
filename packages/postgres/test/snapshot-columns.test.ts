import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../src/index";
import { ACCOUNT_COLUMNS, USER_READ_COLUMNS } from "../src/rows";
import { ORGANIZATION_COLUMNS, ROLE_COLUMNS, SESSION_COLUMNS } from "../src/snapshot";

// The read-only snapshot reads an actor's organization, role, user, account and session through
// joins that name their columns one by one. A column a later migration adds must join those lists,
// or the record built from the join lacks it: migration 5's `session_limits` did, and every
// session resolved through the snapshot had no idle limit (a TypeError in core).
const DERIVED_COLUMNS = ["name_key", "search", "search_bigrams"];

describe("the snapshot's joins read every stored column", () => {
  const db = new PGlite();
  afterAll(async () => {
    await db.close();
  });
  const columnsOf = async (table: string): Promise<string[]> => {
    const { rows } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    return rows.map((r) => r.column_name).sort();
  };

  it.each([
    ["organizations", ORGANIZATION_COLUMNS],
    ["sessions", SESSION_COLUMNS],
    ["accounts", ACCOUNT_COLUMNS],
  ] as const)("%s after every migration", async (table, listed) => {
    await migrate(db);
    expect([...listed].sort()).toEqual(await columnsOf(table));
  });

  it.each([
    ["users", USER_READ_COLUMNS],
    ["roles", ROLE_COLUMNS],
  ] as const)("%s after every migration, but the derived search and sort columns", async (table, listed) => {
    await migrate(db);
    const stored = (await columnsOf(table)).filter((c) => !DERIVED_COLUMNS.includes(c));
    expect([...listed].sort()).toEqual(stored);
  });
});
