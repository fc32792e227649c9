/**
 * Strings of InviteManyDialog ("Invite several"), English defaults; hosts override them through
 * `messages.inviteMany`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ inviteMany: { title: "Add your team" } }}>
 */
export interface InviteManyMessages {
  readonly title: string;
  readonly description: string;
  readonly emails: string;
  readonly emailsHint: string;
  /** Shown on the addresses field when it holds none. */
  readonly emailsRequired: string;
  /** How many addresses the field holds now, announced politely as they are typed or pasted. */
  readonly counted: (count: number) => string;
  /** The send button, with how many addresses the field holds (0 before any). */
  readonly submit: (count: number) => string;
  /** The heading over the per-row results. */
  readonly resultsTitle: string;
  /** How many were invited and how many were not. */
  readonly summary: (succeeded: number, failed: number) => string;
  readonly resultsLabel: string;
  readonly columns: { readonly email: string; readonly result: string };
  readonly invited: string;
  /** The pending user's name beside "Invited". */
  readonly invitedAs: (name: string) => string;
  readonly notInvited: string;
  /** Puts the addresses that failed back in the form, with the same role and locations. */
  readonly retryFailed: string;
  readonly done: string;
}

/** English defaults of {@link InviteManyMessages}. */
export const inviteManyMessages: InviteManyMessages = {
  title: "Invite several people",
  description:
    "Paste their email addresses and give them one role and the same locations. Each gets their own invitation; one that cannot be sent does not stop the others.",
  emails: "Email addresses",
  emailsHint: "One per line, or separated by commas. To name someone, write First Last <email>.",
  emailsRequired: "Enter at least one email address.",
  counted: (count) => (count === 1 ? "1 address" : `${count.toLocaleString()} addresses`),
  submit: (count) =>
    count === 0
      ? "Send invitations"
      : count === 1
        ? "Send 1 invitation"
        : `Send ${count.toLocaleString()} invitations`,
  resultsTitle: "Invitations sent",
  summary: (succeeded, failed) =>
    failed === 0
      ? `${succeeded === 1 ? "1 person was" : `${succeeded.toLocaleString()} people were`} invited.`
      : `${succeeded.toLocaleString()} invited, ${failed.toLocaleString()} not invited.`,
  resultsLabel: "Result for each address",
  columns: { email: "Email", result: "Result" },
  invited: "Invited",
  invitedAs: (name) => `as ${name}`,
  notInvited: "Not invited",
  retryFailed: "Try the others again",
  done: "Done",
};
