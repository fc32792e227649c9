import { IMPORT_FIELDS, type ImportReport } from "@staffroom/core";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../src/server/csv";
import { closeRestWorlds, type RestWorld, restWorld } from "../src/testing";
import { call, commits, org, problem } from "./helpers";

afterEach(closeRestWorlds);

async function names(world: RestWorld): Promise<{ role: string; location: string }> {
  const owner = world.as(world.owner.id);
  const roles = await owner.roles.list();
  const role = roles.find((r) => r.template === "front_desk") ?? roles[0];
  return { role: role?.name ?? "", location: world.location.name };
}

const post = (
  world: RestWorld,
  query: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) =>
  call(world, org(world, `/users/import${query}`), {
    method: "POST",
    headers: { "content-type": "text/csv", ...headers },
    body,
  });

describe("POST …/users/import with text/csv", () => {
  it("reads UTF-8 with a BOM, `;` delimiters and quoted newlines; a dry run writes nothing, the commit writes what it reported", async () => {
    const world = await restWorld();
    const { role, location } = await names(world);
    const csv =
      "\uFEFFEmail;First name;Last name;Role;Locations;Notes\r\n" +
      `ana@clinic.example;Ana;"Smith; Jr";${role};${location};"first line\nsecond ""quoted"" line"\r\n` +
      `ben@clinic.example;Ben;Lee;Astronaut;${location};\r\n` +
      "\r\n";
    const before = commits(world);
    const dry = await post(world, "?dryRun=true", csv);
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as ImportReport;
    expect(commits(world), "a dry run commits nothing").toBe(before);
    expect(report.rows.map((r) => r.status)).toEqual(["invited", "error"]);
    expect(report.rows[1]?.issues).toEqual([
      { column: "Role", code: "unknown_role", message: "No role is named “Astronaut”." },
    ]);
    const done = (await (await post(world, "?dryRun=false", csv)).json()) as ImportReport;
    expect({ ...done, dryRun: true }).toEqual(report);
    const users = await world.as(world.owner.id).users.list({ status: "pending" });
    expect(users.items.map((u) => [u.email, u.profile.familyName])).toEqual([
      ["ana@clinic.example", "Smith; Jr"],
    ]);
  });

  it("answers the report as CSV on Accept: text/csv — each original row plus Status and Messages, formulas guarded — and re-importing that report changes nothing", async () => {
    const world = await restWorld();
    const { role, location } = await names(world);
    const csv =
      "Email,First name,Last name,Role,Locations,Primary phone,Notes\n" +
      `ana@clinic.example,Ana,Smith,${role},${location},+14155550123,=HYPERLINK("http://evil.example")\n` +
      `bad@clinic.example,Bad,Role,Nobody,${location},,@SUM(A1)\n`;
    const res = await post(world, "?dryRun=false", csv, { accept: "text/csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("import-report.csv");
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Email,First name,Last name,Role,Locations,Primary phone,Notes,Status,Messages");
    expect(lines[1]).toBe(
      `ana@clinic.example,Ana,Smith,${role},${location},"'+14155550123","'=HYPERLINK(""http://evil.example"")",invited,`,
    );
    expect(lines[2]).toBe(
      `bad@clinic.example,Bad,Role,Nobody,${location},,"'@SUM(A1)",error,Role: No role is named “Nobody”.`,
    );
    const owner = world.as(world.owner.id);
    const before = {
      users: await owner.users.list({ status: "pending" }),
      audit: (await owner.audit.list()).total,
    };
    const again = (await (await post(world, "?dryRun=false", text)).json()) as ImportReport;
    expect(again.rows.map((r) => r.status)).toEqual(["unchanged", "error"]);
    const after = {
      users: await owner.users.list({ status: "pending" }),
      audit: (await owner.audit.list()).total,
    };
    expect(after, "the second import wrote nothing").toEqual(before);
    expect(after.users.items[0]?.profile.primaryPhone).toBe("+14155550123");
  });

  it("serves a template with every column and an example row, which maps every field automatically", async () => {
    const world = await restWorld();
    const res = await call(world, org(world, "/users/import/template"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const table = parseCsv(await res.text());
    expect(table.columns).toHaveLength(IMPORT_FIELDS.length);
    expect(table.rows).toHaveLength(1);
    const report = (await (
      await post(world, "", await (await call(world, org(world, "/users/import/template"))).text())
    ).json()) as ImportReport;
    expect(Object.keys(report.mapping).sort()).toEqual([...IMPORT_FIELDS].sort());
    expect(report.dryRun).toBe(true);
  });

  it("refuses bad bodies, writing nothing: not UTF-8 (400), text/plain (415), no header (400), unknown query parameters (400), no session (401)", async () => {
    const world = await restWorld();
    const before = commits(world);
    const latin1 = new Uint8Array([...new TextEncoder().encode("Email,First name\nj@x.example,Jos"), 0xe9]);
    const notUtf8 = await post(world, "", latin1);
    expect(notUtf8.status).toBe(400);
    expect((await problem(notUtf8)).issues?.[0]?.code).toBe("invalid_encoding");
    expect((await post(world, "", "Email\nx@y.example", { "content-type": "text/plain" })).status).toBe(415);
    const empty = await post(world, "", "\r\n\r\n");
    expect(empty.status).toBe(400);
    expect((await post(world, "?dryRun=false&force=yes", "Email\nx@y.example")).status).toBe(400);
    const anonymous = await call(world, org(world, "/users/import"), {
      as: null,
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "Email\nx@y.example",
    });
    expect(anonymous.status).toBe(401);
    expect(commits(world)).toBe(before);
  });
});
