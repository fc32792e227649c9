import { MAIN_CONTACT_ONLY_MESSAGE, type StaffDirectory } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { UserFormDialog } from "./UserFormDialog";

describe("UserFormDialog", () => {
  it("says Choose a role, marks the phone required for mobile sign-in, and shows no strength beside core's refusal (issue 13)", async () => {
    const { owner } = await seededWorld({ users: 2 });
    const { user } = renderWith(owner, <UserFormDialog mode="create" open onOpenChange={() => undefined} />);
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    await user.type(await within(dialog).findByLabelText(/^Email/), "sam.rivera@harbor-urgent-care.example");
    await user.type(within(dialog).getByLabelText(/^First name/), "Samantha");
    await user.type(within(dialog).getByLabelText(/^Last name/), "Riverbank");
    const phone = within(dialog).getByLabelText(/^Primary phone/);
    expect(phone).toHaveAccessibleDescription(/also their login for the mobile app/);
    expect(phone).not.toHaveAttribute("aria-required");
    await user.click(within(dialog).getByRole("checkbox", { name: "May sign in to the mobile app" }));
    expect(phone).toHaveAttribute("aria-required", "true");
    await user.type(phone, "+14155550123");
    const password = within(dialog).getByLabelText(/^Password/);
    await user.type(password, "samantha-riverbank-2026");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "samantha-riverbank-2026");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    const role = within(dialog).getByRole("combobox", { name: /^Role/ });
    await waitFor(() => expect(role).toHaveAccessibleDescription("Choose a role."));
    expect(within(dialog).queryByText("Not a valid id.")).not.toBeInTheDocument();

    await user.selectOptions(role, "Provider");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription("Do not use your name, email or the organization's name.");
  });

  it("validates with core's schema and creates a user with every field", async () => {
    const { owner, locations } = await seededWorld({ users: 2 });
    const onSaved = vi.fn();
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="create" open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    await within(dialog).findByLabelText(/^Email/);
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    // Client-side: core's EmailSchema and the password confirmation.
    expect(
      await within(dialog).findByText("Enter an email address like name@clinic.org."),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Email/)).toHaveFocus();

    await user.type(within(dialog).getByLabelText(/^Email/), "jane.smith@harbor-urgent-care.example");
    await user.type(within(dialog).getByLabelText(/^First name/), "Jane");
    await user.type(within(dialog).getByLabelText(/^Last name/), "Smith");
    await user.type(within(dialog).getByLabelText(/^Title/), "RN");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Provider");
    const extra = locations.filter((l) => !l.archived)[1]; // the first is preselected
    if (extra) await user.click(within(dialog).getByRole("checkbox", { name: new RegExp(extra.name) }));
    // The live strength hint describes the password field, counting as core counts (R16).
    const password = within(dialog).getByLabelText(/^Password/);
    await user.type(password, "violet");
    expect(password).toHaveAccessibleDescription(/6 more characters needed\./);
    await user.type(password, "-harbor-lantern-92");
    expect(password).toHaveAccessibleDescription(/Strong: long passwords are the hardest to guess\./);
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "violet-harbor-lantern-92");
    await user.click(within(dialog).getByRole("checkbox", { name: "Practitioner (sees patients)" }));
    await user.type(await within(dialog).findByLabelText("NPI"), "1234567890");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    // R11: core's NPI check (Luhn over 80840) lands on the NPI field.
    expect(await within(dialog).findByText("This NPI's check digit is wrong.")).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText("NPI"));
    await user.type(within(dialog).getByLabelText("NPI"), "1234567893");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const created = onSaved.mock.calls[0]?.[0];
    expect(created).toMatchObject({ displayName: "Jane Smith RN", provider: { npi: "1234567893" } });
    expect(created.locationAccess).toHaveLength(extra ? 2 : 1);
  });

  it("W10 offers exactly the organization's provider types; one the organization dropped stays on its holder's form, who can still be saved", async () => {
    const { owner, locations } = await seededWorld({ users: 1 });
    const setTypes = async (providerTypes: string[]) => {
      const org = await owner.organization.get();
      await owner.organization.update({ providerTypes }, { version: org.version });
    };
    await setTypes(["MD", "RN"]);
    const home = locations[0]?.id ?? "";
    const role = (await owner.roles.list()).find((r) => r.name === "Provider");
    const holder = await owner.users.create({
      email: "rae.nurse@harbor-urgent-care.example",
      profile: { givenName: "Rae", familyName: "Nurse" },
      roleId: role?.id ?? "",
      locationAccess: [home],
      primaryLocationId: home,
      password: FIXTURE_PASSWORD,
      flags: { practitioner: true },
      provider: {
        npi: null,
        taxonomyCodes: [],
        bio: null,
        providerTypes: [{ type: "RN", locationIds: [home] }],
        capacity: 1,
        schedulingStep: 15,
      },
    });
    await setTypes(["MD", "Doula"]);
    const typesIn = (dialog: HTMLElement) =>
      within(within(dialog).getByRole("group", { name: "Provider types" }))
        .getAllByRole("checkbox")
        .map((box) => `${box.parentElement?.textContent}${(box as HTMLInputElement).checked ? " ✓" : ""}`);

    const created = renderWith(owner, <UserFormDialog mode="create" open onOpenChange={() => undefined} />);
    const fresh = await screen.findByRole("dialog", { name: "New user" });
    await within(fresh).findByLabelText(/^Email/);
    await created.user.click(within(fresh).getByRole("checkbox", { name: "Practitioner (sees patients)" }));
    expect(typesIn(fresh)).toEqual(["MD", "Doula"]);
    created.unmount();

    const onSaved = vi.fn();
    const edited = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={holder.id} open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: /^Edit / });
    await within(dialog).findByRole("group", { name: "Provider types" });
    expect(typesIn(dialog)).toEqual(["MD", "Doula", "RN ✓"]);
    await edited.user.type(within(dialog).getByLabelText(/^Job title/), "Charge nurse");
    await edited.user.click(within(dialog).getByRole("button", { name: /^Save/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await owner.users.get(holder.id)).provider?.providerTypes.map((t) => t.type)).toEqual(["RN"]);
  });

  it("puts core's server-side errors on their fields (duplicate email)", async () => {
    const { owner, users } = await seededWorld({ users: 2 });
    const taken = users[0];
    if (!taken) throw new Error("fixture");
    const { user } = renderWith(owner, <UserFormDialog mode="create" open onOpenChange={() => undefined} />);
    const dialog = await screen.findByRole("dialog");
    await user.type(await within(dialog).findByLabelText(/^Email/), taken.email);
    await user.type(within(dialog).getByLabelText(/^First name/), "Dup");
    await user.type(within(dialog).getByLabelText(/^Last name/), "Licate");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    await user.type(within(dialog).getByLabelText(/^Password/), "violet-harbor-lantern-92");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "violet-harbor-lantern-92");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Email/)).toHaveAttribute("aria-invalid", "true"),
    );
  });

  it("R12 edits a user and, on a stale conflict, offers to reload", async () => {
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
    // Someone else edits the user meanwhile (R12).
    await owner.users.update(
      target.id,
      { profile: { jobTitle: "Changed elsewhere" } },
      { version: target.version },
    );
    await user.clear(jobTitle);
    await user.type(jobTitle, "Charge nurse");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this user");
    await user.click(within(alert).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Job title")).toHaveValue("Changed elsewhere"));
    await user.clear(within(dialog).getByLabelText("Job title"));
    await user.type(within(dialog).getByLabelText("Job title"), "Charge nurse");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await owner.users.get(target.id)).profile.jobTitle).toBe("Charge nurse");
  });

  it("R3 offers the roles core lets the actor give; the others show disabled with core's reason", async () => {
    const { clinicManager } = await seededWorld({ users: 2 });
    renderWith(clinicManager, <UserFormDialog mode="create" open onOpenChange={() => undefined} />);
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    const select = await within(dialog).findByRole("combobox", { name: /^Role/ });
    const options = within(select).getAllByRole("option").slice(1) as HTMLOptionElement[];
    const verdicts = (await clinicManager.users.formOptions()).roles;
    expect(options.filter((o) => !o.disabled).map((o) => o.textContent)).toEqual(
      verdicts.filter((v) => v.verdict.allowed).map((v) => v.label),
    );
    expect(options.filter((o) => !o.disabled).map((o) => o.textContent)).not.toContain("Administrator");
    expect(options.find((o) => o.disabled && o.textContent?.startsWith("Administrator"))?.textContent).toBe(
      "Administrator — You cannot give a role with permissions you do not hold.",
    );
  });

  it("R3/R4 a Downtown-only manager is not offered all locations of the organization: it shows disabled with core's reason", async () => {
    const { owner, world, roles } = await seededWorld({ users: 2 });
    const manager = roles.find((r) => r.name === "Clinic Manager");
    if (!manager) throw new Error("fixture");
    const downtownOnly = await owner.users.create({
      email: "dana.downtown@harbor-urgent-care.example",
      profile: { givenName: "Dana", familyName: "Downtown" },
      roleId: manager.id,
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
      password: FIXTURE_PASSWORD,
    });
    renderWith(
      world.as(downtownOnly.id) as StaffDirectory,
      <UserFormDialog mode="create" open onOpenChange={() => undefined} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    const orgWide = await within(dialog).findByRole("radio", { name: /^All locations of the organization/ });
    expect(orgWide).toBeDisabled();
    expect(orgWide.closest("label")).toHaveTextContent(
      "You can only give access to locations you have yourself.",
    );
    const clinics = within(dialog).getAllByRole("checkbox", { name: /Clinic|Downtown/ });
    expect(clinics.map((c) => c.closest("label")?.textContent)).toEqual([world.location.name]);
  });

  it("R8 choosing a primary location adds it to the access, and the user saves with it", async () => {
    const { owner, locations } = await seededWorld({ users: 2 });
    const onSaved = vi.fn();
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="create" open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "New user" });
    const other = locations.filter((l) => !l.archived)[1];
    if (!other) throw new Error("fixture");
    await user.type(await within(dialog).findByLabelText(/^Email/), "pia.primary@harbor-urgent-care.example");
    await user.type(within(dialog).getByLabelText(/^First name/), "Pia");
    await user.type(within(dialog).getByLabelText(/^Last name/), "Primary");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Provider");
    const box = within(dialog).getByRole("checkbox", { name: new RegExp(other.name) });
    expect(box).not.toBeChecked();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Primary location/ }), other.name);
    expect(box).toBeChecked();
    await user.type(within(dialog).getByLabelText(/^Password/), "violet-harbor-lantern-92");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "violet-harbor-lantern-92");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const saved = onSaved.mock.calls[0]?.[0];
    expect(saved?.primaryLocationId).toBe(other.id);
    expect(saved?.locationAccess).toContain(other.id);
  });

  it("R8 choosing another primary location for an existing user adds it to their access, and the save goes through", async () => {
    const { owner, locations, roles } = await seededWorld({ users: 2 });
    const [home, other] = locations.filter((l) => !l.archived);
    const provider = roles.find((r) => r.name === "Provider");
    if (!home || !other || !provider) throw new Error("fixture");
    const target = await owner.users.create({
      email: "omar.onesite@harbor-urgent-care.example",
      profile: { givenName: "Omar", familyName: "Onesite" },
      roleId: provider.id,
      locationAccess: [home.id],
      primaryLocationId: home.id,
      password: FIXTURE_PASSWORD,
    });
    const onSaved = vi.fn();
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={target.id} open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${target.displayName}` });
    const primary = await within(dialog).findByRole("combobox", { name: /^Primary location/ });
    const box = within(dialog).getByRole("checkbox", { name: new RegExp(other.name) });
    expect(box).not.toBeChecked();
    await user.selectOptions(primary, other.name);
    expect(box).toBeChecked();
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
    const saved = await owner.users.get(target.id);
    expect(saved.primaryLocationId).toBe(other.id);
    expect(saved.locationAccess).toEqual(expect.arrayContaining([home.id, other.id]));
  });

  it("R10 puts a rule error that names its field on that field (mobile sign-in needs a phone)", async () => {
    const { owner, users } = await seededWorld({ users: 6 });
    // 0–1 are disabled and 3 is locked by the seed.
    const target = users.slice(4).find((u) => !u.loginChannels.mobile);
    if (!target) throw new Error("fixture");
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={target.id} open onOpenChange={() => undefined} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${target.displayName}` });
    await user.clear(await within(dialog).findByLabelText(/^Primary phone/));
    await user.click(within(dialog).getByRole("checkbox", { name: "May sign in to the mobile app" }));
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    const phone = within(dialog).getByLabelText(/^Primary phone/);
    await waitFor(() =>
      expect(phone).toHaveAccessibleDescription(
        /A user who signs in to the mobile app needs a primary phone./,
      ),
    );
    expect(phone).toHaveFocus();
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("R7 shows the main contact read-only to another administrator, with core's reason", async () => {
    const seeded = await seededWorld({ users: 2 });
    const administrator = seeded.roles.find((r) => r.name === "Administrator");
    const location = seeded.locations[0];
    if (!administrator || !location) throw new Error("fixture");
    const second = await seeded.owner.users.create({
      email: "ada.second@harbor-urgent-care.example",
      profile: { givenName: "Ada", familyName: "Second" },
      roleId: administrator.id,
      locationAccess: "organization",
      primaryLocationId: location.id,
      password: FIXTURE_PASSWORD,
    });
    const owner = seeded.world.owner;
    renderWith(
      seeded.world.as(second.id) as StaffDirectory,
      <UserFormDialog mode="edit" userId={owner.id} open onOpenChange={() => undefined} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${owner.displayName}` });
    // Said once, for the whole form: the fields carry no reason of their own.
    expect(await within(dialog).findByText(MAIN_CONTACT_ONLY_MESSAGE)).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Job title")).toBeDisabled();
    expect(within(dialog).getByLabelText(/^Email/)).toBeDisabled();
    expect(within(dialog).getByRole("combobox", { name: /^Role/ })).toBeDisabled();
    expect(within(dialog).queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Close" })).toBeEnabled();
  });

  it("R7 the main contact edits their own profile in the same form", async () => {
    const { owner, world } = await seededWorld({ users: 2 });
    const me = world.owner;
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={me.id} open onOpenChange={() => undefined} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${me.displayName}` });
    const jobTitle = await within(dialog).findByLabelText("Job title");
    expect(jobTitle).toBeEnabled();
    await user.clear(jobTitle);
    await user.type(jobTitle, "Owner");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(async () => expect((await owner.users.get(me.id)).profile.jobTitle).toBe("Owner"));
  });
});
