// A tiny round-robin TCP balancer for the scale-out benchmark: each new client connection goes to
// the next backend in turn and is piped both ways (what an L4 load balancer in front of stateless
// servers does). Keep-alive connections stay on the backend they were given.
import { createConnection, createServer } from "node:net";

/**
 * Starts the balancer on 127.0.0.1 (a free port) in front of `ports`.
 *
 * @example const lb = await roundRobin([5181, 5182]); // lb.port; await lb.close()
 */
export async function roundRobin(ports) {
  let next = 0;
  const sockets = new Set();
  const server = createServer({ noDelay: true }, (client) => {
    const port = ports[next];
    next = (next + 1) % ports.length;
    const upstream = createConnection({ port, host: "127.0.0.1", noDelay: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
