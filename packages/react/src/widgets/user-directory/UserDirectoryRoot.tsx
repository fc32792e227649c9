import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useMessages } from "../../provider/context";
import { ScreenGate } from "../no-access/NoAccess";
import { DirectoryDialogs } from "./DirectoryDialogs";
import { DirectoryContext, type DirectoryContextValue, type LabellingPart } from "./directory-context";
import { type UserDirectoryApi, type UserDirectoryOptions, useUserDirectory } from "./use-user-directory";

interface RootBase {
  /** Extra class of the card (`sr-card`). Default none. */
  readonly className?: string;
  /** The parts, in any order and with any markup around them. */
  readonly children?: ReactNode;
  /**
   * Said instead of the directory when core does not let the actor read users (the parts are not
   * rendered then). Default `messages.access.noAccess(…)`.
   */
  readonly noAccessMessage?: ReactNode;
}

/**
 * Props of {@link UserDirectoryRoot}: either the options of `useUserDirectory` (Root holds the
 * state; each piece may still be controlled), or `value`, a `useUserDirectory()` the host holds.
 *
 * @example const props: UserDirectoryRootProps = { pageSize: 25, defaultStatus: "pending", children };
 */
export type UserDirectoryRootProps = RootBase &
  ((UserDirectoryOptions & { readonly value?: undefined }) | { readonly value: UserDirectoryApi });

/**
 * The directory's root: holds (or receives) the directory, provides it to the parts inside, and
 * renders the card and the dialogs the parts open. Every other part must sit inside it. When core
 * does not let the actor read users, it renders the no-access state instead of the parts.
 *
 * @example
 * <UserDirectory.Root pageSize={25} defaultStatus="pending" onSelectionChange={setSelected}>
 *   <UserDirectory.Header />
 *   <UserDirectory.Table />
 * </UserDirectory.Root>
 * @example
 * const directory = useUserDirectory();
 * <UserDirectory.Root value={directory}>…</UserDirectory.Root>
 */
export function UserDirectoryRoot(props: UserDirectoryRootProps): ReactNode {
  return (
    <ScreenGate
      screen="users"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      {props.value ? (
        <RootFrame api={props.value} className={props.className}>
          {props.children}
        </RootFrame>
      ) : (
        <OwnRoot {...props} />
      )}
    </ScreenGate>
  );
}

function OwnRoot({
  className,
  children,
  value: _value,
  noAccessMessage: _noAccess,
  ...options
}: UserDirectoryRootProps & { value?: undefined }) {
  const api = useUserDirectory(options);
  return (
    <RootFrame api={api} className={className}>
      {children}
    </RootFrame>
  );
}

function RootFrame({
  api,
  className,
  children,
}: {
  readonly api: UserDirectoryApi;
  readonly className: string | undefined;
  readonly children?: ReactNode;
}): ReactNode {
  const m = useMessages();
  const [mounted, setMounted] = useState<Readonly<Record<LabellingPart, boolean>>>({
    header: false,
    tabs: false,
  });
  const mount = useCallback((part: LabellingPart) => {
    setMounted((current) => (current[part] ? current : { ...current, [part]: true }));
    return () => setMounted((current) => ({ ...current, [part]: false }));
  }, []);
  const value: DirectoryContextValue = useMemo(() => ({ api, mounted, mount }), [api, mounted, mount]);
  return (
    <DirectoryContext.Provider value={value}>
      <section
        className={className ? `sr-card ${className}` : "sr-card"}
        // A control of the card that has gone (the bulk bar after its action) hands focus to the panel.
        data-sr-focus-home=""
        {...(mounted.header ? { "aria-labelledby": api.ids.title } : { "aria-label": m.directory.title })}
      >
        {children}
      </section>
      <DirectoryDialogs dialogs={api.dialogs} />
    </DirectoryContext.Provider>
  );
}
