import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { memoryWorld } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createRestHandler, toNodeListener } from "../src/server";
import { testActorSeam } from "../src/testing";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
});

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup() {
  const backend = await memoryWorld();
  const seam = testActorSeam();
  const handler = createRestHandler(backend.directory, {
    basePath: "/api/staffroom",
    authenticate: seam.authenticate,
  });
  return { backend, handler, token: seam.token(backend.organization.id, backend.owner.id) };
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (d: string) => {
      text += d;
    });
    req.on("end", () => resolve(text));
  });
}

describe("toNodeListener", () => {
  it("works behind Express-style mounting (originalUrl) and body parsers that already read the stream", async () => {
    const { backend, handler, token } = await setup();
    const listener = toNodeListener(handler);
    const url = await listen(
      createServer(async (req, res) => {
        // What app.use("/api/staffroom", express.json(), listener) leaves behind.
        const originalUrl = req.url ?? "/";
        const text = await readAll(req);
        Object.assign(req, {
          originalUrl,
          url: originalUrl.replace("/api/staffroom", "") || "/",
          ...(text ? { body: JSON.parse(text) as unknown } : {}),
        });
        listener(req, res);
      }),
    );
    const res = await fetch(`${url}/api/staffroom/organizations/${backend.organization.id}/locations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Express Clinic" }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe("Express Clinic");
  });

  it("answers a malformed Host with a 400 problem instead of crashing", async () => {
    const { handler } = await setup();
    const url = new URL(await listen(createServer(toNodeListener(handler))));
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write("GET /api/staffroom/openapi.json HTTP/1.1\r\nHost: [bad\r\nConnection: close\r\n\r\n");
      });
      let text = "";
      socket.on("data", (d) => {
        text += d.toString();
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain("application/problem+json");
  });

  it("passes Set-Cookie headers through one by one", async () => {
    const { backend, handler } = await setup();
    const url = await listen(createServer(toNodeListener(handler)));
    const res = await fetch(`${url}/api/staffroom/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: backend.owner.email, password: "correct-horse-battery-staple-42" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toHaveLength(1);
  });
});
