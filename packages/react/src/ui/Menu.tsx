import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";
import { useStaffroom } from "../provider/context";
import { ThemeScope } from "./Dialog";

/** One entry of a {@link Menu}. */
export interface MenuItem {
  readonly key: string;
  readonly label: ReactNode;
  readonly tone?: "default" | "danger";
  readonly onSelect: () => void;
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

/**
 * A keyboard-accessible menu button (Radix DropdownMenu): Enter/Space/ArrowDown open it, arrows move,
 * Escape closes and focus returns to the button.
 *
 * @example <Menu label="Actions for Jane Smith RN" items={[{ key: "edit", label: "Edit", onSelect }]} />
 */
export function Menu({ label, items, emptyLabel, trigger }: MenuProps): ReactNode {
  const { portalContainer } = useStaffroom();
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>
        <button
          type="button"
          className="sr-button sr-icon-button"
          data-variant="ghost"
          aria-label={label}
          title={label}
        >
          {trigger ?? (
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="3" cy="8" r="1.5" fill="currentColor" />
              <circle cx="8" cy="8" r="1.5" fill="currentColor" />
              <circle cx="13" cy="8" r="1.5" fill="currentColor" />
            </svg>
          )}
        </button>
      </RadixMenu.Trigger>
      <RadixMenu.Portal container={portalContainer ?? undefined}>
        <ThemeScope>
          <RadixMenu.Content className="sr-menu" align="end" sideOffset={4}>
            {items.length === 0 ? (
              <RadixMenu.Item className="sr-menu-item" disabled>
                {emptyLabel}
              </RadixMenu.Item>
            ) : (
              items.map((item) => (
                <RadixMenu.Item
                  key={item.key}
                  className="sr-menu-item"
                  data-tone={item.tone ?? "default"}
                  onSelect={item.onSelect}
                >
                  {item.label}
                </RadixMenu.Item>
              ))
            )}
          </RadixMenu.Content>
        </ThemeScope>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
