import { describe, expect, it } from "vitest";
import { seededWorld } from "./seeded-world";
import { actorDirectory } from "./story-globals";
import { withLatency } from "./story-helpers";

describe("the toolbar's acting user", () => {
  it("is the real user of the story's own world, found wherever the loader put that world", async () => {
    const seeded = await seededWorld({ users: 2 });
    const loaded = { world: seeded, directory: seeded.owner };
    expect(actorDirectory(loaded, "clinicManager")).toBe(seeded.clinicManager);
    expect(actorDirectory(loaded, "readOnly")).toBe(seeded.readOnly);
    expect((await actorDirectory(loaded, "readOnly")?.me())?.user.id).toBe(seeded.readOnlyUser.id);
  });

  it("does not apply to a story without such a world, or one holding its directory on purpose", async () => {
    const seeded = await seededWorld({ users: 2 });
    expect(actorDirectory({ directory: seeded.owner }, "owner")).toBeUndefined();
    expect(actorDirectory(undefined, "owner")).toBeUndefined();
    const loading = { seeded, directory: withLatency(seeded.owner, Number.POSITIVE_INFINITY) };
    expect(actorDirectory(loading, "clinicManager")).toBeUndefined();
  });
});
