import type { ReactNode } from "react";
import { useStaffroom } from "../provider/context";

// Its own module, not Dialog's: the menus use it, and a module that imports Radix Dialog would
// bring Radix into every widget with a menu (the directory's rows) in a host's bundle.

/**
 * Renders portalled content inside the provider's theme scope (`sr-root` with the same theme,
 * density and language), in the provider's portal container.
 *
 * @example <ThemeScope><div className="sr-menu">…</div></ThemeScope>
 */
export function ThemeScope({ children }: { readonly children: ReactNode }): ReactNode {
  const { theme, density, className, locale } = useStaffroom();
  return (
    <div
      className={className ? `sr-root ${className}` : "sr-root"}
      lang={locale}
      data-theme={theme}
      data-density={density}
      style={{ display: "contents" }}
    >
      {children}
    </div>
  );
}
