import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useMessages } from "../../provider/context";
import { Field } from "../../ui/Field";
import { type PasswordLength, passwordHint } from "./password-hint";

/** Props of {@link NewPasswordFields}. */
export interface NewPasswordFieldsProps {
  readonly label: string;
  readonly confirmLabel: string;
  /** The password typed so far (for the strength hint). */
  readonly value: string;
  readonly password: UseFormRegisterReturn;
  readonly confirm: UseFormRegisterReturn;
  readonly error?: string | undefined;
  readonly confirmError?: string | undefined;
  readonly bounds: PasswordLength;
}

/**
 * A new password and its confirmation (`autocomplete="new-password"`), with a length-only strength
 * hint under the first that its input describes — replaced by the error when core refuses it.
 *
 * @example <NewPasswordFields label="New password" confirmLabel="Confirm" value={watch("password")} password={register("password")} confirm={register("confirm")} bounds={DEFAULT_PASSWORD_LENGTH} />
 */
export function NewPasswordFields(props: NewPasswordFieldsProps): ReactNode {
  const m = useMessages().account;
  const hint = passwordHint(props.value, props.bounds, m);
  return (
    <>
      <Field
        label={props.label}
        required
        error={props.error}
        // A length hint says nothing about core's other rules: beside core's refusal ("Do not use
        // your name…") a "Strong" would contradict it, so the error stands alone (issue 13).
        hint={
          props.error ? undefined : (
            <>
              <span className="sr-strength" data-level={hint.level} aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              {hint.text}
            </>
          )
        }
      >
        {(p) => (
          <input
            className="sr-input"
            type="password"
            autoComplete="new-password"
            {...p}
            {...props.password}
          />
        )}
      </Field>
      <Field label={props.confirmLabel} required error={props.confirmError}>
        {(p) => (
          <input className="sr-input" type="password" autoComplete="new-password" {...p} {...props.confirm} />
        )}
      </Field>
    </>
  );
}
