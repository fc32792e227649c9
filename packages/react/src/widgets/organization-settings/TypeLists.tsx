import type { SeatUsage } from "@staffroom/core";
import { type ReactNode, useRef } from "react";
import { type UseFormReturn, useFieldArray } from "react-hook-form";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import type { OrganizationFormValues } from "./organization-form-values";
import { SeatMeter } from "./SeatMeter";
import { SettingsSection } from "./SettingsSections";

type Form = UseFormReturn<OrganizationFormValues>;

/** The message of an error on a whole list (core's "Each licence type needs its own key."). */
const listError = (error: { message?: string; root?: { message?: string } } | undefined) =>
  error?.message ?? error?.root?.message;

/**
 * Licence types (W11, reference 003): label, key and seats each, with seat usage for saved ones. A
 * saved key stays fixed (users' licences refer to it).
 *
 * @example <LicencesSection form={form} usage={usage} />
 */
export function LicencesSection({
  form,
  usage,
}: {
  readonly form: Form;
  readonly usage: SeatUsage | undefined;
}): ReactNode {
  const t = useMessages().organizationSettings;
  const l = t.licences;
  const add = useRef<HTMLButtonElement>(null);
  const rows = useFieldArray({ control: form.control, name: "licenceTypes" });
  const e = form.formState.errors.licenceTypes;
  return (
    <SettingsSection title={t.sections.licences} hint={l.hint}>
      {rows.fields.length === 0 ? <p className="sr-muted sr-settings-empty">{l.empty}</p> : null}
      {rows.fields.map((row, i) => {
        const used = usage?.licences.find((u) => u.key === row.key && row.saved);
        const label = form.watch(`licenceTypes.${i}.label`);
        return (
          <fieldset key={row.id} className="sr-fieldset sr-type-row">
            <legend className="sr-visually-hidden">{label || l.row(i + 1)}</legend>
            <Field label={l.label} required error={e?.[i]?.label?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  autoComplete="off"
                  {...p}
                  {...form.register(`licenceTypes.${i}.label`)}
                />
              )}
            </Field>
            <Field label={l.key} hint={l.keyHint} required error={e?.[i]?.key?.message}>
              {(p) => (
                <input
                  className="sr-input sr-mono"
                  autoComplete="off"
                  readOnly={row.saved}
                  {...p}
                  {...form.register(`licenceTypes.${i}.key`)}
                />
              )}
            </Field>
            <Field label={l.seats} error={e?.[i]?.seats?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  type="number"
                  min={0}
                  step={1}
                  placeholder={t.seats.unlimited}
                  {...p}
                  {...form.register(`licenceTypes.${i}.seats`)}
                />
              )}
            </Field>
            <Button
              size="sm"
              variant="ghost"
              className="sr-type-remove"
              onClick={() => {
                rows.remove(i);
                add.current?.focus();
              }}
            >
              {l.remove(label)}
            </Button>
            {used ? (
              <div className="sr-span-all">
                <SeatMeter label={used.label} used={used.used} limit={used.limit} />
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {listError(e) ? <span className="sr-field-error">{listError(e)}</span> : null}
      <div>
        <Button
          ref={add}
          size="sm"
          onClick={() => rows.append({ key: "", label: "", seats: "", saved: false })}
        >
          {l.add}
        </Button>
      </div>
    </SettingsSection>
  );
}

/**
 * Provider types (W10/W11, reference 003): the kinds of provider users can be.
 *
 * @example <ProviderTypesSection form={form} />
 */
export function ProviderTypesSection({ form }: { readonly form: Form }): ReactNode {
  const t = useMessages().organizationSettings;
  const p = t.providerTypes;
  const add = useRef<HTMLButtonElement>(null);
  const rows = useFieldArray({ control: form.control, name: "providerTypes" });
  const e = form.formState.errors.providerTypes;
  return (
    <SettingsSection title={t.sections.providerTypes} hint={p.hint}>
      {rows.fields.length === 0 ? <p className="sr-muted sr-settings-empty">{p.empty}</p> : null}
      <ul className="sr-chip-inputs">
        {rows.fields.map((row, i) => {
          const value = form.watch(`providerTypes.${i}.value`);
          const error = e?.[i]?.value?.message;
          return (
            <li key={row.id} className="sr-chip-input">
              <input
                className="sr-input"
                autoComplete="off"
                aria-label={p.type(i + 1)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${row.id}-error` : undefined}
                {...form.register(`providerTypes.${i}.value`)}
              />
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  rows.remove(i);
                  add.current?.focus();
                }}
              >
                {p.remove(value)}
              </Button>
              {error ? (
                <span className="sr-field-error" id={`${row.id}-error`}>
                  {error}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError(e) ? <span className="sr-field-error">{listError(e)}</span> : null}
      <div>
        <Button ref={add} size="sm" onClick={() => rows.append({ value: "" })}>
          {p.add}
        </Button>
      </div>
    </SettingsSection>
  );
}
