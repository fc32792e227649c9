import { describe, expect, it } from "vitest";
import { clientKey } from "./client-key";

describe("clientKey: one key per client, whatever way its address is written", () => {
  it("IPv4 is itself; IPv4-mapped IPv6 is the same client", () => {
    expect(clientKey("203.0.113.4")).toBe("203.0.113.4");
    expect(clientKey(" 203.0.113.4 ")).toBe("203.0.113.4");
    expect(clientKey("::ffff:203.0.113.4")).toBe("203.0.113.4");
    expect(clientKey("::FFFF:cb00:7104")).toBe("203.0.113.4");
  });

  it("IPv6 addresses of one /64 are one client; another /64 is another", () => {
    const a = clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002::1")).toBe(a);
    expect(clientKey("[2001:db8:1:2::ffff]")).toBe(a);
    expect(clientKey("2001:db8:1:2::1%eth0")).toBe(a);
    expect(clientKey("2001:DB8:1:2:0:0:0:9")).toBe(a);
    expect(clientKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("::")).toBe("0:0:0:0::/64");
    expect(clientKey("1:2:3:4:5:6:1.2.3.4")).toBe("1:2:3:4::/64");
  });

  it("text that is no address is a key of its own; no address is no key", () => {
    expect(clientKey("1::2::3")).toBe("1::2::3");
    expect(clientKey("1:2:3:4:5:6:7:8:9")).toBe("1:2:3:4:5:6:7:8:9");
    expect(clientKey("256.1.1.1")).toBe("256.1.1.1");
    expect(clientKey("Proxy-Client")).toBe("proxy-client");
    expect(clientKey(undefined)).toBeNull();
    expect(clientKey("  ")).toBeNull();
  });
});
