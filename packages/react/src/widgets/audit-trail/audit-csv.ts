import type { AuditEvent, AuditQuery, StaffDirectory } from "@staffroom/core";
import { actionLabel } from "./audit-format";
import type { AuditMessages } from "./messages";

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe, so a name like `=HYPERLINK(…)` stays text (OWASP CSV injection).
 *
 * @example csvCell('Smith, "Jo"') // '"Smith, ""Jo"""'
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV of some events: a header row from `messages.audit.csv`, one row per event, CRLF line ends.
 * A person erased from the organization reads `messages.audit.erased` in the actor email and target
 * cells (their ids stay, as in the trail).
 *
 * @example auditCsv(page.items, messages.audit)
 */
export function auditCsv(events: readonly AuditEvent[], m: AuditMessages): string {
  const h = m.csv;
  const header = [
    h.time,
    h.sequence,
    h.actorEmail,
    h.actorId,
    h.action,
    h.actionCode,
    h.targetType,
    h.targetId,
    h.target,
    h.outcome,
    h.reason,
    h.changes,
    h.ip,
    h.userAgent,
    h.requestId,
    h.hash,
  ];
  const rows = events.map((e) => [
    e.at,
    e.sequence,
    e.actor.erased ? m.erased : e.actor.email,
    e.actor.userId,
    actionLabel(m, e.action),
    e.action,
    e.target.type,
    e.target.id,
    e.target.erased ? m.erased : (e.target.label ?? m.unknownTarget),
    e.outcome,
    e.reason,
    Object.keys(e.changes).length ? JSON.stringify(e.changes) : "",
    e.metadata.ip,
    e.metadata.userAgent,
    e.metadata.requestId,
    e.hash,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Every event of a filtered query, following the cursor to the last page (500 per request).
 *
 * @example const events = await allAuditEvents(directory, { action: "user.disabled" });
 */
export async function allAuditEvents(directory: StaffDirectory, query: AuditQuery): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await directory.audit.list({ ...query, limit: 500, cursor });
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

/**
 * Offers `text` as a file download through a Blob URL (revoked right after the click).
 * A UTF-8 byte-order mark lets spreadsheet software read accented names correctly.
 *
 * @example downloadText("audit-harbor-2026-11-23.csv", csv, "text/csv")
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
