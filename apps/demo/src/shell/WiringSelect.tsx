import { type ChangeEvent, type ReactNode, useId } from "react";
import { PAGE_WIRING, type Wiring, withWiring } from "../routing/wiring";

/**
 * The top bar's "Wiring" choice. Choosing the other wiring loads the app again on the same page
 * (a real reload: each wiring builds its directory once, at load).
 *
 * @example <WiringSelect />
 */
export function WiringSelect(): ReactNode {
  const id = useId();
  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const wiring: Wiring = event.target.value === "browser" ? "browser" : "rest";
    if (wiring === PAGE_WIRING) return;
    const { pathname, search, hash } = window.location;
    window.location.assign(withWiring(`${pathname}${search}${hash}`, wiring));
  };
  return (
    <div className="app-wiring">
      <label htmlFor={id}>Wiring</label>
      <select id={id} value={PAGE_WIRING} onChange={change}>
        <option value="browser">In-browser</option>
        <option value="rest">REST</option>
      </select>
    </div>
  );
}
