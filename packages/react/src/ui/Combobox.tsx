import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useState } from "react";
import type { FieldControlProps } from "./Field";

/** One choice of a {@link Combobox}: its value, the words shown and searched, and an optional hint (an email). */
export interface ComboboxOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

/** Choices of one kind, under a heading ("Roles"). */
export interface ComboboxGroup {
  readonly key: string;
  readonly label: string;
  readonly options: readonly ComboboxOption[];
}

/** Props of {@link Combobox}. */
export interface ComboboxProps {
  /** The ids and ARIA attributes from {@link Field}, so the field's label names the combobox. */
  readonly control: FieldControlProps;
  /** The accessible name of the popup list (usually the field's label). */
  readonly listLabel: string;
  readonly groups: readonly ComboboxGroup[];
  /** The chosen value; null for none. */
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  /** The first option, which clears the choice ("Anyone"); also the placeholder. */
  readonly anyLabel: string;
  /** Said when the typed text matches nothing. */
  readonly noMatches: string;
  readonly className?: string;
}

type Entry = { readonly option: ComboboxOption | null; readonly id: string };

const fold = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * A searchable choice (WAI-ARIA APG combobox with a listbox popup, list autocomplete): type to
 * narrow the options (by label or hint), ↓/↑ to move, Enter to choose, Escape to close (or, closed,
 * to clear), Alt+↓ to open; options may be grouped by kind under headings. The first option clears
 * the choice. Focus stays in the text box (`aria-activedescendant`), so it works with the keyboard
 * alone and with a screen reader.
 *
 * @example
 * <Field label="Actor">
 *   {(p) => <Combobox control={p} listLabel="Actor" groups={[{ key: "users", label: "People", options }]}
 *     value={actorId} onChange={setActorId} anyLabel="Anyone" noMatches="No matches" />}
 * </Field>
 */
export function Combobox(props: ComboboxProps): ReactNode {
  const { control, listLabel, groups, value, onChange, anyLabel, noMatches, className } = props;
  const base = useId();
  const listId = `${base}-list`;
  const [open, setOpen] = useState(false);
  // The text being typed; null while the box shows the chosen option.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const selected = useMemo(
    () => groups.flatMap((g) => g.options).find((o) => o.value === value) ?? null,
    [groups, value],
  );
  const shown = useMemo(() => {
    const needle = fold(query ?? "").trim();
    return groups
      .map((g) => ({
        ...g,
        options: needle
          ? g.options.filter((o) => fold(`${o.label} ${o.hint ?? ""}`).includes(needle))
          : g.options,
      }))
      .filter((g) => g.options.length > 0);
  }, [groups, query]);
  const entries: readonly Entry[] = useMemo(
    () => [
      { option: null, id: `${base}-any` },
      ...shown.flatMap((g) =>
        g.options.map((option) => ({ option, id: `${base}-${g.key}-${option.value}` })),
      ),
    ],
    [shown, base],
  );
  const entryOf = useMemo(() => new Map(entries.map((e) => [e.option, e])), [entries]);
  const activeEntry = open ? entries[Math.min(active, entries.length - 1)] : undefined;

  useEffect(() => {
    if (!activeEntry) return;
    const element = document.getElementById(activeEntry.id);
    // jsdom has no layout, hence the guard.
    if (typeof element?.scrollIntoView === "function") element.scrollIntoView({ block: "nearest" });
  }, [activeEntry]);

  const indexOfValue = () =>
    Math.max(
      0,
      entries.findIndex((e) => (e.option?.value ?? null) === value),
    );
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    if ((entry.option?.value ?? null) !== value) onChange(entry.option?.value ?? null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = entries.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(indexOfValue());
        } else if (!event.altKey) setActive((i) => Math.min(i + 1, last));
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(last);
        } else setActive((i) => Math.max(i - 1, 0));
        return;
      case "Enter":
        if (!open) return;
        event.preventDefault();
        choose(activeEntry);
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        } else if (value !== null) {
          event.preventDefault();
          onChange(null);
        }
        return;
      case "Tab":
        close();
        return;
      default:
        return;
    }
  };

  return (
    <div className={className ? `sr-combobox ${className}` : "sr-combobox"}>
      <input
        {...control}
        className="sr-input sr-combobox-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeEntry?.id}
        placeholder={anyLabel}
        value={query ?? selected?.label ?? ""}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          // The first match (after "any") is the one Enter takes.
          setActive(event.target.value.trim() ? 1 : 0);
        }}
        onClick={() => {
          if (!open) {
            setOpen(true);
            setActive(indexOfValue());
          }
        }}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={listLabel} className="sr-combobox-list" hidden={!open}>
        {/* Closed, the list stays (aria-controls points at it) but holds nothing: long lists cost nothing until opened. */}
        {open ? (
          <>
            <ComboOption
              entry={entries[0] as Entry}
              label={anyLabel}
              active={activeEntry === entries[0]}
              selected={value === null}
              onChoose={choose}
            />
            {shown.map((group) => (
              // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (APG), not a form fieldset
              <div
                key={group.key}
                role="group"
                aria-labelledby={`${base}-${group.key}-label`}
                className="sr-combobox-group"
              >
                <div
                  role="presentation"
                  id={`${base}-${group.key}-label`}
                  className="sr-combobox-group-label"
                >
                  {group.label}
                </div>
                {group.options.map((option) => {
                  const entry = entryOf.get(option) as Entry;
                  return (
                    <ComboOption
                      key={option.value}
                      entry={entry}
                      label={option.label}
                      hint={option.hint}
                      active={activeEntry === entry}
                      selected={option.value === value}
                      onChoose={choose}
                    />
                  );
                })}
              </div>
            ))}
          </>
        ) : null}
      </div>
      {open && shown.length === 0 ? (
        <p className="sr-combobox-empty" role="status">
          {noMatches}
        </p>
      ) : null}
    </div>
  );
}

function ComboOption({
  entry,
  label,
  hint,
  active,
  selected,
  onChoose,
}: {
  readonly entry: Entry;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly active: boolean;
  readonly selected: boolean;
  readonly onChoose: (entry: Entry) => void;
}): ReactNode {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled once on the text box (APG combobox, aria-activedescendant)
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the text box; the active option is its aria-activedescendant
    <div
      id={entry.id}
      role="option"
      aria-selected={selected}
      data-active={active || undefined}
      className="sr-combobox-option"
      // Keeps focus in the text box, so its blur does not close the list before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChoose(entry)}
    >
      <span>{label}</span>
      {hint ? <span className="sr-combobox-hint">{hint}</span> : null}
    </div>
  );
}
