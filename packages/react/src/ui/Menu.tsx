import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import { useStaffroom } from "../provider/context";
import { ThemeScope } from "./ThemeScope";

// An own menu button (WAI-ARIA APG "menu button" pattern) instead of Radix DropdownMenu: a closed
// menu is one <button>, so a page of 50 rows mounts 50 buttons rather than 50 Radix trees with
// popper, collection and focus-scope providers (the directory's first render and every search
// re-render paid for them), and the kit sheds ~17 kB min+gzip of Radix Menu and Floating UI.

/** One entry of a {@link Menu} or {@link MenuButton}. */
export interface MenuItem {
  readonly key: string;
  readonly label: ReactNode;
  /** Plain text for type-ahead. Default: `label` when it is a string. */
  readonly textValue?: string;
  readonly tone?: "default" | "danger";
  /** Makes the item a `menuitemradio`; `true` marks the checked one. Default: a plain `menuitem`. */
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly onSelect: () => void;
}

/** Props of {@link MenuButton}. */
export interface MenuButtonProps {
  /** The trigger's content. */
  readonly trigger: ReactNode;
  /** Extra attributes of the trigger button (class, aria-label, title, aria-busy). */
  readonly triggerProps?: {
    readonly className?: string;
    readonly "aria-label"?: string;
    readonly title?: string;
    readonly "aria-busy"?: boolean;
    readonly "data-variant"?: string;
    /** Marks the trigger as one of a list's like controls (the table's ⋯ buttons), for focus return. */
    readonly "data-sr-focus-item"?: "";
  };
  readonly items: readonly MenuItem[];
  /** The menu's accessible name, shown as a caption at its top when `showLabel`. Default: none. */
  readonly menuLabel?: string;
  /** Show `menuLabel` as a visible caption. Default false. */
  readonly showLabel?: boolean;
  /** Which edge of the trigger the menu lines up with. Default "end". */
  readonly align?: "start" | "end";
  /** Extra class of the menu panel. */
  readonly menuClassName?: string;
  /** Renders an item's leading slot (e.g. a check mark). Default: nothing. */
  readonly renderIndicator?: (item: MenuItem) => ReactNode;
}

interface Position {
  readonly top: number;
  readonly left?: number;
  readonly right?: number;
}

function place(trigger: HTMLElement, menu: HTMLElement | null, align: "start" | "end"): Position {
  const rect = trigger.getBoundingClientRect();
  const height = menu?.offsetHeight ?? 0;
  const below = rect.bottom + 4;
  const fitsBelow = below + height <= window.innerHeight || rect.top - 4 - height < 0;
  const top = fitsBelow ? below : rect.top - 4 - height;
  return align === "end"
    ? { top, right: Math.max(4, document.documentElement.clientWidth - rect.right) }
    : { top, left: Math.max(4, rect.left) };
}

/** Whether the button is no longer where it was when its panel was placed (unknown counts as moved). */
function movedSincePlaced(
  trigger: HTMLElement | null,
  placed: { readonly top: number; readonly left: number } | null,
): boolean {
  if (!trigger || !placed) return true;
  const rect = trigger.getBoundingClientRect();
  return Math.abs(rect.top - placed.top) >= 1 || Math.abs(rect.left - placed.left) >= 1;
}

const textOf = (item: MenuItem): string =>
  (item.textValue ?? (typeof item.label === "string" ? item.label : "")).toLowerCase();

/**
 * A keyboard-accessible menu button: Enter, Space or ArrowDown open it on the first item, ArrowUp on
 * the last; arrows, Home and End move; a letter jumps to the next item starting with it; Enter or
 * Space choose; Escape closes and focus returns to the button; Tab, a click outside, a resize or a
 * scroll that moves the button closes. The panel opens beside its button (inside the same landmark and theme scope; fixed-positioned, so
 * tables that scroll do not clip it), or in the provider's `portalContainer` when one is given.
 *
 * @example <MenuButton trigger="Organization" items={[{ key: "a", label: "Harbor", checked: true, onSelect }]} menuLabel="Your organizations" />
 */
