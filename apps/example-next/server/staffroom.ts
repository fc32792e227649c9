import { createDirectory, type Directory, type DirectoryStore } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { createRestHandler } from "@staffroom/rest/server";
import { createScimHandler } from "@staffroom/scim";
import { seedExample } from "./seed";

/** The app's public origin: the REST handler's CSRF check and SCIM's `meta.location` use it. */
export const PUBLIC_URL = process.env.PUBLIC_URL ?? "http://localhost:3000";

/**
 * One directory for the whole server process, and Staffroom's two doors over it: the REST API the
 * widgets call and SCIM 2.0 for identity providers. Route handlers re-export these.
 *
 * @example export { rest as GET, rest as POST } from "@/server/staffroom";
 */
function build(store: DirectoryStore): { directory: Directory; rest: Handler; scim: Handler } {
  const directory = createDirectory({ store });
  return {
    directory,
    // Next.js gives no socket address: behind a proxy pass trustProxy (REST) and a clientAddress (SCIM).
    rest: createRestHandler(directory, { basePath: "/api/staffroom", publicBaseUrl: PUBLIC_URL }),
    scim: createScimHandler(directory, { basePath: "/scim/v2", publicBaseUrl: PUBLIC_URL }),
  };
}

type Handler = (request: Request) => Promise<Response>;

// Kept on globalThis so that hot reloads in `next dev` do not start a second, empty directory.
const shared = globalThis as typeof globalThis & {
  __staffroom?: ReturnType<typeof build>;
  __staffroomSeeded?: boolean;
};
shared.__staffroom ??= build(memoryStore()); // postgresStore(...) in production
const staffroom = shared.__staffroom;

/**
 * With STAFFROOM_EXAMPLE_SCIM_TOKEN set (as `pnpm dev` and the HTTP test do), the process seeds a
 * practice and a provisioning token with that secret before its first answer; without it the
 * directory starts empty (bootstrap your own organization).
 */
const seeded: Promise<unknown> = (async () => {
  const secret = process.env.STAFFROOM_EXAMPLE_SCIM_TOKEN;
  if (secret && !shared.__staffroomSeeded) {
    shared.__staffroomSeeded = true;
    await seedExample(staffroom.directory, secret);
  }
})();

export const directory = staffroom.directory;
export const rest: Handler = async (request) => {
  await seeded;
  return staffroom.rest(request);
};
export const scim: Handler = async (request) => {
  await seeded;
  return staffroom.scim(request);
};
