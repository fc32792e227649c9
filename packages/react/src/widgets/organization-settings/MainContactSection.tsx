import { DirectoryError, type Organization, type User } from "@staffroom/core";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useUpdateOrganization } from "../../hooks/admin-mutations";
import { useCan } from "../../hooks/permissions";
import { useMe, useOrganization, useUser } from "../../hooks/reads";
import { useAdministrators } from "../../hooks/settings-hooks";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { SettingsSection } from "./SettingsSections";

/** Props of {@link MainContactSection}. */
export interface MainContactSectionProps {
  readonly organization: Organization;
  /** Called with a confirmation once the role has been handed over. */
  readonly onDone: (message: string) => void;
}

/**
 * R7: who the main contact is, and the hand-over to another active administrator
 * (`users.list({ admin: true })`). Only the main contact (core's `isMainContact`) gets the controls
 * enabled; everyone else sees why not. Core checks the heir again.
 *
 * @example <MainContactSection organization={org} onDone={notify} />
 */
export function MainContactSection({ organization, onDone }: MainContactSectionProps): ReactNode {
  const m = useMessages();
  const t = m.organizationSettings.mainContact;
  const id = useId();
  const me = useMe();
  const org = useOrganization();
  const canManage = useCan("organization.manage");
  const current = useUser(organization.mainContactUserId);
  const admins = useAdministrators();
  const update = useUpdateOrganization();
  const [heirId, setHeirId] = useState("");
  const [confirming, setConfirming] = useState<User | null>(null);
  const [handedOver, setHandedOver] = useState(false);
  const currentRef = useRef<HTMLElement>(null);
  const isMainContact = me.data?.isMainContact === true;
  const candidates = (admins.data?.items ?? []).filter((u) => u.id !== organization.mainContactUserId);
  const enabled = isMainContact && canManage && candidates.length > 0;
  const name = current.data?.displayName;
  const reasonId = `${id}-reason`;
  const reason = !isMainContact ? t.onlyMainContact : candidates.length === 0 ? t.noCandidates : null;

  // After a hand-over the controls disable themselves: once the dialog has returned focus, move it to
  // the new main contact's name rather than leave it on a disabled button.
  useEffect(() => {
    if (!handedOver || confirming) return;
    const timer = setTimeout(() => {
      currentRef.current?.focus();
      setHandedOver(false);
    }, 0);
    return () => clearTimeout(timer);
  }, [handedOver, confirming]);

  return (
    <SettingsSection title={m.organizationSettings.sections.mainContact} hint={t.hint}>
      <dl className="sr-main-contact">
        <dt className="sr-label">{t.current}</dt>
        <dd ref={currentRef} tabIndex={-1}>
          {name ? (isMainContact ? t.you(name) : name) : t.unknown}
          {current.data ? <span className="sr-muted"> · {current.data.email}</span> : null}
        </dd>
      </dl>
      <div className="sr-row sr-main-contact-form">
        <label className="sr-label" htmlFor={`${id}-heir`}>
          {t.handOverTo}
        </label>
        <select
          id={`${id}-heir`}
          className="sr-select sr-main-contact-select"
          value={heirId}
          disabled={!enabled}
          aria-describedby={reason ? reasonId : undefined}
          onChange={(e) => setHeirId(e.target.value)}
        >
          <option value="">{t.choose}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} · {u.email}
            </option>
          ))}
        </select>
        <Button
          disabled={!enabled || !heirId}
          onClick={() => setConfirming(candidates.find((u) => u.id === heirId) ?? null)}
        >
          {t.handOver}
        </Button>
      </div>
      {reason ? (
        <p className="sr-hint" id={reasonId}>
          {reason}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog.Root open onOpenChange={(open) => !open && setConfirming(null)}>
          <ConfirmDialog.Content
            title={t.confirmTitle(confirming.displayName)}
            description={t.confirmBody}
            confirmLabel={t.confirm}
            tone="primary"
            onConfirm={async () => {
              const version = org.data?.version ?? organization.version;
              try {
                await update.mutate({ patch: { mainContactUserId: confirming.id }, version });
              } catch (error) {
                // A stale version: load the current one so confirming again names it (R12).
                if (DirectoryError.is(error, "stale")) await org.refetch();
                throw error;
              }
              setHeirId("");
              setHandedOver(true);
              onDone(t.done(confirming.displayName));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </SettingsSection>
  );
}
