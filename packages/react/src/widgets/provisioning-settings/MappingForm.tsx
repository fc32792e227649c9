import { DirectoryError, type Location, type ProvisioningSettings, type Role } from "@staffroom/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useUpdateProvisioningSettings } from "../../hooks/provisioning-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";

/** One mapped group as the form edits it. */
interface GroupRow {
  readonly key: string;
  readonly id: string | undefined;
  readonly displayName: string;
  readonly gives: "role" | "locations";
  readonly roleId: string;
  /** "organization" or one location id (a row maps to one clinic; add rows for more). */
  readonly location: string;
}

let rows = 0;
const rowKey = () => `row-${++rows}`;

function rowsOf(
  settings: ProvisioningSettings,
  roles: readonly Role[],
  locations: readonly Location[],
): GroupRow[] {
  return settings.groups.map((g) => ({
    key: rowKey(),
    id: g.id,
    displayName: g.displayName,
    gives: g.roleId !== null ? "role" : "locations",
    roleId: g.roleId ?? roles[0]?.id ?? "",
    location:
      g.locationAccess === "organization"
        ? "organization"
        : (g.locationAccess?.[0] ?? locations[0]?.id ?? ""),
  }));
}

/** Props of {@link MappingForm}. */
export interface MappingFormProps {
  readonly settings: ProvisioningSettings;
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
  readonly onSaved: () => void;
  readonly onReload: () => void;
}

/**
 * The defaults of provisioned people and the group → role / location mapping, saved with the
 * version read (R12: a stale save offers a reload). Core checks every value (R8 the primary inside
 * the default locations, names unique and no role's, R3 roles the administrator holds) and its
 * field errors show here.
 */
export function MappingForm({ settings, roles, locations, onSaved, onReload }: MappingFormProps): ReactNode {
  const m = useMessages();
  const t = m.provisioning.mapping;
  const save = useUpdateProvisioningSettings();
  const live = locations.filter((l) => !l.archived);
  const [defaultRoleId, setDefaultRoleId] = useState(settings.defaultRoleId ?? "");
  const initialAccess = settings.defaultLocationAccess;
  const [defaultLocation, setDefaultLocation] = useState(
    initialAccess === "organization" ? "organization" : (initialAccess?.[0] ?? ""),
  );
  const [defaultPrimary, setDefaultPrimary] = useState(settings.defaultPrimaryLocationId ?? "");
  const [groups, setGroups] = useState<GroupRow[]>(() => rowsOf(settings, roles, live));
  const [error, setError] = useState<unknown>(null);
  const stale = DirectoryError.is(error, "stale");
  const update = (key: string, change: Partial<GroupRow>) =>
    setGroups((list) => list.map((g) => (g.key === key ? { ...g, ...change } : g)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const primary = defaultLocation === "organization" ? defaultPrimary : defaultLocation;
    try {
      await save.mutate({
        version: settings.version,
        patch: {
          defaultRoleId: defaultRoleId || null,
          defaultLocationAccess:
            defaultLocation === ""
              ? null
              : defaultLocation === "organization"
                ? "organization"
                : [defaultLocation],
          defaultPrimaryLocationId: defaultLocation === "" ? null : primary || null,
          groups: groups.map((g) => ({
            ...(g.id ? { id: g.id } : {}),
            displayName: g.displayName,
            ...(g.gives === "role"
              ? { roleId: g.roleId }
              : { locationAccess: g.location === "organization" ? "organization" : [g.location] }),
          })),
        },
      });
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="sr-stack" onSubmit={submit} noValidate aria-labelledby="sr-provisioning-mapping">
      <h3 className="sr-section-title" id="sr-provisioning-mapping">
        {t.heading}
      </h3>
      <p className="sr-muted">{t.description}</p>
      {stale ? (
        <Alert
          tone="warning"
          title={t.staleTitle}
          action={
            <Button size="sm" onClick={onReload}>
              {t.reload}
            </Button>
          }
        >
          {t.staleBody}
        </Alert>
      ) : error ? (
        <Alert tone="danger">{errorMessage(m, error)}</Alert>
      ) : null}
      <div className="sr-grid-2">
        <Field label={t.defaultRole} hint={t.defaultRoleHint}>
          {(p) => (
            <select
              {...p}
              className="sr-select"
              value={defaultRoleId}
              onChange={(e) => setDefaultRoleId(e.target.value)}
            >
              <option value="">{t.none}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.defaultLocations}>
          {(p) => (
            <select
              {...p}
              className="sr-select"
              value={defaultLocation}
              onChange={(e) => setDefaultLocation(e.target.value)}
            >
              <option value="">{t.none}</option>
              <option value="organization">{t.everyLocation}</option>
              {live.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {defaultLocation === "organization" ? (
          <Field label={t.defaultPrimary}>
            {(p) => (
              <select
                {...p}
                className="sr-select"
                value={defaultPrimary}
                onChange={(e) => setDefaultPrimary(e.target.value)}
              >
                <option value="">{t.none}</option>
                {live.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <fieldset className="sr-fieldset">
        <legend>{t.groupsHeading}</legend>
        <p className="sr-hint">{t.groupsHint}</p>
        {groups.map((g, i) => (
          <fieldset key={g.key} className="sr-row sr-mapping-row">
            <legend className="sr-label">{t.rowLabel(i + 1)}</legend>
            <Field label={t.groupName}>
              {(p) => (
                <input
                  {...p}
                  className="sr-input"
                  value={g.displayName}
                  onChange={(e) => update(g.key, { displayName: e.target.value })}
                />
              )}
            </Field>
            <Field label={t.groupGives}>
              {(p) => (
                <select
                  {...p}
                  className="sr-select"
                  value={g.gives}
                  onChange={(e) => update(g.key, { gives: e.target.value === "role" ? "role" : "locations" })}
                >
                  <option value="locations">{t.givesLocations}</option>
                  <option value="role">{t.givesRole}</option>
                </select>
              )}
            </Field>
            {g.gives === "role" ? (
              <Field label={t.role}>
                {(p) => (
                  <select
                    {...p}
                    className="sr-select"
                    value={g.roleId}
                    onChange={(e) => update(g.key, { roleId: e.target.value })}
                  >
                    {roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field label={t.location}>
                {(p) => (
                  <select
                    {...p}
                    className="sr-select"
                    value={g.location}
                    onChange={(e) => update(g.key, { location: e.target.value })}
                  >
                    <option value="organization">{t.everyLocation}</option>
                    {live.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setGroups((list) => list.filter((x) => x.key !== g.key))}
            >
              {t.removeGroup(g.displayName)}
            </Button>
          </fieldset>
        ))}
        <div>
          <Button
            size="sm"
            onClick={() =>
              setGroups((list) => [
                ...list,
                {
                  key: rowKey(),
                  id: undefined,
                  displayName: "",
                  gives: "locations",
                  roleId: roles[0]?.id ?? "",
                  location: live[0]?.id ?? "organization",
                },
              ])
            }
          >
            {t.addGroup}
          </Button>
        </div>
      </fieldset>
      <div>
        <Button variant="primary" type="submit" busy={save.isPending}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
