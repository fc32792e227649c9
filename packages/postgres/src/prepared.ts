/** Names of the statements marked by {@link prepared}, by text. */
const names = new Map<string, string>();

/**
 * Marks a fixed statement text as one to prepare on the server: drivers that can (node-postgres)
 * send it as a named statement, parsed and planned once per connection and then only bound and
 * executed. Returns the text unchanged. Only for texts that never vary and whose result columns
 * are named (never `*`).
 *
 * @example await q.query(prepared("DELETE FROM sessions WHERE token_hash = $1"), [hash]);
 */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `staffroom_${names.size + 1}`);
  return text;
}

/**
 * The statement name of a text marked by {@link prepared}, or undefined (an unprepared statement).
 *
 * @example preparedName("SELECT 1") // undefined
 */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}
