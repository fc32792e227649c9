import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { beforeAll, describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { type CredentialPeople, seedCredentials } from "../../testing/credential-world";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

let seeded: SeededWorld;
let people: CredentialPeople;
beforeAll(async () => {
  seeded = await seededWorld({ users: 12 });
  people = await seedCredentials(seeded);
});

const rowOf = async (name: string) => {
  const table = await screen.findByRole("table", { name: "Users" });
  return within(table).findByRole("row", { name: new RegExp(name) });
};
const names = async () =>
  within(await screen.findByRole("table", { name: "Users" }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.textContent ?? "");

describe("UserDirectory credentials (issue 15)", () => {
  it("badges an expired and an expiring provider, not a current one, and is axe-clean", async () => {
    const { container } = renderWith(seeded.owner, <UserDirectory searchDebounceMs={0} />);
    expect(within(await rowOf(people.expired.displayName)).getByText("Expired")).toBeInTheDocument();
    expect(
      within(await rowOf(people.expiring.displayName)).getByText("Expires in 12 days"),
    ).toBeInTheDocument();
    const current = await rowOf(people.current.displayName);
    expect(within(current).queryByText(/^Expire/)).not.toBeInTheDocument();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("the toolbar's credential filter asks core for expiring or expired providers; Clear filters shows everyone again", async () => {
    const { user } = renderWith(seeded.owner, <UserDirectory searchDebounceMs={0} />);
    const filter = await screen.findByRole("combobox", { name: "Credentials" });
    await user.selectOptions(filter, "Expired credentials");
    await waitFor(async () => expect(await names()).toHaveLength(1));
    expect((await names())[0]).toContain(people.expired.displayName);
    await user.selectOptions(filter, "Expiring within 30 days");
    await waitFor(async () => expect((await names())[0]).toContain(people.expiring.displayName));
    expect(await names()).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(async () => expect((await names()).length).toBeGreaterThan(3));
    expect(filter).toHaveValue("");
  });
});
