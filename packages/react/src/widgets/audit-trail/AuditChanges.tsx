import type { FieldChange } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages, useStaffroom } from "../../provider/context";
import { fieldLabel } from "./audit-format";

/** Names of the ids an event may mention (users, roles, locations), for display only. */
export interface AuditNames {
  readonly users: ReadonlyMap<string, string>;
  readonly roles: ReadonlyMap<string, string>;
  readonly locations: ReadonlyMap<string, string>;
}

/** One changed field, flattened (`flags.practitioner`). */
export interface ChangeRow {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The changed fields of an event, objects opened up one field at a time so that a profile edit
 * shows `profile.jobTitle` rather than two whole profiles.
 *
 * @example changeRows({ profile: { before: { jobTitle: "RN" }, after: { jobTitle: "Charge RN" } } })
 */
export function changeRows(changes: Readonly<Record<string, FieldChange>>, prefix = ""): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const [key, change] of Object.entries(changes)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const { before, after } = change;
    if ((isPlainObject(before) || before == null) && isPlainObject(after)) {
      const old = isPlainObject(before) ? before : {};
      const nested: Record<string, FieldChange> = {};
      for (const k of new Set([...Object.keys(old), ...Object.keys(after)])) {
        if (JSON.stringify(old[k]) !== JSON.stringify(after[k]))
          nested[k] = { before: old[k], after: after[k] };
      }
      rows.push(...changeRows(nested, path));
    } else {
      rows.push({ path, before, after });
    }
  }
  return rows;
}

/** A value in words: names for ids, Yes/No, lists joined. */
function useDescribe(names: AuditNames): (value: unknown, path: string) => string {
  const m = useMessages();
  const { locale } = useStaffroom();
  const describe = (value: unknown, path: string): string => {
    if (value === null || value === undefined || value === "") return m.audit.emptyValue;
    if (typeof value === "boolean") return value ? m.common.yes : m.common.no;
    if (typeof value === "number") return value.toLocaleString(locale);
    if (typeof value === "string") {
      if (value === "organization" && path.endsWith("locationAccess")) return m.common.allLocations;
      if (path === "status" && Object.hasOwn(m.audit.statuses, value))
        return m.audit.statuses[value as keyof typeof m.audit.statuses];
      return names.users.get(value) ?? names.roles.get(value) ?? names.locations.get(value) ?? value;
    }
    if (Array.isArray(value)) {
      return value.length ? value.map((v) => describe(v, path)).join(", ") : m.audit.emptyValue;
    }
    return JSON.stringify(value);
  };
  return describe;
}

/**
 * The before → after of an event's privilege fields, read aloud as "Role: from Front Desk to Provider".
 *
 * @example <AuditChanges changes={event.changes} names={names} />
 */
export function AuditChanges({
  changes,
  names,
}: {
  readonly changes: Readonly<Record<string, FieldChange>>;
  readonly names: AuditNames;
}): ReactNode {
  const m = useMessages().audit;
  const describe = useDescribe(names);
  const rows = changeRows(changes);
  if (rows.length === 0) return <span className="sr-muted">{m.noChanges}</span>;
  return (
    <ul className="sr-audit-changes">
      {rows.map((row) => (
        <li key={row.path}>
          <span className="sr-audit-field">{fieldLabel(m, row.path)}</span>{" "}
          {Array.isArray(row.before) && Array.isArray(row.after) ? (
            <ListChange row={row} describe={describe} />
          ) : (
            <ValueChange row={row} describe={describe} />
          )}
        </li>
      ))}
    </ul>
  );
}

type Describe = (value: unknown, path: string) => string;

function ValueChange({ row, describe }: { readonly row: ChangeRow; readonly describe: Describe }): ReactNode {
  const m = useMessages().audit;
  if (row.before === null || row.before === undefined) {
    return <span className="sr-audit-after">{describe(row.after, row.path)}</span>;
  }
  return (
    <>
      <span className="sr-visually-hidden">{m.changedFrom} </span>
      <span className="sr-audit-before">{describe(row.before, row.path)}</span>
      <span aria-hidden="true"> → </span>
      <span className="sr-visually-hidden"> {m.changedTo} </span>
      <span className="sr-audit-after">{describe(row.after, row.path)}</span>
    </>
  );
}

function ListChange({ row, describe }: { readonly row: ChangeRow; readonly describe: Describe }): ReactNode {
  const m = useMessages().audit;
  const before = (row.before as unknown[]).map((v) => JSON.stringify(v));
  const after = (row.after as unknown[]).map((v) => JSON.stringify(v));
  const added = (row.after as unknown[]).filter((_, i) => !before.includes(after[i] ?? ""));
  const removed = (row.before as unknown[]).filter((_, i) => !after.includes(before[i] ?? ""));
  return (
    <>
      {added.length ? (
        <span className="sr-audit-after">
          <span aria-hidden="true">+</span>
          <span className="sr-visually-hidden">{m.added}: </span>
          {describe(added, row.path)}{" "}
        </span>
      ) : null}
      {removed.length ? (
        <span className="sr-audit-before">
          <span aria-hidden="true">−</span>
          <span className="sr-visually-hidden">{m.removed}: </span>
          {describe(removed, row.path)}
        </span>
      ) : null}
    </>
  );
}
