import type { ReactNode } from "react";
import stylesCss from "../styles.css?raw";
import { systemDarkDrift, themeTokens } from "./theme-tokens";

const isColor = (value: string) => /^(#|rgb|hsl|oklch|color\()/.test(value);

function Swatch({ value, dark }: { readonly value: string; readonly dark: boolean }): ReactNode {
  const ground = dark ? "#0b1020" : "#ffffff";
  const shadow = value.includes("px") && value.includes("rgb") && !isColor(value);
  if (!isColor(value) && !shadow) return <code>{value}</code>;
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
      <span
        aria-hidden="true"
        style={{
          display: "inline-block",
          width: 28,
          height: 20,
          borderRadius: 4,
          border: "1px solid #9ca3af",
          background: shadow
            ? dark
              ? "#111827"
              : "#ffffff"
            : `linear-gradient(${value}, ${value}), ${ground}`,
          boxShadow: shadow ? value : undefined,
          outline: `4px solid ${ground}`,
        }}
      />
      <code>{value}</code>
    </span>
  );
}

/**
 * Every CSS custom property of `@staffroom/react/styles.css`, read from the stylesheet itself at
 * build time: its light value, its dark value (with swatches on their own backgrounds), its compact
 * value, and how often the kit uses it.
 *
 * @example <ThemeTable /> // in Theming.mdx
 */
export function ThemeTable(): ReactNode {
  const tokens = themeTokens(stylesCss);
  const drift = systemDarkDrift(stylesCss);
  return (
    <>
      <p>
        {tokens.length} properties on <code>.sr-root</code>.{" "}
        {drift.length === 0 ? (
          <>
            <code>theme="system"</code> in a dark operating system gives exactly the dark values.
          </>
        ) : (
          <strong>theme="system" differs from dark on {drift.join(", ")}.</strong>
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">property</th>
            <th scope="col">light</th>
            <th scope="col">dark</th>
            <th scope="col">compact</th>
            <th scope="col">uses</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.name}>
              <th scope="row" style={{ whiteSpace: "nowrap" }}>
                <code>{token.name}</code>
              </th>
              <td>
                <Swatch value={token.light} dark={false} />
              </td>
              <td>{token.dark ? <Swatch value={token.dark} dark /> : "same"}</td>
              <td>{token.compact ? <code>{token.compact}</code> : "same"}</td>
              <td>{token.uses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
