import { describe, expect, it } from "vitest";
import { allowedHosts, loopbackNames, loopbackOrigins } from "./same-origin";

describe("the demo's own names", () => {
  it("are the loopback names that reach the address it listens on, and nothing else", () => {
    expect(loopbackNames("127.0.0.1")).toEqual(["127.0.0.1", "localhost"]);
    expect(loopbackNames("::1")).toEqual(["[::1]", "localhost"]);
    expect(loopbackNames("127.0.0.2")).toEqual(["127.0.0.2"]);
    expect(loopbackNames("0.0.0.0")).toEqual(["127.0.0.1", "localhost"]);
    expect(loopbackNames("::")).toEqual(["127.0.0.1", "localhost", "[::1]"]);
    expect(loopbackNames("192.168.1.5")).toEqual([]);
    expect(loopbackNames("127.0.0.1.evil.example")).toEqual([]);
  });

  it("give the origins with the port it listens on, and the Host values it answers", () => {
    expect(loopbackOrigins("127.0.0.1", 5180)).toEqual(["http://127.0.0.1:5180", "http://localhost:5180"]);
    expect(loopbackOrigins("::1", 5180)).toEqual(["http://[::1]:5180", "http://localhost:5180"]);
    expect([...(allowedHosts("127.0.0.1", 5180) ?? [])]).toEqual(["127.0.0.1:5180", "localhost:5180"]);
    expect([...(allowedHosts("::1", 5180) ?? [])]).toEqual(["[::1]:5180", "localhost:5180"]);
    // Listening on every address (the person exposed the demo): any Host.
    expect(allowedHosts("0.0.0.0", 5180)).toBeNull();
    expect(allowedHosts("::", 5180)).toBeNull();
    expect(allowedHosts("192.168.1.5", 5180)).toBeNull();
  });
});
