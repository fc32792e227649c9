import type { CreatedProvisioningToken, Location, ProvisioningToken, Role } from "@staffroom/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useCreateProvisioningToken, useRevokeProvisioningToken } from "../../hooks/provisioning-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";

/** Copies text and says so for a moment; a refused clipboard leaves the text selectable. */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      <span aria-live="polite">{copied ? done : label}</span>
    </Button>
  );
}

/** Props of {@link TokenSection}. */
export interface TokenSectionProps {
  readonly tokens: readonly ProvisioningToken[];
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
  readonly onNotice: (text: string) => void;
}

/** The tokens table with create (secret shown once) and revoke. */
export function TokenSection({ tokens, roles, locations, onNotice }: TokenSectionProps): ReactNode {
  const m = useMessages();
  const t = m.provisioning;
  const { locale } = useStaffroom();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedProvisioningToken | null>(null);
  const [revoking, setRevoking] = useState<ProvisioningToken | null>(null);
  const revoke = useRevokeProvisioningToken();
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const grants = (token: ProvisioningToken) =>
    t.tokens.grants(
      token.roleIds.map((id) => roleName.get(id) ?? id).join(", "),
      token.locationAccess === "organization"
        ? t.tokens.allLocations
        : token.locationAccess.map((id) => locationName.get(id) ?? id).join(", "),
    );
  return (
    <section className="sr-stack" aria-labelledby="sr-provisioning-tokens">
      <div className="sr-row">
        <h3 className="sr-section-title" id="sr-provisioning-tokens">
          {t.tokens.heading}
        </h3>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t.tokens.create}
        </Button>
      </div>
      {tokens.length === 0 ? (
        <div className="sr-empty" role="status">
          <p className="sr-empty-title">{t.tokens.empty}</p>
          <p className="sr-muted">{t.tokens.emptyHint}</p>
        </div>
      ) : (
        <div className="sr-table-wrap">
          <table className="sr-table" aria-label={t.tokens.tableLabel}>
            <thead>
              <tr>
                <th scope="col">{t.tokens.columns.label}</th>
                <th scope="col">{t.tokens.columns.grants}</th>
                <th scope="col">{t.tokens.columns.lastUsed}</th>
                <th scope="col">{t.tokens.columns.status}</th>
                <th scope="col">{t.tokens.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-token={token.id}>
                  <th scope="row">{token.label}</th>
                  <td>{grants(token)}</td>
                  <td>{formatDate(token.lastUsedAt, locale, t.tokens.never)}</td>
                  <td>
                    {token.revokedAt ? (
                      <Badge tone="neutral">{t.tokens.revoked}</Badge>
                    ) : (
                      <Badge tone="success">{t.tokens.active}</Badge>
                    )}
                  </td>
                  <td>
                    {token.revokedAt ? null : (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={t.tokens.revokeLabel(token.label)}
                        onClick={() => setRevoking(token)}
                      >
                        {t.tokens.revoke}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating ? (
        <CreateTokenDialog
          roles={roles.filter((r) => r.grantable)}
          locations={locations.filter((l) => !l.archived)}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
          }}
        />
      ) : null}
      {created ? (
        <Dialog.Root open onOpenChange={(open) => !open && setCreated(null)}>
          <DialogContent
            title={t.secret.title}
            description={t.secret.body}
            preventOutsideClose
            footer={
              <Button variant="primary" onClick={() => setCreated(null)}>
                {t.secret.done}
              </Button>
            }
          >
            <div className="sr-stack">
              <Field label={t.secret.label}>
                {(p) => (
                  <input
                    {...p}
                    className="sr-input sr-mono"
                    readOnly
                    value={created.secret}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                )}
              </Field>
              <div>
                <CopyButton text={created.secret} label={t.secret.copy} done={t.secret.copied} />
              </div>
            </div>
          </DialogContent>
        </Dialog.Root>
      ) : null}
      {revoking ? (
        <ConfirmDialog.Root open onOpenChange={(open) => !open && setRevoking(null)}>
          <ConfirmDialog.Content
            title={t.tokens.confirmRevoke.title(revoking.label)}
            description={t.tokens.confirmRevoke.body}
            confirmLabel={t.tokens.confirmRevoke.confirm}
            onConfirm={async () => {
              await revoke.mutate(revoking);
              onNotice(t.tokens.revokedDone(revoking.label));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </section>
  );
}

/** The form of a new token: a name, the roles it may give, every location or some. */
function CreateTokenDialog({
  roles,
  locations,
  onClose,
  onCreated,
}: {
  roles: readonly Role[];
  locations: readonly Location[];
  onClose: () => void;
  onCreated: (created: CreatedProvisioningToken) => void;
}): ReactNode {
  const m = useMessages();
  const t = m.provisioning.createDialog;
  const create = useCreateProvisioningToken();
  const [label, setLabel] = useState("");
  const [roleIds, setRoleIds] = useState<string[]>(roles.filter((r) => !r.administrator).map((r) => r.id));
  const [everywhere, setEverywhere] = useState(true);
  const [locationIds, setLocationIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onCreated(
        await create.mutate({ label, roleIds, locationAccess: everywhere ? "organization" : locationIds }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={t.title}
        description={t.description}
        size="lg"
        preventOutsideClose
        footer={
          <>
            <Button onClick={onClose}>{t.cancel}</Button>
            <Button variant="primary" type="submit" form="sr-provisioning-token-form" busy={create.isPending}>
              {t.submit}
            </Button>
          </>
        }
      >
        <form id="sr-provisioning-token-form" className="sr-stack" onSubmit={submit} noValidate>
          {error ? <Alert tone="danger">{errorMessage(m, error)}</Alert> : null}
          <Field label={t.label} hint={t.labelHint} required>
            {(p) => (
              <input
                {...p}
                className="sr-input"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <fieldset className="sr-fieldset">
            <legend>{t.roles}</legend>
            <p className="sr-hint">{t.rolesHint}</p>
            {roles.map((role) => (
              <label key={role.id} className="sr-check">
                <input
                  type="checkbox"
                  checked={roleIds.includes(role.id)}
                  onChange={(e) => setRoleIds(toggle(roleIds, role.id, e.target.checked))}
                />
                {role.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="sr-fieldset">
            <legend>{t.locations}</legend>
            <label className="sr-check">
              <input
                type="radio"
                name="sr-token-where"
                checked={everywhere}
                onChange={() => setEverywhere(true)}
              />
              {t.everyLocation}
            </label>
            <label className="sr-check">
              <input
                type="radio"
                name="sr-token-where"
                checked={!everywhere}
                onChange={() => setEverywhere(false)}
              />
              {t.someLocations}
            </label>
            {everywhere
              ? null
              : locations.map((location) => (
                  <label key={location.id} className="sr-check">
                    <input
                      type="checkbox"
                      checked={locationIds.includes(location.id)}
                      onChange={(e) => setLocationIds(toggle(locationIds, location.id, e.target.checked))}
                    />
                    {location.name}
                  </label>
                ))}
          </fieldset>
        </form>
      </DialogContent>
    </Dialog.Root>
  );
}
