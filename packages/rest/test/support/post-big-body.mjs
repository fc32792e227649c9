// A client process for test/refused-body.test.ts: POSTs one big body `attempts` times one after the
// other, then `attempts` times at once, and prints what it made of each answer as JSON. It runs in its
// own process, as a real client does: in the server's process the two share one event loop, which
// hides the resets a separate client sees.
//
// node post-big-body.mjs <url> <fetch|node:http> <chunked: 0|1> <bytes> <attempts> <headers as JSON>
import { request } from "node:http";

const [url, client, chunkedArg, bytesArg, attemptsArg, headersArg] = process.argv.slice(2);
const chunked = chunkedArg === "1";
const bytes = Number(bytesArg);
const attempts = Number(attemptsArg);
const headers = { ...JSON.parse(headersArg), "content-type": "application/json" };
const head = '{"name":"';
const body = Buffer.from(`${head}${"x".repeat(bytes - head.length - 2)}"}`);
const CHUNK = 64 * 1024;
/** Socket errors after an answer was read in full (there must be none either). */
const late = [];

async function viaFetch() {
  const payload = chunked
    ? new ReadableStream({
        start(controller) {
          for (let at = 0; at < body.byteLength; at += CHUNK) {
            controller.enqueue(new Uint8Array(body.subarray(at, at + CHUNK)));
          }
          controller.close();
        },
      })
    : new Uint8Array(body);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers,
      body: payload,
      ...(chunked ? { duplex: "half" } : {}),
    });
    return { status: res.status, connection: res.headers.get("connection"), body: await res.text() };
  } catch (error) {
    return { error: error.cause?.code ?? error.message };
  }
}

function viaNode() {
  return new Promise((resolve) => {
    let answered = false;
    const req = request(
      url,
      { method: "POST", headers: chunked ? headers : { ...headers, "content-length": body.byteLength } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => {
          answered = true;
          resolve({ status: res.statusCode, connection: res.headers.connection ?? null, body: text });
        });
      },
    );
    const failed = (error) => {
      if (answered) late.push(error.code ?? error.message);
      else {
        answered = true;
        resolve({ error: error.code ?? error.message });
      }
    };
    req.on("error", failed);
    req.on("socket", (socket) => socket.on("error", failed));
    if (!chunked) {
      req.end(body);
      return;
    }
    let at = 0;
    const pump = () => {
      while (at < body.byteLength) {
        const piece = body.subarray(at, at + CHUNK);
        at += piece.byteLength;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

const post = client === "fetch" ? viaFetch : viaNode;
const outcomes = [];
for (let i = 0; i < attempts; i++) outcomes.push(await post());
outcomes.push(...(await Promise.all(Array.from({ length: attempts }, post))));
// Let errors that follow an answer surface before reporting.
await new Promise((resolve) => setTimeout(resolve, 100));
process.stdout.write(JSON.stringify({ outcomes, late }));
