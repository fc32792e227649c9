import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../directory/staff-directory";
import { IMPORT_SAMPLE_MISTAKES, importSample } from "./import-sample";
import { memoryWorld } from "./memory-world";

async function harborLike(): Promise<{ owner: StaffDirectory; roles: string[]; locations: string[] }> {
  const world = await memoryWorld({
    bootstrap: {
      organization: {
        name: "Harbor",
        features: { mobileApp: true, providerDirectory: true, caseManagement: false, diary: true },
      },
    },
  });
  const owner = world.as(world.owner.id) as StaffDirectory;
  await owner.locations.create({ name: "Northside Clinic" });
  const roles = (await owner.roles.list()).filter((r) => r.template !== "administrator").map((r) => r.name);
  const locations = (await owner.locations.list()).map((l) => l.name);
  return { owner, roles, locations };
}

describe("importSample", () => {
  it("200 staff of which 12 rows are wrong in 12 different ways: a dry run reports exactly those 12 as errors, each with its own code on its cell", async () => {
    const { owner, roles, locations } = await harborLike();
    const sample = importSample({ roles, locations });
    expect(sample.rows).toHaveLength(200);
    expect(sample.mistakes).toHaveLength(12);
    const report = await owner.users.import({ columns: sample.columns, rows: sample.rows, dryRun: true });
    const errors = report.rows.filter((r) => r.status === "error");
    expect(errors.map((r) => r.row)).toEqual(sample.mistakes.map((m) => m.row));
    expect(errors.map((r) => r.issues[0]?.code)).toEqual(IMPORT_SAMPLE_MISTAKES.map((m) => m.code));
    expect(errors.every((r) => r.issues.length === 1)).toBe(true);
    expect(report.counts).toEqual({
      created: 0,
      invited: 188,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      error: 12,
    });
  });

  it("without mistakes every row is valid, and is the same for the same seed", async () => {
    const { owner, roles, locations } = await harborLike();
    const clean = importSample({ roles, locations, count: 50, mistakes: false });
    expect(importSample({ roles, locations, count: 50, mistakes: false })).toEqual(clean);
    const report = await owner.users.import({ columns: clean.columns, rows: clean.rows });
    expect(report.counts.invited).toBe(50);
  });
});
