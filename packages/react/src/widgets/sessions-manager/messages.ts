import type { ClientSummary } from "@staffroom/core";

/**
 * Strings of SessionsManager, English defaults; hosts override them through `messages.sessions`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ sessions: { title: "Who is online" } }}>
 */
export interface SessionsMessages {
  readonly title: string;
  readonly description: string;
  /** Shown while the list loads. */
  readonly loading: string;
  readonly loadError: string;
  readonly empty: string;
  readonly emptyHint: string;
  readonly tableLabel: string;
  readonly columns: {
    readonly person: string;
    readonly from: string;
    readonly since: string;
    readonly lastActive: string;
    readonly ends: string;
    readonly actions: string;
  };
  /** A browser and system as core names them ("Chrome", "Windows"); either may be unknown (null). */
  readonly client: (client: ClientSummary | null) => string;
  /** The network core shows in place of the address ("203.0.113.0/24"), or null. */
  readonly network: (network: string | null) => string;
  /** When an unused session ends, and when it ends at the latest. */
  readonly ends: (idle: string, absolute: string) => string;
  readonly you: string;
  readonly end: string;
  readonly endLabel: (name: string) => string;
  readonly confirmTitle: (name: string) => string;
  readonly confirmBody: (name: string, client: string) => string;
  readonly confirm: string;
  readonly ended: (name: string) => string;
  readonly dismiss: string;
  readonly refresh: string;
  readonly count: (total: number) => string;
  readonly pagination: string;
  readonly range: (from: number, to: number, total: number) => string;
  readonly previousPage: string;
  readonly nextPage: string;
}

const n = (value: number): string => value.toLocaleString("en-US");

/**
 * English defaults of {@link SessionsMessages}.
 *
 * @example sessionsMessages.client({ browser: "Chrome", system: "Windows" }) // "Chrome on Windows"
 */
export const sessionsMessages: SessionsMessages = {
  title: "Signed in now",
  description:
    "Who is signed in to this organization, from which browser and network, and since when. End a session to sign that person out at once.",
  loading: "Loading…",
  loadError: "The sessions could not be loaded.",
  empty: "No one is signed in right now.",
  emptyHint: "Sessions show here while people are signed in; they end after the idle limit.",
  tableLabel: "Signed-in sessions",
  columns: {
    person: "Person",
    from: "Signed in from",
    since: "Signed in",
    lastActive: "Last active",
    ends: "Ends",
    actions: "Actions",
  },
  client: (client) => {
    if (!client || (!client.browser && !client.system)) return "Unknown browser";
    if (!client.system) return client.browser ?? "Unknown browser";
    return `${client.browser ?? "Unknown browser"} on ${client.system}`;
  },
  network: (network) => (network ? `Network ${network}` : "Network not recorded"),
  ends: (idle, absolute) => `${idle} if idle; ${absolute} at the latest`,
  you: "You",
  end: "End session",
  endLabel: (name) => `End session for ${name}`,
  confirmTitle: (name) => `End ${name}'s session?`,
  confirmBody: (name, client) =>
    `${name} is signed out of ${client} at once and must sign in again. Anything not yet saved in that window is lost. Their other sessions stay.`,
  confirm: "End session",
  ended: (name) => `${name}'s session was ended.`,
  dismiss: "Dismiss",
  refresh: "Refresh",
  count: (total) => (total === 1 ? "1 session" : `${n(total)} sessions`),
  pagination: "Sessions pages",
  range: (from, to, total) => `${n(from)}–${n(to)} of ${n(total)}`,
  previousPage: "Previous page",
  nextPage: "Next page",
};
