import { readFile } from "node:fs/promises";
import { memoryMailer } from "@staffroom/core";
import { IMPORT_SAMPLE_MISTAKES } from "@staffroom/core/fixtures";
import { memoryStore } from "@staffroom/core/memory";
import { isCommonPassword } from "@staffroom/core/passwords";
import { directoryLinks } from "@staffroom/rest/server";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DEMO_SIGN_IN } from "./demo-accounts";
import { createDemoDirectory } from "./demo-directory";
import { harborImportSampleCsv } from "./import-sample";
import { seedDemo } from "./seed-demo";

const FILE = new URL("../../public/samples/harbor-staff-import.csv", import.meta.url);

describe("the demo's import sample", () => {
  it("is the file the demo serves (regenerate it with harborImportSampleCsv when the fixture changes)", async () => {
    expect(await readFile(FILE, "utf8")).toBe(harborImportSampleCsv());
  });

  it("checked by Olive in the seeded demo: 188 people would be invited, and 12 rows are errors in 12 different ways, each on its cell", async () => {
    const mailer = memoryMailer();
    const demo = createDemoDirectory({
      store: memoryStore(),
      mailer,
      links: directoryLinks("http://127.0.0.1:5180"),
      isCommonPassword,
    });
    const { harborId } = await seedDemo(demo, { mailbox: mailer, users: 0 });
    const { token } = await demo.directory.auth.signIn({ ...DEMO_SIGN_IN, organizationId: harborId });
    const olive = demo.directory.forActor(await demo.directory.auth.authorize(token));
    const [columns, ...rows] = Papa.parse<string[]>((await readFile(FILE, "utf8")).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    }).data;
    // As the widget and the REST route read it: the formula guard (a leading apostrophe) comes off.
    const unguarded = rows.map((row) => row.map((cell) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)));
    const report = await olive.users.import({ columns: columns ?? [], rows: unguarded, dryRun: true });
    expect(report.counts).toEqual({
      created: 0,
      invited: 188,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      error: 12,
    });
    const errors = report.rows.filter((r) => r.status === "error");
    expect(errors.map((r) => r.issues.map((i) => i.code))).toEqual(
      IMPORT_SAMPLE_MISTAKES.map((m) => [m.code]),
    );
    expect(new Set(errors.map((r) => `${r.issues[0]?.column}:${r.issues[0]?.code}`)).size).toBe(12);
  });
});
