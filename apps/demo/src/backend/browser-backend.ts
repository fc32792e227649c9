import { type DirectoryAuth, memoryMailer, type RequestMetadata, toPlainText } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { directoryLinks } from "@staffroom/rest/server";
import { createDemoDirectory, outboxMessages, seedDemo } from "../seed";
import type { DemoBackend, SeedProgress } from "./backend";
import { sessionDirectory } from "./session-directory";

/**
 * What the in-browser wiring records as a call's origin (the REST handler records the socket's),
 * cleaned as the REST handler cleans headers: core refuses metadata with control characters.
 */
function metadata(): RequestMetadata {
  return { userAgent: toPlainText(navigator.userAgent.slice(0, 512)), requestId: crypto.randomUUID() };
}

/** `directory.auth` with the page's metadata on the calls that audit, as the REST handler adds the request's. */
function withMetadata(auth: DirectoryAuth): DirectoryAuth {
  return {
    ...auth,
    signIn: (input) => auth.signIn({ ...input, metadata: metadata() }),
    authorize: (token) => auth.authorize(token, metadata()),
    switchOrganization: (input) => auth.switchOrganization({ ...input, metadata: metadata() }),
    requestPasswordReset: (input) => auth.requestPasswordReset({ ...input, metadata: metadata() }),
    completePasswordReset: (input) => auth.completePasswordReset({ ...input, metadata: metadata() }),
    acceptInvitation: (input) => auth.acceptInvitation({ ...input, metadata: metadata() }),
  };
}

/** How many extra users the server seeded (`GET /demo/config`), so both wirings show the same directory. */
async function configuredUsers(): Promise<number> {
  try {
    const response = await fetch("/demo/config", { headers: { accept: "application/json" } });
    if (!response.ok) return 0;
    const body = (await response.json()) as { users?: unknown };
    return typeof body.users === "number" && Number.isInteger(body.users) && body.users >= 0 ? body.users : 0;
  } catch {
    // Served by something else than the demo server (a static host): seed the default.
    return 0;
  }
}

/**
 * The in-browser wiring: core, a memory store and an in-memory outbox running in this page, seeded
 * by the same module as the server, with the same user count and the same rules (the common-password
 * list too, loaded only here). The state lives as long as the page: a reload starts from the seed.
 *
 * @example const backend = await browserBackend((done, total) => console.log(done, total));
 */
export async function browserBackend(onProgress: SeedProgress): Promise<DemoBackend> {
  const [users, { isCommonPassword }] = await Promise.all([
    configuredUsers(),
    import("@staffroom/core/passwords"),
  ]);
  const mailer = memoryMailer();
  const demo = createDemoDirectory({
    store: memoryStore(),
    mailer,
    // The same links as the server's, on this page's origin.
    links: directoryLinks(window.location.origin),
    isCommonPassword,
  });
  const started = performance.now();
  const seeded = await seedDemo(demo, { mailbox: mailer, users, onProgress });
  // The figure the README quotes; a console line, so anyone can check it on their machine.
  console.info(
    `[demo] in-browser directory seeded: ${seeded.users} users in ${Math.round(performance.now() - started)} ms`,
  );
  const { directory } = demo;
  const auth = withMetadata(directory.auth);
  return {
    wiring: "browser",
    auth,
    resume: async () => null,
    async open(token, onProblem) {
      const base = directory.forActor(await auth.authorize(token));
      const guarded = sessionDirectory(
        base,
        async () => directory.forActor(await auth.authorize(token)),
        onProblem,
      );
      await guarded.me();
      return guarded;
    },
    outbox: async () => outboxMessages(mailer.outbox),
  };
}
