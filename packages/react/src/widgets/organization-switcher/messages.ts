/**
 * Strings of OrganizationSwitcher, English defaults; hosts override them through `messages.switcher`.
 *
 * @example <StaffroomProvider auth={auth} messages={{ switcher: { menuLabel: "Practices" } }}>
 */
export interface SwitcherMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  /** Read after the current organization's name on the trigger (screen readers only). */
  readonly switchHint: string;
  /** The visible caption above the current organization's name. */
  readonly caption: string;
  readonly menuLabel: string;
  readonly current: string;
  readonly switching: (name: string) => string;
  readonly loadError: string;
  readonly switchError: string;
  readonly retry: string;
}

/** English defaults of {@link SwitcherMessages}. */
export const switcherMessages: SwitcherMessages = {
  loading: "Loading…",
  switchHint: "Switch organization",
  caption: "Organization",
  menuLabel: "Your organizations",
  current: "Current",
  switching: (name) => `Switching to ${name}…`,
  loadError: "Your organizations could not be loaded.",
  switchError: "Could not switch organization",
  retry: "Try again",
};
