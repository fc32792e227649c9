import { type ReactElement, type ReactNode, useId } from "react";
import { useMessages } from "../provider/context";

/** What {@link Field} hands its control so label, hint and error are wired up. */
export interface FieldControlProps {
  readonly id: string;
  readonly "aria-invalid": boolean | undefined;
  readonly "aria-describedby": string | undefined;
  readonly "aria-required": boolean | undefined;
}

/** Props of {@link Field}. */
export interface FieldProps {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly className?: string;
  /** Renders the control with the ids and ARIA attributes it needs. */
  readonly children: (control: FieldControlProps) => ReactElement;
}

/**
 * A labelled form control with hint, required mark and error message.
 *
 * @example
 * <Field label="Email" required error={errors.email?.message}>
 *   {(p) => <input className="sr-input" {...p} {...register("email")} />}
 * </Field>
 */
export function Field({ label, hint, error, required, className, children }: FieldProps): ReactNode {
  const m = useMessages();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `sr-field ${className}` : "sr-field"}>
      <label className="sr-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="sr-required" aria-hidden="true" title={m.common.required}>
            *
          </span>
        ) : null}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        "aria-required": required || undefined,
      })}
      {hint ? (
        <span className="sr-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="sr-field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
