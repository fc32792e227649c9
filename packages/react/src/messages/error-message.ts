import { DirectoryError, type DirectoryErrorData, ERROR_STATUS, type Verdict } from "@staffroom/core";
import type { Messages } from "./messages";

// Bulk results carry refusals as plain DirectoryErrorData (they cross wires as JSON), not as
// DirectoryError instances; both are expected failures with a stable code.
function isErrorData(value: unknown): value is DirectoryErrorData {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code) && typeof message === "string";
}

/**
 * The text to show for a failure — a `DirectoryError` or its plain data (as in bulk results): the
 * host's override for the rule or code, else core's message in the host's language
 * (`errors.translate`), else core's own message; anything else is a bug and shows
 * the generic text.
 *
 * @example errorMessage(messages, error) // "At least one active administrator must remain."
 */
export function errorMessage(messages: Messages, error: unknown): string {
  if (!DirectoryError.is(error) && !isErrorData(error)) return messages.errors.unexpected;
  if (error.rule) {
    const byRule = messages.errors.rule[error.rule];
    if (byRule) return byRule;
  }
  return messages.errors.code[error.code] ?? messages.errors.translate(error) ?? error.message;
}

/**
 * The reason to show beside an option core refuses: the host's `errors.refusal` override, else the
 * `errors.rule` / `errors.code` override for its rule or code, else core's own message (the one the
 * service would answer on saving it). Null for an allowed verdict.
 *
 * @example refusalMessage(messages, options.organizationWide) // "You can only give access to locations you have yourself."
 */
export function refusalMessage(messages: Messages, verdict: Verdict): string | null {
  if (verdict.allowed) return null;
  return messages.errors.refusal(verdict) ?? errorMessage(messages, verdict);
}
