/**
 * A component's JSDoc as its docs page shows it: the prose, then each `@example` as a code block
 * under "Usage" — left as text, markdown would take the examples' JSX for HTML and drop it.
 * Other block tags (`@internal`, `@see` …) are left out.
 *
 * @example usageDescription("A card.\n@example <Card />") // "A card.\n\n**Usage**\n\n```tsx\n<Card />\n```"
 */
export function usageDescription(jsdoc: string): string {
  const [prose = "", ...examples] = jsdoc.split(/^[ \t]*@example\b/m);
  const text = prose.split(/^[ \t]*@\w+/m)[0]?.trim();
  const blocks = examples
    .map((example) => example.split(/^[ \t]*@\w+/m)[0]?.trim() ?? "")
    .filter((example) => example.length > 0)
    .map((example) => `\`\`\`tsx\n${example}\n\`\`\``);
  return blocks.length === 0 ? (text ?? "") : `${text ?? ""}\n\n**Usage**\n\n${blocks.join("\n\n")}`;
}
