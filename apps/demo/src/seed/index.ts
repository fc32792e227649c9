/**
 * The demo's seed and core configuration, shared by the Node server and the in-browser wiring:
 * pure TypeScript over core's public API.
 *
 * @example
 * import { createDemoDirectory, seedDemo } from "./seed";
 * const demo = createDemoDirectory({ store, mailer, links, isCommonPassword });
 * await seedDemo(demo, { mailbox: mailer, users: 0 });
 */
export { type BulkContext, type BulkUser, bulkUsers } from "./bulk-users";
export {
  DEMO_ACCOUNTS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_SIGN_IN,
  type DemoAccount,
} from "./demo-accounts";
export {
  createDemoDirectory,
  DEMO_TEMPLATES,
  type DemoDirectory,
  type DemoDirectoryOptions,
} from "./demo-directory";
export { type DemoHasher, demoHasher, type SeedMemo, seedMemo } from "./demo-hasher";
export { type OutboxMessage, outboxMessages } from "./outbox";
export { type SeedMailbox, type SeedOptions, type SeedResult, seedDemo } from "./seed-demo";
