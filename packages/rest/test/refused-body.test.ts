import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
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

/** What a client made of one attempt. */
interface Outcome {
  readonly status: number;
  readonly connection: string | null;
  readonly body: string;
}

/** A JSON body of `bytes` bytes, valid JSON so nothing but its size can be refused. */
function bigJson(bytes: number): Buffer {
  const head = '{"name":"';
  const tail = '"}';
  return Buffer.from(head + "x".repeat(bytes - head.length - tail.length) + tail);
}

/**
 * POSTs with node:http: with Content-Length, or chunked (no length, 64 KiB writes). Errors the
 * socket reports after the answer was read are collected in `late` (there must be none either).
 */
function nodePost(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  chunked: boolean,
  late: Error[],
) {
  return new Promise<Outcome>((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          ...(chunked ? {} : { "content-length": String(body.byteLength) }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          text += d;
        });
        res.on("end", () => {
          answered = true;
          resolve({
            status: res.statusCode ?? 0,
            connection: (res.headers.connection as string | undefined) ?? null,
            body: text,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", (error) => {
      if (answered) late.push(error);
      else reject(error);
    });
    // A reset after the answer reaches the socket, not the request: collect it there too.
    req.on("socket", (socket) => {
      socket.on("error", (error) => {
        if (answered) late.push(error);
      });
    });
    if (!chunked) {
      req.end(body);
      return;
    }
    let at = 0;
    const pump = (): void => {
      while (at < body.byteLength) {
        const chunk = body.subarray(at, at + 64 * 1024);
        at += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** POSTs with fetch (undici): a Buffer (Content-Length), or a ReadableStream (chunked). */
async function fetchPost(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  chunked: boolean,
): Promise<Outcome> {
  const payload = chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < body.byteLength; at += 64 * 1024) {
            controller.enqueue(new Uint8Array(body.subarray(at, at + 64 * 1024)));
          }
          controller.close();
        },
      })
    : new Uint8Array(body);
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: payload,
  };
  if (chunked) init.duplex = "half";
  const res = await fetch(url, init);
  return { status: res.status, connection: res.headers.get("connection"), body: await res.text() };
}

type Client = "node:http" | "fetch";

function post(
  client: Client,
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  chunked: boolean,
  late: Error[],
) {
  return client === "fetch"
    ? fetchPost(url, headers, body, chunked)
    : nodePost(url, headers, body, chunked, late);
}

/** Runs `attempts` posts one after the other, then as many at once; settles every one. */
async function attempts(run: () => Promise<Outcome>): Promise<PromiseSettledResult<Outcome>[]> {
  const results: PromiseSettledResult<Outcome>[] = [];
  for (let i = 0; i < ATTEMPTS; i++) results.push(...(await Promise.allSettled([run()])));
  results.push(...(await Promise.allSettled(Array.from({ length: ATTEMPTS }, run))));
  return results;
}

/** Every attempt's status, or the error a client saw instead of an answer. */
function summary(results: PromiseSettledResult<Outcome>[]): string[] {
  return results.map((r) =>
    r.status === "fulfilled" ? String(r.value.status) : `error: ${(r.reason as Error).message}`,
  );
}

describe("a refused body over a real socket", () => {
  const cases: [Client, boolean][] = [
    ["node:http", false],
    ["node:http", true],
    ["fetch", false],
    ["fetch", true],
  ];

  it.each(cases)(
    "a 5 MB body gets the 413 problem every time (%s, chunked: %s), 12 in a row and 12 at once",
    async (client, chunked) => {
      const s = await serve();
      const late: Error[] = [];
      const body = bigJson(FIVE_MB);
      const headers = { authorization: `Bearer ${s.token}` };
      const results = await attempts(() => post(client, s.locations, headers, body, chunked, late));
      expect(summary(results)).toEqual(Array.from({ length: 2 * ATTEMPTS }, () => "413"));
      for (const r of results) {
        if (r.status !== "fulfilled") continue;
        expect(r.value.connection).toBe("close");
        expect(JSON.parse(r.value.body)).toMatchObject({
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
      const late: Error[] = [];
      const body = bigJson(FIVE_MB);
      const results = await attempts(() => post(client, s.locations, {}, body, chunked, late));
      expect(summary(results)).toEqual(Array.from({ length: 2 * ATTEMPTS }, () => "401"));
      for (const r of results) {
        if (r.status === "fulfilled") expect(r.value.connection).toBe("close");
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
