import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { nodeClientAddress, toNodeListener } from "../src/server";

describe("nodeClientAddress: the peer address toNodeListener recorded, for any fetch handler behind it", () => {
  it("gives the socket's address (IPv4-mapped IPv6 unwrapped), never a forwarded header; undefined for other requests", async () => {
    let seen: string | undefined = "unset";
    const server = createServer(
      toNodeListener(async (request) => {
        seen = nodeClientAddress(request);
        return new Response("ok");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/x`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen).toBe("127.0.0.1");
    expect(nodeClientAddress(new Request("http://example.test/"))).toBeUndefined();
  });
});
