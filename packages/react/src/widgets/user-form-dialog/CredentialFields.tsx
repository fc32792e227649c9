import { CREDENTIAL_KINDS, type CredentialKind, US_STATE_CODES } from "@staffroom/core";
import { type ReactNode, useId, useRef } from "react";
import { type UseFormReturn, useFieldArray } from "react-hook-form";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { emptyCredentialRow, type UserFormValues } from "./user-form-values";

/** Props of {@link CredentialFields}. */
export interface CredentialFieldsProps {
  readonly form: UseFormReturn<UserFormValues>;
}

/**
 * The provider's credentials (issue 15) inside the provider section: one group per credential —
 * type, number, issuing state, issuer, expiry date — each named "Credential 2: DEA registration"
 * for screen readers, with its Remove button; "Add credential" below. Core validates every field
 * (numbers, DEA check digit, state codes, dates) and its issues land on the row's fields. Removing a
 * row moves focus to "Add credential", so the keyboard never falls to the page.
 *
 * @example <CredentialFields form={form} />
 */
export function CredentialFields({ form }: CredentialFieldsProps): ReactNode {
  const c = useMessages().credentials;
  const rows = useFieldArray({ control: form.control, name: "provider.credentials" });
  const addRef = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const errors = form.formState.errors.provider?.credentials;
  const kinds = form.watch("provider.credentials");
  return (
    <fieldset className="sr-fieldset sr-span-2 sr-credentials" aria-describedby={hintId}>
      <legend>{c.legend}</legend>
      <p className="sr-hint" id={hintId}>
        {c.hint}
      </p>
      {rows.fields.length === 0 ? <p className="sr-muted">{c.none}</p> : null}
      {rows.fields.map((row, i) => {
        const e = errors?.[i];
        const kind = c.kinds[(kinds?.[i]?.kind ?? row.kind) as CredentialKind] ?? "";
        const name = c.rowLabel(i + 1, kind);
        return (
          <fieldset key={row.id} className="sr-fieldset sr-credential-row" aria-label={name}>
            <div className="sr-grid-2">
              <Field label={c.kind} error={e?.kind?.message}>
                {(p) => (
                  <select className="sr-select" {...p} {...form.register(`provider.credentials.${i}.kind`)}>
                    {CREDENTIAL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {c.kinds[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={c.number} error={e?.number?.message}>
                {(p) => (
                  <input
                    className="sr-input sr-mono"
                    autoComplete="off"
                    {...p}
                    {...form.register(`provider.credentials.${i}.number`)}
                  />
                )}
              </Field>
              <Field label={c.state} error={e?.state?.message}>
                {(p) => (
                  <select className="sr-select" {...p} {...form.register(`provider.credentials.${i}.state`)}>
                    <option value="">{c.noState}</option>
                    {US_STATE_CODES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={c.issuer} error={e?.issuer?.message}>
                {(p) => (
                  <input
                    className="sr-input"
                    autoComplete="off"
                    {...p}
                    {...form.register(`provider.credentials.${i}.issuer`)}
                  />
                )}
              </Field>
              <Field label={c.expiresOn} hint={c.expiresOnHint} error={e?.expiresOn?.message}>
                {(p) => (
                  <input
                    className="sr-input"
                    type="date"
                    {...p}
                    {...form.register(`provider.credentials.${i}.expiresOn`)}
                  />
                )}
              </Field>
              <div className="sr-credential-remove">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={c.removeLabel(i + 1, kind)}
                  onClick={() => {
                    rows.remove(i);
                    addRef.current?.focus();
                  }}
                >
                  {c.remove}
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      {errors?.root?.message ? (
        <span className="sr-field-error" role="alert">
          {errors.root.message}
        </span>
      ) : null}
      <div>
        <Button ref={addRef} size="sm" onClick={() => rows.append(emptyCredentialRow())}>
          {c.add}
        </Button>
      </div>
    </fieldset>
  );
}
