import { ADMIN_SCREENS } from "@staffroom/core";
import { describe, expect, it } from "vitest";
import { seededWorld } from "../testing/seeded-world";
import { samplePeople, verdictsOf } from "./permissions-matrix";

describe("the Permissions page's verdicts, asked of core", () => {
  it("the owner opens every screen and may disable anyone; read-only staff see users but manage nobody; the clinic manager is refused a person at his clinics holding more than he does (R3) and does not see one outside them (R4)", async () => {
    const seeded = await seededWorld({ users: 24 });
    const people = await samplePeople(seeded);
    const at = (fragment: string) => people.findIndex((p) => p.why.includes(fragment));
    const beyond = at("holds permissions the clinic manager lacks");
    const outside = at("none of the clinic manager's");
    expect(beyond).toBeGreaterThanOrEqual(0);
    expect(outside).toBeGreaterThanOrEqual(0);

    const owner = await verdictsOf("owner", seeded.owner, people);
    expect(ADMIN_SCREENS.filter((s) => !owner.screens[s])).toEqual([]);
    expect(owner.rows[outside]?.find((o) => o.action === "disable")?.allowed).toBe(true);

    const readOnly = await verdictsOf("readOnly", seeded.readOnly, people);
    expect(readOnly.screens.users).toBe(true);
    expect(readOnly.permissions["users.manage"]).toBe(false);
    expect(readOnly.rows.flatMap((row) => row ?? []).filter((o) => o.allowed)).toEqual([]);

    const manager = await verdictsOf("clinicManager", seeded.clinicManager, people);
    expect(manager.name).toMatch(/Clinic Manager/);
    expect(manager.rows[beyond]?.find((o) => o.action === "edit")).toEqual({
      action: "edit",
      allowed: false,
      reason: "This user holds permissions you do not have.",
    });
    expect(manager.rows[outside]).toBeNull();
  });
});
