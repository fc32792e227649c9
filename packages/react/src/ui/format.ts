/**
 * A date for tables: "Nov 23, 2026", or `fallback` for null.
 *
 * @example formatDate("2026-11-23T12:00:00.000Z", "en-US", "Never") // "Nov 23, 2026"
 */
export function formatDate(iso: string | null, locale: string, fallback: string): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/**
 * A date and time for the audit trail, in UTC: "Nov 23, 2026, 12:00 UTC".
 *
 * @example formatDateTime("2026-11-23T12:00:00.000Z", "en-US")
 */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}
