import { describe, expect, it } from "vitest";
import { parseArgs } from "./cli-args";

describe("parseArgs", () => {
  it("defaults to 127.0.0.1:5180 with the plain seed", () => {
    expect(parseArgs([])).toEqual({
      port: 5180,
      host: "127.0.0.1",
      users: 0,
      reset: false,
      memory: false,
      help: false,
      scimToken: null,
    });
  });

  it("reads every flag, in both spellings, and skips pnpm's lone --", () => {
    expect(parseArgs(["--", "--port", "0", "--host=::1", "--users=10000", "--reset", "--memory"])).toEqual({
      port: 0,
      host: "::1",
      users: 10000,
      reset: true,
      memory: true,
      help: false,
      scimToken: null,
    });
    expect(parseArgs(["-h"]).help).toBe(true);
  });

  it("reads --scim-token and refuses a secret too short or with other characters", () => {
    expect(parseArgs(["--scim-token", "demo-scim-token-0123456789ab"]).scimToken).toBe(
      "demo-scim-token-0123456789ab",
    );
    expect(parseArgs(["--scim-token=demo-scim-token-0123456789ab"]).scimToken).toBe(
      "demo-scim-token-0123456789ab",
    );
    expect(() => parseArgs(["--scim-token", "short"])).toThrow(/22 to 256/);
    expect(() => parseArgs(["--scim-token", "has spaces and is long enough ok"])).toThrow(/22 to 256/);
    expect(() => parseArgs(["--scim-token"])).toThrow(/22 to 256/);
  });

  it("refuses what it does not understand instead of starting with other settings", () => {
    expect(() => parseArgs(["--users"])).toThrow(/--users needs a whole number/);
    expect(() => parseArgs(["--users", "-5"])).toThrow(/whole number/);
    expect(() => parseArgs(["--port", "70000"])).toThrow(/at most 65535/);
    expect(() => parseArgs(["--host", "evil host;rm"])).toThrow(/--host needs an address/);
    expect(() => parseArgs(["--usres", "10"])).toThrow(/unknown option --usres/);
  });
});
