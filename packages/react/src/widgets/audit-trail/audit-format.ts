import type { AuditQuery } from "@staffroom/core";
import type { AuditMessages } from "./messages";

/** The filters as the toolbar holds them: dates as `YYYY-MM-DD` in the viewer's calendar. */
export interface AuditFilters {
  readonly from?: string;
  readonly to?: string;
  readonly actorId?: string;
  readonly targetId?: string;
  readonly action?: string;
}

/**
 * A code in plain words when no message names it: `user.role_changed` → "User role changed".
 *
 * @example humanize("user.role_changed") // "User role changed"
 */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The plain words of an action code.
 *
 * @example actionLabel(m, "user.disabled") // "Disabled a user"
 */
export function actionLabel(m: AuditMessages, action: string): string {
  return m.actions[action] ?? humanize(action);
}

/**
 * The label of a changed field, by its dotted path or its last part.
 *
 * @example fieldLabel(m, "flags.practitioner") // "Practitioner"
 */
export function fieldLabel(m: AuditMessages, path: string): string {
  const last = path.split(".").pop() ?? path;
  return m.fields[path] ?? m.fields[last] ?? humanize(last);
}

/**
 * A moment in the viewer's locale and time zone, with seconds and the zone's short name.
 *
 * @example formatLocalTime("2026-11-23T09:00:05.000Z", "en-US", "America/New_York") // "Nov 23, 2026, 04:00:05 AM EST"
 */
export function formatLocalTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** Start (or end, with `end`) of a `YYYY-MM-DD` day in the viewer's time zone, as an ISO instant. */
function dayBoundary(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, mo, d] = match;
  const start = new Date(Number(y), Number(mo) - 1, Number(d) + (end ? 1 : 0));
  return new Date(start.getTime() - (end ? 1 : 0)).toISOString();
}

/**
 * The `audit.list` query of the toolbar's filters: whole local days, both ends included.
 *
 * @example toAuditQuery({ from: "2026-11-23", action: "user.disabled" })
 */
export function toAuditQuery(filters: AuditFilters): AuditQuery {
  const from = filters.from ? dayBoundary(filters.from, false) : undefined;
  const to = filters.to ? dayBoundary(filters.to, true) : undefined;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
  };
}

/**
 * A file-name-safe slug: "Harbor Urgent Care" → "harbor-urgent-care".
 *
 * @example slug("St. Mary's Clinic") // "st-mary-s-clinic"
 */
export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "organization"
  );
}

/**
 * Today (or `date`) as `YYYY-MM-DD` in the viewer's calendar.
 *
 * @example localDay(new Date(2026, 10, 23)) // "2026-11-23"
 */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
