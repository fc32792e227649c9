import type { ReactNode } from "react";
import { englishMessages } from "../messages/messages";

/** Counts the strings (and string-returning functions) under one message group. */
function count(value: unknown): number {
  if (typeof value === "string" || typeof value === "function") return 1;
  if (value && typeof value === "object")
    return Object.values(value).reduce((n: number, v) => n + count(v), 0);
  return 0;
}

/**
 * The groups of the `Messages` object, read from `englishMessages`: a group's name is the key to
 * override under `messages={…}`, with how many strings it holds and one of its keys.
 *
 * @example <MessageGroups /> // in Messages.mdx
 */
export function MessageGroups(): ReactNode {
  const groups = Object.entries(englishMessages as unknown as Record<string, Record<string, unknown>>);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">group</th>
          <th scope="col">strings</th>
          <th scope="col">a key, for example</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(([group, value]) => (
          <tr key={group}>
            <th scope="row">
              <code>{group}</code>
            </th>
            <td>{count(value)}</td>
            <td>
              <code>
                {group}.{Object.keys(value)[0] ?? ""}
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
