import type { Location, Organization, Role, User } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { Combobox, type ComboboxGroup } from "../../ui/Combobox";
import { Field } from "../../ui/Field";
import { type AuditFilters, actionLabel } from "./audit-format";

/** Props of {@link AuditToolbar}. */
export interface AuditToolbarProps {
  readonly filters: AuditFilters;
  readonly onChange: (filters: AuditFilters) => void;
  readonly users: readonly User[];
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
  readonly organization: Organization | undefined;
}

/** Sets `key` to `value`, or removes it for an empty value. */
function withFilter(filters: AuditFilters, key: keyof AuditFilters, value: string): AuditFilters {
  const next: Record<string, string> = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

/**
 * The filters of the audit trail: a day range, actor, target (a user, role, location or the
 * organization, grouped by kind) and action. Actor and target are searchable comboboxes (type a
 * name or an email). Every change applies at once and starts again from the newest event.
 *
 * @example <AuditToolbar filters={filters} onChange={setFilters} users={users} roles={roles} locations={locations} organization={org} />
 */
export function AuditToolbar(props: AuditToolbarProps): ReactNode {
  const { filters, onChange, users, roles, locations, organization } = props;
  const m = useMessages().audit;
  const f = m.filters;
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    onChange(withFilter(filters, key, e.target.value));
  const filtered = Object.keys(filters).length > 0;
  const people = users.map((u) => ({ value: u.id, label: u.displayName, hint: u.email }));
  // Targets grouped by kind, each kind under its heading.
  const targets: ComboboxGroup[] = [
    { key: "users", label: f.users, options: people },
    { key: "roles", label: f.roles, options: roles.map((r) => ({ value: r.id, label: r.name })) },
    { key: "locations", label: f.locations, options: locations.map((l) => ({ value: l.id, label: l.name })) },
    ...(organization
      ? [
          {
            key: "organization",
            label: f.organization,
            options: [{ value: organization.id, label: organization.name }],
          },
        ]
      : []),
  ];
  return (
    <search className="sr-toolbar sr-audit-toolbar" aria-label={f.label}>
      <Field label={f.from} className="sr-audit-filter">
        {(p) => (
          <input
            className="sr-input"
            type="date"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={set("from")}
            {...p}
          />
        )}
      </Field>
      <Field label={f.to} className="sr-audit-filter">
        {(p) => (
          <input
            className="sr-input"
            type="date"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={set("to")}
            {...p}
          />
        )}
      </Field>
      <Field label={f.actor} className="sr-audit-filter">
        {(p) => (
          <Combobox
            control={p}
            listLabel={f.actor}
            groups={[{ key: "users", label: f.users, options: people }]}
            value={filters.actorId ?? null}
            onChange={(value) => onChange(withFilter(filters, "actorId", value ?? ""))}
            anyLabel={f.anyActor}
            noMatches={f.noMatches}
          />
        )}
      </Field>
      <Field label={f.target} className="sr-audit-filter">
        {(p) => (
          <Combobox
            control={p}
            listLabel={f.target}
            groups={targets}
            value={filters.targetId ?? null}
            onChange={(value) => onChange(withFilter(filters, "targetId", value ?? ""))}
            anyLabel={f.anyTarget}
            noMatches={f.noMatches}
          />
        )}
      </Field>
      <Field label={f.action} className="sr-audit-filter">
        {(p) => (
          <select className="sr-select" value={filters.action ?? ""} onChange={set("action")} {...p}>
            <option value="">{f.anyAction}</option>
            {Object.keys(m.actions).map((code) => (
              <option key={code} value={code}>
                {actionLabel(m, code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {filtered ? (
        <Button variant="ghost" size="sm" className="sr-audit-clear" onClick={() => onChange({})}>
          {f.clear}
        </Button>
      ) : null}
    </search>
  );
}
