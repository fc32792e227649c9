import { describe, it } from "vitest";
import { DATABASE_URL, memoryBackend, pgliteBackend, postgresBackend, type TestStore } from "./databases";

/** A backend the suites run on: label and a factory of fresh stores. */
export interface Backend {
  readonly label: string;
  open(): Promise<TestStore>;
}

/**
 * Memory and PGlite always; real PostgreSQL when DATABASE_URL is set (else a skipped block whose
 * title says the real-server run was NOT done, so a green run without it is not mistaken for one).
 *
 * @example describe.each(backends("Okta SPEC"))("$label", ({ open }) => { … });
 */
export function backends(what: string): Backend[] {
  const list: Backend[] = [
    { label: "memory", open: memoryBackend },
    { label: "PGlite", open: pgliteBackend },
  ];
  const url = DATABASE_URL;
  if (url) list.push({ label: "PostgreSQL", open: () => postgresBackend(url) });
  else
    describe(`real PostgreSQL: not run — set DATABASE_URL (${what})`, () => {
      it.skip(`${what} against a real PostgreSQL server`, () => {});
    });
  return list;
}
