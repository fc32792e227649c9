import { lazyComponent } from "../../ui/lazy-component";

// The directory's dialogs, each a chunk of its own in a host's bundle: the form dialogs bring
// react-hook-form, the resolver and the form's schemas, every dialog brings Radix Dialog, and none
// of it is needed to show the first page. `preloadDirectoryDialogs` fetches them once the directory
// is on screen, so a click a moment later opens its dialog in the same frame.

/** `UserFormDialog`, loaded on first use. */
export const LazyUserFormDialog = /* @__PURE__ */ lazyComponent(() =>
  import("../user-form-dialog/UserFormDialog").then((m) => m.UserFormDialog),
);
/** `InviteUserDialog`, loaded on first use. */
export const LazyInviteUserDialog = /* @__PURE__ */ lazyComponent(() =>
  import("../invite-user-dialog/InviteUserDialog").then((m) => m.InviteUserDialog),
);
/** `InviteManyDialog`, loaded on first use. */
export const LazyInviteManyDialog = /* @__PURE__ */ lazyComponent(() =>
  import("../invite-user-dialog/InviteManyDialog").then((m) => m.InviteManyDialog),
);
/** `ResetPasswordDialog`, loaded on first use. */
export const LazyResetPasswordDialog = /* @__PURE__ */ lazyComponent(() =>
  import("../reset-password-dialog/ResetPasswordDialog").then((m) => m.ResetPasswordDialog),
);
/** The row and bulk confirmations (`OpenConfirm`), loaded on first use. */
export const LazyConfirm = /* @__PURE__ */ lazyComponent(() =>
  import("./OpenConfirm").then((m) => m.OpenConfirm),
);

/**
 * Loads every directory dialog; resolves when all are ready (a failed load is retried when the
 * dialog opens).
 *
 * @example useEffect(() => preloadDirectoryDialogs(), []);
 */
export function preloadDirectoryDialogs(): Promise<void> {
  return Promise.all(
    [
      LazyUserFormDialog,
      LazyInviteUserDialog,
      LazyInviteManyDialog,
      LazyResetPasswordDialog,
      LazyConfirm,
    ].map((d) => d.preload()),
  ).then(
    () => undefined,
    () => undefined,
  );
}
