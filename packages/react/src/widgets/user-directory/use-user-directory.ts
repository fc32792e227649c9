import type {
  BulkInput,
  BulkResult,
  Location,
  Page,
  Role,
  StatusCounts,
  User,
  UserAction,
  UserStatus,
} from "@staffroom/core";
import { type RefObject, useCallback, useId, useMemo, useRef, useState } from "react";
import { useCan, useUserActions } from "../../hooks/permissions";
import { useLocations, useMe, useRoles, useUserCounts, useUsers } from "../../hooks/reads";
import { useBulkUsers } from "../../hooks/user-mutations";
import { errorMessage, refusalMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import type { QueryResult } from "../../query/use-query";
import { rememberFocus } from "../../ui/focus-return";
import { useAfterPaint } from "../../ui/use-after-paint";
import { useActionWrite } from "./use-action-write";
import {
  type UserDirectoryStateOptions,
  type UserDirectoryViewState,
  useDirectoryState,
} from "./use-directory-state";
import { type ActionOffer, USER_ACTIONS, type UserActionSpec } from "./user-actions";

/**
 * Options of {@link useUserDirectory}: page size (default 50), search debounce (default 250 ms), and
 * each piece of view state controlled or not (default: all uncontrolled, Active tab, first page).
 *
 * @example const options: UserDirectoryOptions = { pageSize: 25, status, onStatusChange: setStatus };
 */
export type UserDirectoryOptions = UserDirectoryStateOptions;

/**
 * The notice above the table after an action: a confirmation, or what failed (a bulk action lists
 * each refused row with core's reason).
 *
 * @example const notice: UserDirectoryNotice = { tone: "success", text: "Jane Smith RN was disabled." };
 */
export interface UserDirectoryNotice {
  readonly tone: "success" | "danger";
  readonly text: string;
  readonly details?: readonly string[];
}

/**
 * A row action waiting in its dialog.
 *
 * @example const pending: PendingUserAction = { spec: USER_ACTIONS.disable, user, trigger: menuButton };
 */
export interface PendingUserAction {
  readonly spec: UserActionSpec;
  readonly user: User;
  /** What had focus when it started (the row's menu button). */
  readonly trigger: Element | null;
}

/**
 * A bulk action waiting for its confirmation.
 *
 * @example const pending: PendingBulkAction = { spec: USER_ACTIONS.delete, input: { action: "delete", items }, people, skipped: [], trigger: button };
 */
export interface PendingBulkAction {
  readonly spec: UserActionSpec;
  /** What runs on confirming: the selected users core allows the action on. */
  readonly input: BulkInput;
  /** The users it goes to, in the table's order. */
  readonly people: readonly User[];
  /** The selected users it skips, each with core's reason (`users.actions`). */
  readonly skipped: readonly { readonly user: User; readonly reason: string }[];
  /** What had focus when it started (the bulk bar's button). */
  readonly trigger: Element | null;
}

/**
 * The dialogs `UserDirectory.Root` renders (read them; the directory opens and closes them).
 *
 * @example directory.dialogs.action?.spec.action // "disable" while its confirmation is open
 */
export interface UserDirectoryDialogs {
  /** "create", "invite" or "inviteMany" (Invite several) while that dialog is open. */
  readonly creating: "create" | "invite" | "inviteMany" | null;
  closeCreate(): void;
  readonly action: PendingUserAction | null;
  /**
   * Closes the row action's dialog; `done` says whether it finished. Focus goes back to the row's
   * menu button, or — when the row has left the tab — to the menu button of the row now in its
   * place (the dialog's own focus return, `rememberFocus`).
   */
  closeAction(done: boolean): void;
  readonly bulk: PendingBulkAction | null;
  closeBulk(): void;
  /** Runs the confirmed bulk action; rejects with core's error for the dialog to show. */
  confirmBulk(input: BulkInput): Promise<void>;
  /** Runs a confirmed row write; rejects with core's error for the dialog to show. */
  confirmAction(pending: PendingUserAction): Promise<void>;
  /** Shows a finished dialog's sentence. */
  done(text: string): void;
}

/**
 * Element ids the parts share (tabs ↔ panel, title ↔ section and table), unique per directory.
 *
 * @example <label htmlFor={directory.ids.search}>Find someone</label>
 */
export interface UserDirectoryIds {
  readonly title: string;
  readonly panel: string;
  readonly table: string;
  readonly search: string;
  readonly location: string;
  readonly role: string;
  tab(status: UserStatus): string;
}

/**
 * Everything the directory's parts read: the view state ({@link UserDirectoryViewState}), what core
 * answered for it, what the actor may do, and the flows the parts start. `useUserDirectory`
 * returns it; inside `UserDirectory.Root`, `useUserDirectoryContext()` gives the same object.
 *
 * @example
 * const directory = useUserDirectoryContext();
 * directory.selectedUsers.length; directory.startAction("edit", user); directory.setStatus("pending");
 */
export interface UserDirectoryApi extends UserDirectoryViewState {
  readonly ids: UserDirectoryIds;
  /** The page shown (`keepPrevious`: the last page stays, marked busy, while the next loads). */
  readonly list: QueryResult<Page<User>>;
  /** The users of the page shown. */
  readonly users: readonly User[];
  /** Counts per tab for the search and filters. */
  readonly counts: StatusCounts | undefined;
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
  readonly roleById: ReadonlyMap<string, Role>;
  readonly locationById: ReadonlyMap<string, Location>;
  /** The actor holds `users.manage` (core's `can`): selection, bulk bar, create and invite. */
  readonly canManage: boolean;
  /** The actions offered on a user, from core's `users.actions(user)`, in core's order. */
  offersOf(user: User): readonly ActionOffer[];
  /** The organization's main contact (from `me()`), badged in the table. */
  readonly mainContactUserId: string | null;
  /** The selected users of the page shown. */
  readonly selectedUsers: readonly User[];
  /** Core's reason per user id for the rows the last bulk action could not change. */
  readonly failures: ReadonlyMap<string, string>;
  /** Clears the selection and the last bulk action's row failures. */
  clearSelection(): void;
  readonly notice: UserDirectoryNotice | null;
  dismissNotice(): void;
  /** Starts a row action: its dialog, its confirmation, or its write at once (from the action table). */
  startAction(action: UserAction, user: User): void;
  /** Starts a bulk action on the given users (confirming first where the action table says). */
  startBulk(input: BulkInput): void;
  /** A bulk action is running. */
  readonly bulkBusy: boolean;
  /** Opens the create or invite dialog. */
  openCreate(kind: "create" | "invite" | "inviteMany"): void;
  readonly dialogs: UserDirectoryDialogs;
  /** The table's panel, where focus goes when the row that had it leaves the tab. */
  readonly panelRef: RefObject<HTMLDivElement | null>;
}

const NO_ROLES: Role[] = [];
const NO_LOCATIONS: Location[] = [];
const NO_USERS: User[] = [];
const NO_FAILURES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map();

/**
 * The user directory without its markup (W12): the view state (tab, search, filters, sort,
 * selection, page — each controlled or not), the page, counts, roles and locations core answers for
 * it, the actions core offers on each user, and the row, bulk, create and invite flows. The parts of
 * `UserDirectory` render it; a host may render its own parts over it with `UserDirectory.Root value={…}`.
 *
 * @example
 * const directory = useUserDirectory({ pageSize: 25, defaultStatus: "pending" });
 * <UserDirectory.Root value={directory}><UserDirectory.Table /></UserDirectory.Root>
 */
export function useUserDirectory(options: UserDirectoryOptions = {}): UserDirectoryApi {
  const m = useMessages();
  const state = useDirectoryState(options);
  const id = useId();
  const list = useUsers(state.listQuery, { keepPrevious: true });
  // The tab counts scan the same users again: they follow once the new page is painted.
  const counts = useUserCounts(useAfterPaint(state.countQuery), { keepPrevious: true });
  const rolesQuery = useRoles();
  const locationsQuery = useLocations();
  const canManage = useCan("users.manage");
  const actionsOf = useUserActions();
  const mainContactUserId = useMe().data?.mainContactUserId ?? null;
  const bulk = useBulkUsers();
  const write = useActionWrite();
  const panelRef = useRef<HTMLDivElement | null>(null);

  const [notice, setNotice] = useState<UserDirectoryNotice | null>(null);
  const [creating, setCreating] = useState<"create" | "invite" | "inviteMany" | null>(null);
  const [action, setAction] = useState<PendingUserAction | null>(null);
  const [pendingBulk, setPendingBulk] = useState<PendingBulkAction | null>(null);
  // Row failures of the last bulk action, for the page they were read on: another tab, search, sort
  // or page drops them.
  const [failed, setFailed] = useState<{ query: object; rows: ReadonlyMap<string, string> } | null>(null);

  const roles = rolesQuery.data ?? NO_ROLES;
  const locations = locationsQuery.data ?? NO_LOCATIONS;
  const roleById = useMemo(() => new Map(roles.map((r) => [r.id, r])), [roles]);
  const locationById = useMemo(() => new Map(locations.map((l) => [l.id, l])), [locations]);
  const users = list.data?.items ?? NO_USERS;
  const selectedUsers = useMemo(() => users.filter((u) => state.selection[u.id]), [users, state.selection]);
  const failures = failed && failed.query === state.listQuery ? failed.rows : NO_FAILURES;
  // Core's verdict on each action that applies to the row: allowed, or refused with its reason.
  // Asked once per row as read (the row's selectability, its menu, the bulk bar all ask, on every
  // render): a new actor, policy or strings make a new cache, a refetched row is a new object.
  const offersOf = useMemo(() => {
    const cache = new WeakMap<User, readonly ActionOffer[]>();
    return (user: User): readonly ActionOffer[] => {
      let offers = cache.get(user);
      if (!offers) {
        offers = actionsOf(user).map(({ action, verdict }) => {
          const refused = refusalMessage(m, verdict);
          return refused === null ? { action } : { action, refused };
        });
        cache.set(user, offers);
      }
      return offers;
    };
  }, [actionsOf, m]);

  const { setSelection } = state;
  const listQuery = state.listQuery;
  const startAction = useCallback(
    (name: UserAction, user: User) => {
      const spec: UserActionSpec = USER_ACTIONS[name];
      // The row menu has just returned focus to its button: that is where a kept row's focus goes
      // back, or, when the row leaves the tab, the button of the row that takes its place.
      const trigger = document.activeElement;
      const back = rememberFocus();
      setNotice(null);
      if (spec.run.kind === "dialog" || spec.run.confirm) {
        setAction({ spec, user, trigger });
        return;
      }
      write
        .mutate({ write: spec.run.write, user })
        .then(
          () => setNotice({ tone: "success", text: spec.done(m, user) }),
          (error: unknown) => setNotice({ tone: "danger", text: errorMessage(m, error) }),
        )
        .finally(() => back.restore());
    },
    [m, write.mutate],
  );

  const showBulk = useCallback(
    (result: BulkResult) => {
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const rows = new Map<string, string>();
      for (const r of result.results) if (!r.ok) rows.set(r.id, errorMessage(m, r.error));
      setFailed({ query: listQuery, rows });
      setSelection(Object.fromEntries([...rows.keys()].map((k) => [k, true])));
      setNotice({
        tone: result.failed === 0 ? "success" : "danger",
        text: m.directory.bulkResult(result.succeeded, result.failed),
        details: [...rows].map(([uid, text]) => `${names.get(uid) ?? uid}: ${text}`),
      });
    },
    [m, users, listQuery, setSelection],
  );

  const runBulk = async (input: BulkInput) => showBulk(await bulk.mutate(input));

  const startBulk = (input: BulkInput) => {
    const spec = Object.values(USER_ACTIONS).find(
      (s) =>
        s.bulk && (s.bulk.kind === "button" ? s.bulk.input === input.action : input.action === "setRole"),
    );
    if (!spec) return;
    setNotice(null);
    // The bulk bar's button: it goes with the bar when nothing failed, and focus then moves to the panel.
    const trigger = document.activeElement;
    const back = rememberFocus();
    if (spec.bulk?.kind === "button" && spec.bulk.confirm) {
      // Who it goes to and who it skips, from core's verdict on each selected row.
      const byId = new Map(users.map((u) => [u.id, u]));
      const people: User[] = [];
      const skipped: { user: User; reason: string }[] = [];
      for (const { id } of input.items) {
        const user = byId.get(id);
        if (!user) continue;
        const offer = offersOf(user).find((o) => o.action === spec.action);
        if (offer && offer.refused === undefined) people.push(user);
        else skipped.push({ user, reason: offer?.refused ?? m.directory.bulkNotOffered });
      }
      const allowed = new Set(people.map((u) => u.id));
      const sent = { ...input, items: input.items.filter((item) => allowed.has(item.id)) } as BulkInput;
      setPendingBulk({ spec, input: sent, people, skipped, trigger });
      return;
    }
    runBulk(input)
      .catch((error: unknown) => setNotice({ tone: "danger", text: errorMessage(m, error) }))
      .finally(() => back.restore());
  };

  const dialogs: UserDirectoryDialogs = {
    creating,
    closeCreate: () => setCreating(null),
    action,
    // The dialogs give focus back themselves (DialogContent: to the opener, or the control now in
    // its place when the row left the tab).
    closeAction: () => setAction(null),
    bulk: pendingBulk,
    closeBulk: () => setPendingBulk(null),
    confirmBulk: (input) => runBulk(input),
    async confirmAction({ spec, user }) {
      if (spec.run.kind !== "write") return;
      await write.mutate({ write: spec.run.write, user });
      setNotice({ tone: "success", text: spec.done(m, user) });
    },
    done: (text) => setNotice({ tone: "success", text }),
  };

  const ids: UserDirectoryIds = useMemo(
    () => ({
      title: `${id}-title`,
      panel: `${id}-panel`,
      table: `${id}-table`,
      search: `${id}-search`,
      location: `${id}-location`,
      role: `${id}-role`,
      tab: (status: UserStatus) => `${id}-tab-${status}`,
    }),
    [id],
  );

  return {
    ...state,
    ids,
    list,
    users,
    counts: counts.data,
    roles,
    locations,
    roleById,
    locationById,
    canManage,
    offersOf,
    mainContactUserId,
    selectedUsers,
    failures,
    clearSelection() {
      state.setSelection({});
      setFailed(null);
    },
    notice,
    dismissNotice: () => setNotice(null),
    startAction,
    startBulk,
    bulkBusy: bulk.isPending,
    openCreate: setCreating,
    dialogs,
    panelRef,
  };
}
