import { type ReactNode, useId, useState } from "react";
import { useCan } from "../../hooks/permissions";
import { useMe, useOrganization, useSeatUsage } from "../../hooks/reads";
import { useMessages } from "../../provider/context";
import { CardHeader } from "../../ui/CardHeader";
import { LoadError } from "../../ui/LoadError";
import { SuccessNotice } from "../../ui/SuccessNotice";
import { ScreenGate } from "../no-access/NoAccess";
import { MainContactSection } from "./MainContactSection";
import { OrganizationForm } from "./OrganizationForm";

/** Props of {@link OrganizationSettings}. */
export interface OrganizationSettingsProps {
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to … — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  readonly className?: string;
}

/**
 * W11 "Settings › Organization": the name, feature switches, seats with their usage
 * (`organization.usage()`: named users, practitioners and each licence; the concurrent-session
 * limit), licence types, provider types, and the main-contact hand-over (R7). Controls follow
 * `can("organization.manage")` and core's `isMainContact`; a stale version offers a reload.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <OrganizationSettings />
 * </StaffroomProvider>
 */
function OrganizationSettingsCard({ className }: OrganizationSettingsProps): ReactNode {
  const m = useMessages();
  const t = m.organizationSettings;
  const id = useId();
  const me = useMe();
  const organization = useOrganization();
  const usage = useSeatUsage();
  const canManage = useCan("organization.manage");
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = `${id}-title`;
  const org = organization.data;

  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <CardHeader titleId={titleId} title={t.title} description={t.description} />
      <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
      {organization.isError ? (
        <LoadError
          title={t.loadError}
          error={organization.error}
          onRetry={() => void organization.refetch()}
        />
      ) : !org || !me.data ? (
        <p className="sr-empty sr-muted" role="status">
          {t.loading}
        </p>
      ) : (
        <div className="sr-settings">
          {canManage ? null : <p className="sr-matrix-note">{t.readOnly}</p>}
          <OrganizationForm organization={org} usage={usage.data} editable={canManage} onSaved={setNotice} />
          <MainContactSection organization={org} onDone={setNotice} />
        </div>
      )}
    </section>
  );
}

/**
 * W11 "Settings › Organization": the widget above, or — when core does not let the actor open the screen
 * (`canOpenScreen(directory, "organization")`) — the calm {@link NoAccess} state in its place, never a
 * load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <OrganizationSettings noAccessMessage="Ask your practice manager." />
 * </StaffroomProvider>
 */
export function OrganizationSettings(props: OrganizationSettingsProps): ReactNode {
  return (
    <ScreenGate
      screen="organization"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <OrganizationSettingsCard {...props} />
    </ScreenGate>
  );
}
