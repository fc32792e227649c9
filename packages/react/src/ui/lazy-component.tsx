import { type ComponentType, type JSX, lazy, type ReactNode, Suspense } from "react";

/** A component loaded on first use, that can be loaded ahead of it. See {@link lazyComponent}. */
export type LazyComponent<P extends object> = ((props: P) => ReactNode) & {
  /** Starts loading (once); resolves when the component can render without suspending. */
  readonly preload: () => Promise<unknown>;
};

/**
 * A component whose module is fetched by a dynamic `import()` — a separate chunk in a host's bundle,
 * so what it needs (react-hook-form, the form's schemas, Radix Dialog) is not in the first load of
 * the widget that opens it. Once loaded (`preload()`, or a first render that suspended behind an
 * empty `Suspense`) it renders synchronously, so a dialog opened after the preload shows in the
 * same frame as the click. A failed load is retried by the next render or preload.
 *
 * @example
 * const LazyUserFormDialog = lazyComponent(() => import("./UserFormDialog").then((m) => m.UserFormDialog));
 * useEffect(() => void LazyUserFormDialog.preload().catch(() => {}), []);
 * <LazyUserFormDialog mode="create" open onOpenChange={setOpen} />
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  let Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like React.lazy, called once at a module's top level (lazy-dialogs.ts), never in a render.
  function LazyLoaded(props: P): ReactNode {
    const Loaded = loaded as ComponentType<P & JSX.IntrinsicAttributes> | undefined;
    if (Loaded) return <Loaded {...props} />;
    const Waiting = Lazy as unknown as ComponentType<P & JSX.IntrinsicAttributes>;
    return (
      <Suspense fallback={null}>
        <Waiting {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyLoaded, {
    preload: () =>
      preload().catch((error: unknown) => {
        // React.lazy keeps a rejected load; a fresh one lets the next render try again.
        Lazy = lazy(() => preload().then((component) => ({ default: component })));
        throw error;
      }),
  });
}
