import { DirectoryError } from "@staffroom/core";
import type { Messages } from "./messages";

/**
 * The text to show for a failure: the host's override for the rule or code, else core's own
 * message; anything that is not a DirectoryError is a bug and shows the generic text.
 *
 * @example errorMessage(messages, error) // "At least one active administrator must remain."
 */
export function errorMessage(messages: Messages, error: unknown): string {
  if (!DirectoryError.is(error)) return messages.errors.unexpected;
  if (error.rule) {
    const byRule = messages.errors.rule[error.rule];
    if (byRule) return byRule;
  }
  return messages.errors.code[error.code] ?? error.message;
}
