import type { Seats } from "./organization.schema";
import type { SeatUsage } from "./seat-usage.schema";

/**
 * A seat limit set below the seats already in use (R9): what kind, which licence, the limit and how
 * many are in use. What follows is R9 as core enforces it (`checkSeats`, sign-in): nobody loses a
 * seat, a licence or a session; until use falls below the limit, a new holder is refused —
 * `named`: creating, inviting and restoring users; `practitioners`: a new practitioner;
 * `licence`: giving the licence to someone new; `concurrent`: a new sign-in.
 *
 * @example { kind: "named", limit: 10, used: 46 }
 * @example { kind: "licence", key: "mobile", label: "Mobile app", limit: 5, used: 12 }
 */
export type SeatLimitBelowUse =
  | { readonly kind: "named" | "practitioners" | "concurrent"; readonly limit: number; readonly used: number }
  | {
      readonly kind: "licence";
      readonly key: string;
      readonly label: string;
      readonly limit: number;
      readonly used: number;
    };

/**
 * The limits a settings form is about to save (absent: unchanged); an `OrganizationPatch` is one.
 *
 * @example { seats: { named: 10 }, licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 5 }] }
 */
export interface ProposedSeatLimits {
  readonly seats?: { readonly [K in keyof Seats]?: number | null | undefined } | undefined;
  readonly licenceTypes?:
    | readonly { readonly key: string; readonly label: string; readonly seats: number | null }[]
    | undefined;
}

const below = (limit: number | null | undefined, used: number): limit is number =>
  typeof limit === "number" && limit < used;

/**
 * R9: the limits in `proposed` that lie below what `usage` (`organization.usage()`) counts now —
 * the fact a settings screen warns about and asks to confirm before saving. Empty when every limit
 * holds everyone already counted (a limit equal to use is full, not below). A licence type counts
 * only when it already exists (a new one has no holders). With `current` (the organization as
 * read), a limit left as it was is not reported again: only a change is confirmed.
 *
 * @example seatLimitsBelowUse(usage, { seats: { named: 10 } }) // [{ kind: "named", limit: 10, used: 46 }]
 * @example seatLimitsBelowUse(usage, patch, organization) // [] when the patch lowers nothing below use
 */
export function seatLimitsBelowUse(
  usage: SeatUsage,
  proposed: ProposedSeatLimits,
  current?: { readonly seats: Seats; readonly licenceTypes: ProposedSeatLimits["licenceTypes"] },
): SeatLimitBelowUse[] {
  const out: SeatLimitBelowUse[] = [];
  for (const kind of ["named", "practitioners", "concurrent"] as const) {
    const limit = proposed.seats?.[kind];
    const used = usage[kind].used;
    if (current && current.seats[kind] === limit) continue;
    if (below(limit, used)) out.push({ kind, limit, used });
  }
  for (const type of proposed.licenceTypes ?? []) {
    const used = usage.licences.find((l) => l.key === type.key)?.used ?? 0;
    if (current?.licenceTypes?.some((l) => l.key === type.key && l.seats === type.seats)) continue;
    if (below(type.seats, used)) {
      out.push({ kind: "licence", key: type.key, label: type.label, limit: type.seats, used });
    }
  }
  return out;
}
