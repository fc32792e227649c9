import type { ReactNode } from "react";

/** Props of {@link Badge}. */
export interface BadgeProps {
  readonly tone?: "neutral" | "accent" | "success" | "warning" | "danger";
  readonly children: ReactNode;
  readonly title?: string;
}

/**
 * A small status label (`sr-badge`).
 *
 * @example <Badge tone="success">Provider</Badge>
 */
export function Badge({ tone = "neutral", children, title }: BadgeProps): ReactNode {
  return (
    <span className="sr-badge" data-tone={tone} title={title}>
      {children}
    </span>
  );
}

/** Props of {@link Avatar}. */
export interface AvatarProps {
  readonly initials: string;
}

/**
 * Initials in a circle; decorative (the name is always shown beside it).
 *
 * @example <Avatar initials="JS" />
 */
export function Avatar({ initials }: AvatarProps): ReactNode {
  return (
    <span className="sr-avatar" aria-hidden="true">
      {initials}
    </span>
  );
}
