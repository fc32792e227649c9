import * as z from "zod/mini";

// Wire-only (core builds it, never parses it): kept apart from the schemas the service parses with.

const usage = z.strictObject({ used: z.int(), limit: z.nullable(z.int()) });

/**
 * `organization.usage`: seats used per kind (W11, R9); `limit: null` means unlimited. `concurrent`
 * counts live sessions (within idle and absolute limits) against the concurrent seats.
 *
 * @example SeatUsageSchema.parse(await admin.organization.usage()).named.used
 */
export const SeatUsageSchema = z.strictObject({
  named: usage,
  practitioners: usage,
  concurrent: usage,
  licences: z.array(
    z.strictObject({ key: z.string(), label: z.string(), used: z.int(), limit: z.nullable(z.int()) }),
  ),
});
/**
 * Seat usage per kind.
 *
 * @example { named: { used: 52, limit: 60 }, practitioners: { used: 9, limit: null }, concurrent: { used: 14, limit: 40 }, licences: [] }
 */
export type SeatUsage = z.infer<typeof SeatUsageSchema>;
