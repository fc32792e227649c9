import { DirectoryError } from "@staffroom/core";
import { screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../test/render";
import { seededWorld } from "../testing/seeded-world";
import { UserFormDialog } from "../widgets/user-form-dialog/UserFormDialog";
import { StaleNotice } from "./StaleNotice";
import { useVersionedForm } from "./use-versioned-form";

// A record on a pretend server that refuses a write carrying any version but the current (R12),
// and a small form over it — the hook, nothing of a particular widget.

interface Clinic {
  readonly id: string;
  readonly name: string;
  readonly group: string;
  readonly version: number;
}
type Values = { name: string; group: string };

function clinicServer(start: Clinic) {
  let current = start;
  const writes: { version: number; values: Values }[] = [];
  return {
    writes,
    get current() {
      return current;
    },
    /** Someone else saves meanwhile. */
    elsewhere(patch: Partial<Values>) {
      current = { ...current, ...patch, version: current.version + 1 };
    },
    async save(values: Values, version: number): Promise<Clinic> {
      writes.push({ version, values });
      if (version !== current.version) {
        throw new DirectoryError({ code: "stale", message: "This record changed since you read it." });
      }
      if (values.name.trim() === "") {
        throw new DirectoryError({
          code: "validation",
          message: "Check the highlighted fields.",
          issues: [{ path: ["name"], code: "too_small", message: "A clinic needs a name." }],
        });
      }
      current = { ...current, ...values, version: current.version + 1 };
      return current;
    },
  };
}

const toValues = (c: Clinic | null): Values => ({ name: c?.name ?? "", group: c?.group ?? "" });
const LABELS: Record<string, string> = { name: "Name", group: "Group" };

function ClinicForm({
  server,
  record,
  onSaved,
}: {
  readonly server: ReturnType<typeof clinicServer>;
  readonly record: Clinic;
  readonly onSaved: (saved: Clinic) => void;
}): ReactNode {
  const v = useVersionedForm({
    record,
    toValues,
    save: (values, { version }) => server.save(values, version ?? -1),
    reload: async () => server.current,
    fields: ["name", "group"],
    savedRecord: (saved) => saved,
    onSaved,
  });
  const e = v.form.formState.errors;
  return (
    <form onSubmit={v.submit} noValidate>
      <StaleNotice
        form={v}
        title="Someone else changed this clinic"
        body="Reload to see it."
        labelOf={(n) => LABELS[n]}
      />
      <label>
        Name
        <input aria-invalid={e.name ? true : undefined} {...v.form.register("name")} />
      </label>
      {e.name?.message ? <span>{e.name.message}</span> : null}
      <label>
        Group
        <input {...v.form.register("group")} />
      </label>
      <output aria-label="state">{`${v.isDirty ? "dirty" : "clean"} v${v.version}`}</output>
      <button type="submit">Save</button>
    </form>
  );
}

const start: Clinic = { id: "loc_1", name: "Downtown Clinic", group: "Central", version: 3 };

describe("useVersionedForm", () => {
  it("sends the version its values were read at, and then the version the save returned", async () => {
    const server = clinicServer(start);
    const onSaved = vi.fn();
    const { user } = renderWith(
      (await seededWorld({ users: 1 })).owner,
      <ClinicForm server={server} record={start} onSaved={onSaved} />,
    );
    await user.type(screen.getByLabelText("Group"), " East");
    expect(screen.getByRole("status", { name: "state" })).toHaveTextContent("dirty v3");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(server.writes).toEqual([
      { version: 3, values: { name: "Downtown Clinic", group: "Central East" } },
    ]);
    // The form stays on the saved record: clean, and its next write carries version 4.
    expect(screen.getByRole("status", { name: "state" })).toHaveTextContent("clean v4");
    await user.type(screen.getByLabelText("Name"), " Urgent Care");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    expect(server.writes.map((w) => w.version)).toEqual([3, 4]);
  });

  it("a stale refusal shows the conflict; Reload keeps the person's edits: back in place where nobody else changed the field, Yours/Now with a choice where both did", async () => {
    const server = clinicServer(start);
    const onSaved = vi.fn();
    const { user } = renderWith(
      (await seededWorld({ users: 1 })).owner,
      <ClinicForm server={server} record={start} onSaved={onSaved} />,
    );
    server.elsewhere({ group: "North" });
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Downtown Urgent Care");
    await user.type(screen.getByLabelText("Group"), " East");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this clinic");
    expect(onSaved).not.toHaveBeenCalled();
    expect(server.current).toMatchObject({ name: "Downtown Clinic", version: 4 });

    await user.click(within(alert).getByRole("button", { name: "Reload" }));
    // Nobody else touched Name: the person's value is back in the field, and the notice says so.
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveValue("Downtown Urgent Care"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    const notice = screen.getByRole("status", { name: "" });
    expect(notice).toHaveTextContent("The latest version is loaded");
    expect(notice).toHaveTextContent("Name: your change is back in place (Downtown Urgent Care).");
    // Both changed Group: the field shows the new value, the notice shows both and asks.
    expect(screen.getByLabelText("Group")).toHaveValue("North");
    const group = within(notice).getByRole("group", { name: "Group" });
    expect(group).toHaveTextContent("Yours: Central East");
    expect(group).toHaveTextContent("Now: North");
    expect(screen.getByRole("status", { name: "state" })).toHaveTextContent("dirty v4");

    await user.click(within(group).getByRole("button", { name: "Use mine" }));
    expect(screen.getByLabelText("Group")).toHaveValue("Central East");
    expect(within(notice).queryByRole("group")).not.toBeInTheDocument();
    expect(notice).toHaveTextContent("Group: your change is back in place (Central East).");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(server.writes.map((w) => w.version)).toEqual([3, 4]);
    expect(server.current).toMatchObject({ name: "Downtown Urgent Care", group: "Central East", version: 5 });
  });

  it("after a reload, Keep theirs leaves the new value and saves the person's other edits on the new version", async () => {
    const server = clinicServer(start);
    const onSaved = vi.fn();
    const { user } = renderWith(
      (await seededWorld({ users: 1 })).owner,
      <ClinicForm server={server} record={start} onSaved={onSaved} />,
    );
    server.elsewhere({ group: "North" });
    await user.type(screen.getByLabelText("Name"), " Annex");
    await user.type(screen.getByLabelText("Group"), " East");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await user.click(within(await screen.findByRole("alert")).getByRole("button", { name: "Reload" }));
    const group = await screen.findByRole("group", { name: "Group" });
    await user.click(within(group).getByRole("button", { name: "Keep theirs" }));
    expect(screen.queryByRole("group", { name: "Group" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Group")).toHaveValue("North");
    expect(screen.getByLabelText("Name")).toHaveValue("Downtown Clinic Annex");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(server.current).toMatchObject({ name: "Downtown Clinic Annex", group: "North", version: 5 });
  });

  it("puts core's field issue on its field, writes nothing, and keeps the version", async () => {
    const server = clinicServer(start);
    const { user } = renderWith(
      (await seededWorld({ users: 1 })).owner,
      <ClinicForm server={server} record={start} onSaved={() => undefined} />,
    );
    await user.clear(screen.getByLabelText("Name"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText("A clinic needs a name.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(server.current).toEqual(start);
    expect(screen.getByRole("status", { name: "state" })).toHaveTextContent("dirty v3");
  });

  it("the user form over the real core: after a stale save, Reload keeps an untouched edit and offers Yours/Now on the job title both changed", async () => {
    const { owner, users } = await seededWorld({ users: 5 });
    const target = users[4];
    if (!target) throw new Error("fixture");
    const onSaved = vi.fn();
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={target.id} open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${target.displayName}` });
    const jobTitle = await within(dialog).findByLabelText("Job title");
    const changed = await owner.users.update(
      target.id,
      { profile: { jobTitle: "Changed elsewhere" } },
      { version: target.version },
    );
    await user.clear(jobTitle);
    await user.type(jobTitle, "Charge nurse");
    const initials = within(dialog).getByLabelText(/^Initials/);
    await user.clear(initials);
    await user.type(initials, "QX");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await user.click(
      within(await within(dialog).findByRole("alert")).getByRole("button", { name: "Reload" }),
    );
    await waitFor(() => expect(within(dialog).getByLabelText("Job title")).toHaveValue("Changed elsewhere"));
    expect(within(dialog).getByLabelText(/^Initials/)).toHaveValue("QX");
    expect(within(dialog).getByText("Initials: your change is back in place (QX).")).toBeInTheDocument();
    const both = within(dialog).getByRole("group", { name: "Job title" });
    expect(both).toHaveTextContent("Yours: Charge nurse");
    expect(both).toHaveTextContent("Now: Changed elsewhere");
    await user.click(within(both).getByRole("button", { name: "Use mine" }));
    expect(within(dialog).getByLabelText("Job title")).toHaveValue("Charge nurse");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const saved = await owner.users.get(target.id);
    expect(saved.profile.jobTitle).toBe("Charge nurse");
    expect(saved.profile.initials).toBe("QX");
    expect(saved.version).toBe(changed.version + 1);
  });
});
