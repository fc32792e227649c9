import {
  type BackgroundTasks,
  createDirectory,
  type Directory,
  type DirectoryStore,
  type LinkBuilder,
  type Mailer,
  type RateLimiter,
  ROLE_TEMPLATES,
  type RoleTemplate,
} from "@staffroom/core";
import { type DemoHasher, demoHasher, type SeedMemo } from "./demo-hasher";

/**
 * The role templates of the demo: core's five plus "Clinic Manager", the delegated administrator an
 * urgent-care group gives each clinic. It manages staff (`users.manage`) but can grant only roles
 * whose permissions it holds (R3): Front Desk and Read-only Staff, not Provider or Administrator.
 *
 * @example DEMO_TEMPLATES.map((t) => t.name) // ["Administrator", …, "Clinic Manager"]
 */
export const DEMO_TEMPLATES: readonly RoleTemplate[] = [
  ...ROLE_TEMPLATES,
  {
    key: "clinic_manager",
    name: "Clinic Manager",
    description: "Runs the staff of their own clinics: front desk and read-only staff, schedules, payments.",
    permissions: [
      "users.view",
      "users.manage",
      "calendar.view",
      "calendar.create",
      "calendar.delete",
      "billing.process_payments",
      "clinical.view_charts",
    ],
  },
];

/** What both wirings give {@link createDemoDirectory}; everything else is the same on both sides. */
export interface DemoDirectoryOptions {
  readonly store: DirectoryStore;
  readonly mailer: Mailer;
  /** Where mailed links point (the server: `directoryLinks(url)`; the page: the same shape on its origin). */
  readonly links: LinkBuilder;
  /** Core's common-password check (`@staffroom/core/passwords`); both wirings pass it so they refuse alike. */
  readonly isCommonPassword: (normalizedLowercasePassword: string) => boolean;
  /** The seed's hashing memo, to share between reseeds of one process. Default: a new one. */
  readonly seedMemo?: SeedMemo;
  /**
   * Per-client throttling of sign-in and reset requests. The server passes `postgresRateLimiter`
   * over PostgreSQL or PGlite, so it counts where the data lives. Default: core's in-process one.
   */
  readonly rateLimiter?: RateLimiter;
  /** Where after-answer work runs (reset mail, throttle audit). Default: core's `inProcessTasks()`. */
  readonly background?: BackgroundTasks;
}

/** A directory and the hasher whose seeding memo the seed turns on. */
export interface DemoDirectory {
  readonly directory: Directory;
  readonly passwords: DemoHasher;
}

/**
 * The one place the demo configures core, so the REST server and the in-browser wiring run the same
 * rules: the demo's role templates, its hasher, and core's default policy (7-day invitations,
 * lockout after 10 failures for 15 minutes, 15-minute idle sessions, passwords of 12+ characters,
 * 100 failed sign-ins and 30 reset requests per client address per 15 minutes).
 *
 * @example
 * const { directory, passwords } = createDemoDirectory({ store: memoryStore(), mailer, links, isCommonPassword });
 * await passwords.seeding(() => seedDemo(directory, { mailbox: mailer }));
 */
export function createDemoDirectory(options: DemoDirectoryOptions): DemoDirectory {
  const passwords = options.seedMemo ? demoHasher(undefined, options.seedMemo) : demoHasher();
  const directory = createDirectory({
    store: options.store,
    mailer: options.mailer,
    links: options.links,
    isCommonPassword: options.isCommonPassword,
    passwords,
    templates: DEMO_TEMPLATES,
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.background ? { background: options.background } : {}),
  });
  return { directory, passwords };
}