export function MenuButton({
  trigger,
  triggerProps,
  items,
  menuLabel,
  showLabel = false,
  align = "end",
  menuClassName,
  renderIndicator,
}: MenuButtonProps): ReactNode {
  const { portalContainer } = useStaffroom();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState<Position | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLDivElement | null)[]>([]);
  const menuId = useId();
  const labelId = useId();

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (refocus) triggerRef.current?.focus();
  }, []);

  // Where the button was when the panel was placed beside it: a scroll that leaves it there did not
  // misplace the panel.
  const placedAt = useRef<{ readonly top: number; readonly left: number } | null>(null);

  // Place the panel before paint (twice: the second pass knows its height, to flip above).
  useLayoutEffect(() => {
    if (!open || !triggerRef.current) return;
    const rect = triggerRef.current.getBoundingClientRect();
    placedAt.current = { top: rect.top, left: rect.left };
    setPosition(place(triggerRef.current, menuRef.current, align));
  }, [open, align]);

  useEffect(() => {
    if (open && position) itemRefs.current[active]?.focus();
  }, [open, position, active]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      const target = event.target as Node | null;
      if (target && (menuRef.current?.contains(target) || triggerRef.current?.contains(target))) return;
      close(false);
    };
    const dismiss = (event: Event) => {
      if (event.type === "scroll" && menuRef.current?.contains(event.target as Node)) return;
      // A scroll event is dispatched on the frame after the scroll: the one of a scroll made just
      // before the click that opened the menu (the browser bringing a half-hidden ⋯ button of a wide
      // table into view) arrives after the panel is open, placed where the button now is. Closing
      // on it swallowed that first click (issue 13: the Pending row's ⋯ opened no menu). Only a
      // scroll that moved the button misplaces the fixed panel.
      if (event.type === "scroll" && !movedSincePlaced(triggerRef.current, placedAt.current)) return;
      close(false);
    };
    document.addEventListener("pointerdown", outside, true);
    window.addEventListener("scroll", dismiss, true);
    window.addEventListener("resize", dismiss);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      window.removeEventListener("scroll", dismiss, true);
      window.removeEventListener("resize", dismiss);
    };
  }, [open, close]);

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openAt(event.key === "ArrowDown" ? 0 : Math.max(0, items.length - 1));
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = items.length - 1;
    const move = (index: number) => {
      event.preventDefault();
      setActive(index);
    };
    switch (event.key) {
      case "ArrowDown":
        return move(active >= last ? 0 : active + 1);
      case "ArrowUp":
        return move(active <= 0 ? last : active - 1);
      case "Home":
        return move(0);
      case "End":
        return move(last);
      case "Escape":
        event.preventDefault();
        return close(true);
      case "Tab":
        return close(false);
      case "Enter":
      case " ": {
        event.preventDefault();
        const item = items[active];
        if (item) choose(item);
        return;
      }
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const key = event.key.toLowerCase();
          for (let step = 1; step <= items.length; step++) {
            const index = (active + step) % items.length;
            const item = items[index];
            if (item && textOf(item).startsWith(key)) return move(index);
          }
        }
    }
  };

  // The panel renders beside its button, so it sits in the button's landmark (axe's "region": a
  // menu in the page's banner or main region, not loose in <body>) and in its theme scope; being
  // position: fixed, no scrolling table clips it. A host that gives the provider a portalContainer
  // (a menu inside a transformed box would be misplaced by a fixed position) gets it portalled there.
  const panel = (
    <div
      ref={menuRef}
      id={menuId}
      role="menu"
      aria-orientation="vertical"
      {...(menuLabel ? (showLabel ? { "aria-labelledby": labelId } : { "aria-label": menuLabel }) : {})}
      className={menuClassName ? `sr-menu ${menuClassName}` : "sr-menu"}
      data-align={align}
      style={{
        position: "fixed",
        top: position?.top ?? 0,
        left: position?.left,
        right: position?.right,
        visibility: position ? "visible" : "hidden",
      }}
      onKeyDown={onMenuKeyDown}
    >
      {menuLabel && showLabel ? (
        <div id={labelId} className="sr-menu-label">
          {menuLabel}
        </div>
      ) : null}
      {items.map((item, index) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: the role is menuitem or menuitemradio, chosen per item
        // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled once on the menu (roving focus, APG menu pattern)
        <div
          key={item.key}
          ref={(element) => {
            itemRefs.current[index] = element;
          }}
          role={item.checked === undefined ? "menuitem" : "menuitemradio"}
          {...(item.checked === undefined ? {} : { "aria-checked": item.checked })}
          {...(item.disabled ? { "aria-disabled": true } : {})}
          tabIndex={-1}
          className="sr-menu-item"
          data-tone={item.tone ?? "default"}
          {...(item.checked ? { "data-state": "checked" } : {})}
          {...(index === active ? { "data-highlighted": "" } : {})}
          onFocus={() => index !== active && setActive(index)}
          onPointerMove={() => index !== active && setActive(index)}
          onClick={() => choose(item)}
        >
          {renderIndicator?.(item)}
          {item.label}
        </div>
      ))}
    </div>
  );

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        {...triggerProps}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onTriggerKeyDown}
      >
        {trigger}
      </button>
      {open
        ? portalContainer
          ? createPortal(<ThemeScope>{panel}</ThemeScope>, portalContainer)
          : panel
        : null}
    </>
  );
}

/** Props of {@link Menu}. */
export interface MenuProps {
  /** The accessible name of the trigger button. */
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** Shown (disabled) when there are no items. */
  readonly emptyLabel?: string;
  readonly trigger?: ReactNode;
}

const MORE = (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <circle cx="3" cy="8" r="1.5" fill="currentColor" />
    <circle cx="8" cy="8" r="1.5" fill="currentColor" />
    <circle cx="13" cy="8" r="1.5" fill="currentColor" />
  </svg>
);

/**
 * A row-actions menu: a "⋯" icon button named `label` and its items ({@link MenuButton}). With no
 * items it shows `emptyLabel` as one disabled item.
 *
 * @example <Menu label="Actions for Jane Smith RN" items={[{ key: "edit", label: "Edit", onSelect }]} />
 */
export function Menu({ label, items, emptyLabel, trigger }: MenuProps): ReactNode {
  const shown =
    items.length === 0
      ? [{ key: "empty", label: emptyLabel ?? "", disabled: true, onSelect: () => {} }]
      : items;
  return (
    <MenuButton
      trigger={trigger ?? MORE}
      triggerProps={{
        className: "sr-button sr-icon-button",
        "data-variant": "ghost",
        "aria-label": label,
        title: label,
        // One of the table's ⋯ buttons: when its row leaves, focus goes to the one now in its place.
        "data-sr-focus-item": "",
      }}
      items={shown}
      menuLabel={label}
    />
  );
}
