import { DirectoryError } from "@staffroom/core";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { errorMessage } from "../messages/error-message";
import type { Messages } from "../messages/messages";

/**
 * Puts a DirectoryError's field issues onto the form fields their paths name
 * (`["profile", "givenName"]` → `profile.givenName`) and returns the issues no field took, so the
 * form can show them in its alert. `fields` lists the names the form renders; `fieldOf` maps an
 * input path the form shows elsewhere (`["locationAccess", 0]` → `locationIds`). A rule error about
 * one field (core names the field in its `issues`) lands there too, with the host's rule override.
 *
 * @example const rest = applyServerErrors(error, setError, fieldNames, messages, fieldOfUserPath);
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  messages: Messages,
  fieldOf?: (path: readonly (string | number)[]) => string,
): { placed: number; unplaced: string[] } {
  if (!DirectoryError.is(error)) return { placed: 0, unplaced: [] };
  let placed = 0;
  const unplaced: string[] = [];
  let first = true;
  for (const issue of error.issues) {
    const byRule = error.rule && issue.code === error.rule ? messages.errors.rule[error.rule] : undefined;
    const text = messages.errors.issue(issue) ?? byRule ?? issue.message;
    const mapped = fieldOf?.(issue.path);
    const name = (mapped && fields.includes(mapped) ? mapped : null) ?? fieldFor(issue.path, fields);
    if (name) {
      setError(name as Path<T>, { type: "server", message: text }, { shouldFocus: first });
      first = false;
      placed++;
    } else {
      unplaced.push(text);
    }
  }
  return { placed, unplaced };
}

/** The longest prefix of `path` that names a rendered field. */
function fieldFor(path: readonly (string | number)[], fields: readonly string[]): string | null {
  for (let n = path.length; n > 0; n--) {
    const name = path.slice(0, n).join(".");
    if (fields.includes(name)) return name;
  }
  return null;
}

/**
 * What a form's alert shows after a refused save: `null` when every issue landed on a field,
 * otherwise the first issue no field took, or core's message for the whole error. Places the field
 * issues first ({@link applyServerErrors}).
 *
 * @example setFailure(serverFailure(error, form.setError, ["name", "group"], messages));
 */
export function serverFailure<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  messages: Messages,
  fieldOf?: (path: readonly (string | number)[]) => string,
): string | null {
  const { placed, unplaced } = applyServerErrors(error, setError, fields, messages, fieldOf);
  if (placed > 0 && unplaced.length === 0) return null;
  return unplaced[0] ?? errorMessage(messages, error);
}
