import type { ButtonHTMLAttributes, ReactNode, Ref } from "react";

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: "default" | "primary" | "danger" | "ghost";
  readonly size?: "md" | "sm";
  /** Shows a spinner and disables the button. */
  readonly busy?: boolean;
  readonly ref?: Ref<HTMLButtonElement>;
}

/**
 * A button in the kit's style (`sr-button`).
 *
 * @example <Button variant="primary" busy={saving}>Save</Button>
 */
export function Button({
  variant = "default",
  size = "md",
  busy,
  disabled,
  children,
  className,
  type,
  ...rest
}: ButtonProps): ReactNode {
  return (
    <button
      type={type ?? "button"}
      className={className ? `sr-button ${className}` : "sr-button"}
      data-variant={variant}
      data-size={size}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="sr-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
