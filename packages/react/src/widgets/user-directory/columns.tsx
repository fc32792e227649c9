import type { Location, Role, User, UserAction, UserStatus } from "@staffroom/core";
import {
  type ColumnDef,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { Messages } from "../../messages/messages";
import { formatDate } from "../../ui/format";
import { Menu } from "../../ui/Menu";
import { InvitationExpiresCell, InvitationSentCell, ResendCell } from "./InvitationCells";
import { LocationsCell, PersonCell } from "./UserCells";
import { type ActionOffer, USER_ACTIONS } from "./user-actions";

/** The table's features: server-side sorting and row selection. */
export const directoryFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });

const helper = createColumnHelper<typeof directoryFeatures, User>();

/** What the columns need besides the row. */
export interface ColumnContext {
  readonly messages: Messages;
  readonly locale: string;
  readonly roles: ReadonlyMap<string, Role>;
  readonly locations: ReadonlyMap<string, Location>;
  /** The actions offered on a user (core's `users.actions`), allowed or refused with a reason. */
  readonly offersOf: (user: User) => readonly ActionOffer[];
  readonly onAction: (action: UserAction, user: User) => void;
  readonly failures: ReadonlyMap<string, string>;
  readonly selectable: boolean;
  /** The organization's main contact (from `me()`), badged in the name cell. */
  readonly mainContactUserId: string | null;
  /** The tab shown: Pending shows the invitation's facts instead of the last sign-in. */
  readonly status: UserStatus;
}

/**
 * The directory's columns. The row menu lists the actions core offers (`directory.users.actions(user)`),
 * each drawn from the action table (label, tone); a refused one shows disabled with its reason.
 *
 * @example const columns = directoryColumns({ messages, locale, roles, locations, offersOf, onAction, failures, selectable: true, mainContactUserId: null });
 */
export function directoryColumns(ctx: ColumnContext): ColumnDef<typeof directoryFeatures, User>[] {
  const m = ctx.messages.directory;
  const select = helper.display({
    id: "select",
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={m.selectAll}
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={m.selectRow(row.original.displayName)}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
  const columns = [
    helper.accessor("displayName", {
      id: "name",
      header: m.columns.name,
      enableSorting: true,
      cell: ({ row }) => (
        <PersonCell
          user={row.original}
          failure={ctx.failures.get(row.original.id)}
          mainContact={row.original.id === ctx.mainContactUserId}
        />
      ),
    }),
    helper.accessor("email", { id: "email", header: m.columns.email, enableSorting: true }),
    helper.accessor("roleId", {
      id: "role",
      header: m.columns.role,
      enableSorting: false,
      cell: ({ getValue }) => ctx.roles.get(getValue())?.name ?? "—",
    }),
    helper.display({
      id: "locations",
      header: m.columns.locations,
      cell: ({ row }) => <LocationsCell user={row.original} locations={ctx.locations} />,
    }),
    ...(ctx.status === "pending"
      ? [
          helper.accessor("invitedAt", {
            id: "invitedAt",
            header: m.columns.invitedAt,
            enableSorting: false,
            cell: ({ getValue }) => formatDate(getValue(), ctx.locale, ctx.messages.common.never),
          }),
          helper.display({
            id: "expires",
            header: m.columns.expires,
            cell: ({ row }) => <InvitationExpiresCell user={row.original} locale={ctx.locale} />,
          }),
          helper.display({
            id: "sent",
            header: m.columns.timesSent,
            cell: ({ row }) => <InvitationSentCell user={row.original} />,
          }),
          helper.display({
            id: "resend",
            header: () => <span className="sr-visually-hidden">{m.columns.resend}</span>,
            cell: ({ row }) => (
              <ResendCell
                user={row.original}
                offer={ctx.offersOf(row.original).find((o) => o.action === "resendInvitation")}
                onResend={() => ctx.onAction("resendInvitation", row.original)}
              />
            ),
          }),
        ]
      : [
          helper.accessor("lastSignInAt", {
            id: "lastSignInAt",
            header: m.columns.lastSignIn,
            enableSorting: true,
            cell: ({ getValue }) => formatDate(getValue(), ctx.locale, ctx.messages.common.never),
          }),
        ]),
    helper.accessor("createdAt", {
      id: "createdAt",
      header: m.columns.createdAt,
      enableSorting: true,
      cell: ({ getValue }) => formatDate(getValue(), ctx.locale, ctx.messages.common.never),
    }),
    helper.display({
      id: "actions",
      header: () => <span className="sr-visually-hidden">{m.columns.actions}</span>,
      cell: ({ row }) => {
        const user = row.original;
        return (
          <Menu
            label={m.rowActions(user.displayName)}
            emptyLabel={m.noActions}
            items={ctx.offersOf(user).map(({ action, refused }) => {
              const spec = USER_ACTIONS[action];
              const label = spec.label(ctx.messages);
              return {
                key: action,
                label: refused === undefined ? label : <RefusedLabel label={label} reason={refused} />,
                textValue: label,
                tone: spec.tone,
                ...(refused === undefined ? {} : { disabled: true }),
                onSelect: () => ctx.onAction(action, user),
              };
            })}
          />
        );
      },
    }),
  ];
  return helper.columns(ctx.selectable ? [select, ...columns] : columns) as ColumnDef<
    typeof directoryFeatures,
    User
  >[];
}

/** A refused action's menu item: its name, and core's reason beside it. */
function RefusedLabel({ label, reason }: { readonly label: string; readonly reason: string }): ReactNode {
  return (
    <span className="sr-menu-refused">
      {label}
      <span className="sr-hint">
        <span className="sr-visually-hidden">:</span> {reason}
      </span>
    </span>
  );
}
