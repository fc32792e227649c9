import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";

/** Props of {@link SeatMeter}. */
export interface SeatMeterProps {
  /** What is counted ("Named users"). */
  readonly label: string;
  readonly used: number;
  /** The saved limit; null is unlimited (no bar, just the count). */
  readonly limit: number | null;
}

/**
 * Seat usage from `organization.usage()` (R9): "28 of 50 in use" and a meter that turns amber near
 * the limit and red at it. Unlimited seats show the count only.
 *
 * @example <SeatMeter label="Named users" used={28} limit={50} />
 */
export function SeatMeter({ label, used, limit }: SeatMeterProps): ReactNode {
  const t = useMessages().organizationSettings.seats;
  const text = t.usage(used, limit);
  if (limit === null) return <span className="sr-seat-usage sr-muted">{text}</span>;
  const ratio = limit === 0 ? 1 : Math.min(1, used / limit);
  const level = ratio >= 1 ? "full" : ratio >= 0.8 ? "high" : "ok";
  return (
    <span className="sr-seat-usage">
      <meter
        className="sr-meter"
        aria-label={t.usageLabel(label)}
        aria-valuetext={text}
        min={0}
        max={Math.max(limit, 1)}
        value={ratio * Math.max(limit, 1)}
        data-level={level}
      />
      <span className="sr-seat-count">{text}</span>
    </span>
  );
}
