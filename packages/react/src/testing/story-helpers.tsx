import type { StaffDirectory } from "@staffroom/core";
import type { ReactNode } from "react";
import { StaffroomProvider, type StaffroomProviderProps } from "../provider/StaffroomProvider";

/**
 * The real directory with every call delayed by `ms` (Infinity: never answers), to show loading
 * states against the real core.
 *
 * @example withLatency(seeded.owner, 400)
 */
export function withLatency(directory: StaffDirectory, ms: number): StaffDirectory {
  const delay = <T,>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (ms === Number.POSITIVE_INFINITY) return;
      setTimeout(() => work().then(resolve, reject), ms);
    });
  const wrap = <G extends object>(group: G): G =>
    new Proxy(group, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== "function" || key === "actions") return value;
        return (...args: unknown[]) =>
          delay(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  return {
    ...directory,
    can: (p, t) => directory.can(p, t),
    me: () => delay(() => directory.me()),
    users: wrap(directory.users),
    roles: wrap(directory.roles),
    locations: wrap(directory.locations),
    organization: wrap(directory.organization),
    audit: wrap(directory.audit),
    sessions: wrap(directory.sessions),
    credentials: wrap(directory.credentials),
  };
}

/**
 * A story frame: the provider over a directory, on a page-like background.
 *
 * @example <StoryFrame directory={seeded.owner}><UserDirectory /></StoryFrame>
 */
export function StoryFrame({
  directory,
  children,
  ...props
}: Omit<StaffroomProviderProps, "children" | "directory"> & {
  readonly directory: StaffDirectory;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <StaffroomProvider directory={directory} {...props}>
      <main style={{ padding: 24, minHeight: "100vh" }}>{children}</main>
    </StaffroomProvider>
  );
}
