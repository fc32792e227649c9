import { describe, expect, it } from "vitest";
import type { Seats } from "./organization.schema";
import { seatLimitsBelowUse } from "./seat-limits.rules";
import type { SeatUsage } from "./seat-usage.schema";

const usage: SeatUsage = {
  named: { used: 46, limit: 60 },
  practitioners: { used: 9, limit: null },
  concurrent: { used: 14, limit: 40 },
  licences: [{ key: "mobile", label: "Mobile app", used: 12, limit: 20 }],
};
const seats: Seats = { named: 60, practitioners: null, concurrent: 40 };
const licenceTypes = [{ key: "mobile", label: "Mobile app", seats: 20 }];

describe("R9 seatLimitsBelowUse: which new limits lie below the seats in use", () => {
  it("names each limit below use with the count, and none at or above it", () => {
    expect(
      seatLimitsBelowUse(usage, {
        seats: { named: 10, practitioners: 9, concurrent: 13 },
        licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 5 }],
      }),
    ).toEqual([
      { kind: "named", limit: 10, used: 46 },
      { kind: "concurrent", limit: 13, used: 14 },
      { kind: "licence", key: "mobile", label: "Mobile app", limit: 5, used: 12 },
    ]);
  });

  it("unlimited (null), absent and new licence types are never below use", () => {
    expect(
      seatLimitsBelowUse(usage, {
        seats: { named: null },
        licenceTypes: [{ key: "telehealth", label: "Telehealth", seats: 0 }],
      }),
    ).toEqual([]);
    expect(seatLimitsBelowUse(usage, {})).toEqual([]);
  });

  it("with the organization as read, only a changed limit is reported", () => {
    const current = { seats: { ...seats, named: 10 }, licenceTypes };
    expect(seatLimitsBelowUse(usage, { seats: { ...seats, named: 10 } }, current)).toEqual([]);
    expect(seatLimitsBelowUse(usage, { seats: { ...seats, named: 9 } }, current)).toEqual([
      { kind: "named", limit: 9, used: 46 },
    ]);
    expect(
      seatLimitsBelowUse(
        usage,
        { licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 11 }] },
        current,
      ),
    ).toEqual([{ kind: "licence", key: "mobile", label: "Mobile app", limit: 11, used: 12 }]);
  });
});
