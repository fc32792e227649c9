import { describe, expect, it } from "vitest";
import { describeClient, describeNetwork } from "./client-summary";

describe("where a session came from, as the Sessions list shows it", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
      { browser: "Edge", system: "Windows" },
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      { browser: "Safari", system: "macOS" },
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      { browser: "Firefox", system: "Linux" },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      { browser: "Chrome", system: "Android" },
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1",
      { browser: "Chrome", system: "iOS" },
    ],
    [
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 OPR/110.0",
      { browser: "Opera", system: "ChromeOS" },
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
      { browser: "Chrome", system: "Linux" },
    ],
    ["curl/8.5.0", { browser: null, system: null }],
  ])("%s → %o", (userAgent, expected) => {
    expect(describeClient(userAgent)).toEqual(expected);
  });

  it("no user agent, no client", () => {
    expect(describeClient(undefined)).toBeNull();
    expect(describeClient("")).toBeNull();
  });

  it.each([
    ["203.0.113.42", "203.0.113.0/24"],
    ["::ffff:198.51.100.7", "198.51.100.0/24"],
    ["2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::/48"],
    ["2001:0db8:0001:0002:0003:0004:0005:0006", "2001:db8:1::/48"],
    ["fe80::1%eth0", "fe80:0:0::/48"],
    ["::1", "0:0:0::/48"],
  ])("the address %s is shown as its network %s, never itself", (ip, network) => {
    expect(describeNetwork(ip)).toBe(network);
  });

  it.each([
    undefined,
    "",
    "unknown",
    "256.1.1.1",
    "1.2.3",
    "2001:db8::1::2",
    "2001:db8:1:2:3:4:5:6:7",
    "gggg::1",
  ])("%s is no address: no network", (ip) => {
    expect(describeNetwork(ip)).toBeNull();
  });
});
