import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { memoryWorld } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createRestHandler, type NodeListenerOptions, toNodeListener } from "../src/server";
import { testActorSeam } from "../src/testing";

// A client that sends a body the server refuses must still read the refusal: the Node adapter answers
// with `Connection: close`, then reads and discards the rest of the body (up to a bound) before it
// closes, so the socket never closes with unread data (which makes the kernel reset the connection
// and throw the answer away). These tests use real sockets and real clients.

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

const run = promisify(execFile);
const FIVE_MB = 5 * 1024 * 1024;
const ATTEMPTS = 12;

async function serve(options: NodeListenerOptions = {}) {
  const backend = await memoryWorld();
  const seam = testActorSeam();
  const handler = createRestHandler(backend.directory, {
    basePath: "/api",
    authenticate: seam.authenticate,
  });
  const server = createServer(toNodeListener(handler, options));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    locations: `http://127.0.0.1:${port}/api/organizations/${backend.organization.id}/locations`,
    token: seam.token(backend.organization.id, backend.owner.id),
    locationCount: async () => (await (await backend.as(backend.owner.id)).locations.list()).length,
  };
}

/** What a client made of one attempt: the answer, or the error it saw instead. */
type Outcome =
  | { readonly status: number; readonly connection: string | null; readonly body: string }
  | { readonly error: string };

const CLIENT = fileURLToPath(new URL("./support/post-big-body.mjs", import.meta.url));

/**
 * Runs the client process (test/support/post-big-body.mjs): `ATTEMPTS` posts of a 5 MB body one
 * after the other, then `ATTEMPTS` at once, with node:http or fetch, with Content-Length or chunked.
 */
async function postFromAnotherProcess(
  url: string,
  client: "node:http" | "fetch",
  chunked: boolean,
  headers: Record<string, string>,
): Promise<{ outcomes: Outcome[]; late: string[] }> {
  const { stdout } = await run(process.execPath, [
    CLIENT,
    url,
    client,
    chunked ? "1" : "0",
    String(FIVE_MB),
    String(ATTEMPTS),
    JSON.stringify(headers),
  ]);
  return JSON.parse(stdout) as { outcomes: Outcome[]; late: string[] };
}

/** A JSON body of `bytes` bytes, valid JSON so nothing but its size can be refused. */
function bigJson(bytes: number): Buffer {
  const head = '{"name":"';
  return Buffer.from(`${head}${"x".repeat(bytes - head.length - 2)}"}`);
}

/** Every attempt's status, or the error a client saw instead of an answer. */
function summary(outcomes: readonly Outcome[]): string[] {
  return outcomes.map((o) => ("error" in o ? `error: ${o.error}` : String(o.status)));
}

describe("a refused body over a real socket", () => {
  const cases: ["node:http" | "fetch", boolean][] = [
    ["node:http", false],
    ["node:http", true],
    ["fetch", false],
    ["fetch", true],
  ];

  it.each(cases)(
    "a 5 MB body gets the 413 problem every time (%s, chunked: %s), 12 in a row and 12 at once",
    async (client, chunked) => {
      const s = await serve();
      const { outcomes, late } = await postFromAnotherProcess(s.locations, client, chunked, {
        authorization: `Bearer ${s.token}`,
      });
      expect(summary(outcomes)).toEqual(Array.from({ length: 2 * ATTEMPTS }, () => "413"));
      for (const o of outcomes) {
        if ("error" in o) continue;
        expect(o.connection).toBe("close");
        expect(JSON.parse(o.body)).toMatchObject({
          type: "https://staffroom.dev/problems/payload_too_large",
          status: 413,
          code: "validation",
        });
      }
      expect(late).toEqual([]);
      expect(await s.locationCount()).toBe(1);
    },
  );

  it.each(cases)(
    "a 5 MB body refused before it is read (401, no session) gets its answer every time (%s, chunked: %s)",
    async (client, chunked) => {
      const s = await serve();
      const { outcomes, late } = await postFromAnotherProcess(s.locations, client, chunked, {});
      expect(summary(outcomes)).toEqual(Array.from({ length: 2 * ATTEMPTS }, () => "401"));
      for (const o of outcomes) {
        if (!("error" in o)) expect(o.connection).toBe("close");
      }
      expect(late).toEqual([]);
    },
  );

  it("reads the rest of a refused 5 MB body and then closes cleanly: every write lands, the connection ends without a reset", async () => {
    const s = await serve();
    const path = new URL(s.locations).pathname;
    const body = bigJson(FIVE_MB);
    const outcome = await new Promise<{ text: string; written: boolean; error: string | null }>((resolve) => {
      let text = "";
      let written = false;
      let error: string | null = null;
      const socket = connect(s.port, "127.0.0.1", () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.byteLength}\r\n\r\n`,
        );
        socket.end(body, () => {
          written = true;
        });
      });
      socket.on("data", (d) => {
        text += d.toString();
      });
      socket.on("error", (e: NodeJS.ErrnoException) => {
        error = e.code ?? e.message;
      });
      socket.on("close", () => resolve({ text, written, error }));
    });
    expect(outcome.error).toBeNull();
    expect(outcome.written).toBe(true);
    expect(outcome.text).toMatch(/^HTTP\/1\.1 413/);
    expect(outcome.text.toLowerCase()).toContain("connection: close");
    expect(outcome.text).toContain("payload_too_large");
  });

  it("keeps the connection open after a refusal whose body had fully arrived (a small 415)", async () => {
    const s = await serve();
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(s.port, "127.0.0.1", () => {
        const path = new URL(s.locations).pathname;
        const request = (body: string, type: string) =>
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
        // Two requests on one connection: the first refused (415), the second answered.
        socket.write(request('{"name":"A"}', "text/plain"));
        setTimeout(() => socket.write(request('{"name":"Second Clinic"}', "application/json")), 50);
      });
      let text = "";
      socket.on("data", (d) => {
        text += d.toString();
        if (text.includes("Second Clinic")) {
          socket.end();
          resolve(text);
        }
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(text));
    });
    expect(answers).toMatch(/^HTTP\/1\.1 415/);
    expect(answers).toContain("HTTP/1.1 201");
  });

  it("reads an endless body only up to drainBytes, after the 413 went out, then closes the connection", async () => {
    const s = await serve({ drainBytes: 256 * 1024 });
    const path = new URL(s.locations).pathname;
    const started = Date.now();
    const seen = await new Promise<{ text: string; sent: number }>((resolve) => {
      let text = "";
      let sent = 0;
      let open = true;
      const socket = connect(s.port, "127.0.0.1", () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        const chunk = `10000\r\n${"x".repeat(0x10000)}\r\n`;
        const pump = (): void => {
          while (open && sent < 64 * 1024 * 1024) {
            sent += 0x10000;
            if (!socket.write(chunk)) {
              socket.once("drain", pump);
              return;
            }
          }
        };
        pump();
      });
      socket.on("data", (d) => {
        text += d.toString();
      });
      const done = (): void => {
        open = false;
        resolve({ text, sent });
      };
      socket.on("close", done);
      socket.on("error", done);
    });
    expect(seen.text).toMatch(/^HTTP\/1\.1 413/);
    expect(seen.text).toContain("payload_too_large");
    // The server stopped long before the client's 64 MiB (it had the 100 KiB limit and 256 KiB to drain).
    expect(seen.sent).toBeLessThan(32 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
