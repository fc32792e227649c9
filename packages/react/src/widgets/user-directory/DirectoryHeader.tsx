import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { useMountPart, usePartContext } from "./directory-context";

/**
 * Props of {@link DirectoryHeader}.
 *
 * @example <UserDirectory.Header hideCreate />
 */
export interface DirectoryHeaderProps {
  /** Hide the "New user" button (invite only, as reference 002 and 004 work). Default false. */
  readonly hideCreate?: boolean;
  /** Hide "Invite several" (many addresses, one role and locations). Default false. */
  readonly hideInviteMany?: boolean;
}

/**
 * `UserDirectory.Header`: the title that names the directory (the card and the table are labelled
 * by it), its description, and — for an actor core lets manage users — "New user", "Invite several"
 * and "Invite user".
 *
 * @example <UserDirectory.Header hideCreate />
 */
export function DirectoryHeader({
  hideCreate = false,
  hideInviteMany = false,
}: DirectoryHeaderProps): ReactNode {
  const context = usePartContext("Header");
  useMountPart(context, "header");
  const { api } = context;
  const m = useMessages().directory;
  return (
    <CardHeader titleId={api.ids.title} title={m.title} description={m.description}>
      {api.canManage ? (
        <div className="sr-row">
          {hideCreate ? null : <Button onClick={() => api.openCreate("create")}>{m.createUser}</Button>}
          {hideInviteMany ? null : (
            <Button onClick={() => api.openCreate("inviteMany")}>{m.inviteMany}</Button>
          )}
          <Button variant="primary" onClick={() => api.openCreate("invite")}>
            {m.inviteUser}
          </Button>
        </div>
      ) : null}
    </CardHeader>
  );
}
