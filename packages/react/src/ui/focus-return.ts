// Where focus goes back after a dialog or a menu action, shared by every dialog of the kit
// (DialogContent) and by row actions that run without one. Radix returns focus only to a
// Dialog.Trigger; the kit's dialogs mostly open from a menu item or a button that is not one, and
// the row that opened them often leaves the list (disabled, restored, deleted). Focus then fell to
// <body> and a keyboard user started again from the top of the page (issue 13).

/** Marks a container of like controls (the table's ⋯ buttons): focus stays in it at the same place. */
export const FOCUS_LIST = "data-sr-focus-list";
/** Marks one control of a {@link FOCUS_LIST} (the row's ⋯ button). */
export const FOCUS_ITEM = "data-sr-focus-item";
/** Marks a region whose {@link FOCUS_LIST} takes focus when the control that had it has gone. */
export const FOCUS_HOME = "data-sr-focus-home";

/** How long after a return focus follows the list as its rows change (a refetch, a row leaving). */
const FOLLOW_MS = 4000;

/**
 * A remembered focus, taken when a dialog opens or an action starts.
 *
 * @example const back = rememberFocus(); await write(); back.restore();
 */
export interface FocusReturn {
  /**
   * Focuses the control that had focus; when it has gone, the control now at its place in its list
   * (the next row's ⋯ button, or the last one), else the list itself. For a few seconds after, if
   * the list changes under it and focus is lost (the row leaves on a refetch), it moves again the
   * same way — until the person presses a key or the pointer.
   */
  restore(): void;
}

const itemsOf = (list: HTMLElement): HTMLElement[] =>
  Array.from(list.querySelectorAll<HTMLElement>(`[${FOCUS_ITEM}]`));

/**
 * Remembers what has focus now (the opener of a dialog, the ⋯ button of a row) and where it sits.
 *
 * @example
 * const back = rememberFocus();   // in the first render of a dialog, or before a write
 * …
 * back.restore();                 // the opener, or the control that took its place
 */
export function rememberFocus(): FocusReturn {
  const active = typeof document === "undefined" ? null : document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  const home = opener?.closest<HTMLElement>(`[${FOCUS_HOME}]`) ?? null;
  const list =
    opener?.closest<HTMLElement>(`[${FOCUS_LIST}]`) ??
    home?.querySelector<HTMLElement>(`[${FOCUS_LIST}]`) ??
    null;
  const index = list && opener ? itemsOf(list).indexOf(opener) : -1;

  const pick = (): HTMLElement | null => {
    if (opener?.isConnected) return opener;
    if (list?.isConnected) {
      const items = itemsOf(list);
      if (index >= 0 && items.length > 0) return items[Math.min(index, items.length - 1)] ?? list;
      return list;
    }
    return null;
  };

  const follow = (target: HTMLElement) => {
    if (!list || typeof MutationObserver === "undefined") return;
    let wanted = target;
    const observer = new MutationObserver(() => {
      const now = document.activeElement;
      const lost = !now || now === document.body || (now === wanted && !wanted.isConnected) || now === list;
      if (!lost) return;
      const next = pick();
      if (next && next !== now) {
        wanted = next;
        next.focus();
      }
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener("keydown", stop, true);
      document.removeEventListener("pointerdown", stop, true);
    };
    const timer = setTimeout(stop, FOLLOW_MS);
    observer.observe(list, { childList: true, subtree: true });
    document.addEventListener("keydown", stop, true);
    document.addEventListener("pointerdown", stop, true);
  };

  return {
    restore() {
      const target = pick();
      if (!target) return;
      target.focus();
      follow(target);
    },
  };
}

const FIELD = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/**
 * The first form field of a dialog's body (not its footer's buttons), or null.
 *
 * @example firstField(dialog)?.focus();
 */
export function firstField(container: HTMLElement): HTMLElement | null {
  for (const el of Array.from(container.querySelectorAll<HTMLElement>(FIELD))) {
    if (el.closest(".sr-dialog-footer")) continue;
    if (el.getAttribute("aria-hidden") === "true" || el.tabIndex < 0) continue;
    return el;
  }
  return null;
}

/**
 * Puts focus on a dialog's first field: now when it has one (returns true: the caller keeps Radix
 * from moving it), else as soon as one appears (a form whose options are still loading) — unless
 * the person has pressed a key or the pointer by then. `stop` ends the wait (the dialog closed).
 *
 * @example const { focused, stop } = focusFirstField(content); if (focused) event.preventDefault();
 */
export function focusFirstField(container: HTMLElement): { readonly focused: boolean; stop(): void } {
  const now = firstField(container);
  if (now) {
    now.focus();
    return { focused: true, stop: () => {} };
  }
  if (typeof MutationObserver === "undefined") return { focused: false, stop: () => {} };
  const observer = new MutationObserver(() => {
    const field = firstField(container);
    if (!field) return;
    stop();
    const active = document.activeElement;
    if (!active || active === document.body || (container.contains(active) && !active.matches(FIELD)))
      field.focus();
  });
  const stop = () => {
    observer.disconnect();
    document.removeEventListener("keydown", stop, true);
    document.removeEventListener("pointerdown", stop, true);
  };
  observer.observe(container, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["disabled"],
  });
  document.addEventListener("keydown", stop, true);
  document.addEventListener("pointerdown", stop, true);
  return { focused: false, stop };
}
