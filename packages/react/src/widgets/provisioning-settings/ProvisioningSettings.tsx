import { type ReactNode, useId, useState } from "react";
import {
  useProvisioningActivity,
  useProvisioningSettings,
  useProvisioningTokens,
} from "../../hooks/provisioning-hooks";
import { useLocations, useRoles } from "../../hooks/reads";
import { useMessages, useStaffroom } from "../../provider/context";
import { CardHeader } from "../../ui/CardHeader";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { LoadError } from "../../ui/LoadError";
import { SuccessNotice } from "../../ui/SuccessNotice";
import { actionLabel } from "../audit-trail/audit-format";
import { ScreenGate } from "../no-access/NoAccess";
import { MappingForm } from "./MappingForm";
import { CopyButton, TokenSection } from "./TokenSection";

/** Props of {@link ProvisioningSettings}. */
export interface ProvisioningSettingsProps {
  /**
   * The SCIM base URL identity providers call: where the host mounted `@staffroom/scim`'s handler,
   * e.g. `https://ehr.example/scim/v2`. The widget cannot know it.
   */
  readonly endpoint: string;
  /** How many recent provisioning events to show. Default 10. */
  readonly activityLimit?: number;
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to Provisioning — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  readonly className?: string;
}

/**
 * "Settings › Provisioning": SCIM provisioning from an identity provider. The endpoint to paste;
 * tokens — create one (the roles and locations it may give; its secret shown once, with a copy
 * button), see when each was last used, revoke it; the default role and locations of provisioned
 * people and the mapping of the identity provider's groups to roles and locations; and the latest
 * writes the tokens made, from the audit trail. Core decides everything: when it does not let the
 * actor open the screen (`canOpenScreen(directory, "provisioning")`), the calm NoAccess state shows
 * in its place, never a load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <ProvisioningSettings endpoint="https://ehr.example/scim/v2" />
 * </StaffroomProvider>
 */
export function ProvisioningSettings(props: ProvisioningSettingsProps): ReactNode {
  return (
    <ScreenGate
      screen="provisioning"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <ProvisioningSettingsCard {...props} />
    </ScreenGate>
  );
}

function ProvisioningSettingsCard({
  endpoint,
  activityLimit = 10,
  className,
}: ProvisioningSettingsProps): ReactNode {
  const m = useMessages();
  const t = m.provisioning;
  const { locale } = useStaffroom();
  const id = useId();
  const titleId = `${id}-title`;
  const tokens = useProvisioningTokens();
  const settings = useProvisioningSettings();
  const roles = useRoles();
  const locations = useLocations();
  const tokenIds = (tokens.data ?? []).map((token) => token.id);
  const activity = useProvisioningActivity(tokenIds, activityLimit);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const failed = [tokens, settings, roles, locations].find((q) => q.isError);
  const loading = [tokens, settings, roles, locations].some((q) => q.isLoading);
  const labelOf = new Map((tokens.data ?? []).map((token) => [token.id, token.label]));
  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <CardHeader titleId={titleId} title={t.title} description={t.description} />
      <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
      {failed ? (
        <LoadError
          title={t.loadError}
          error={failed.error}
          onRetry={() => {
            for (const q of [tokens, settings, roles, locations]) void q.refetch();
          }}
        />
      ) : loading || !tokens.data || !settings.data || !roles.data || !locations.data ? (
        <p className="sr-empty sr-muted" role="status">
          {t.loading}
        </p>
      ) : (
        <div className="sr-stack sr-body">
          <Field label={t.endpoint.label} hint={t.endpoint.hint}>
            {(p) => (
              <div className="sr-row">
                <input {...p} className="sr-input sr-mono" readOnly value={endpoint} />
                <CopyButton text={endpoint} label={t.endpoint.copy} done={t.endpoint.copied} />
              </div>
            )}
          </Field>
          <TokenSection
            tokens={tokens.data}
            roles={roles.data}
            locations={locations.data}
            onNotice={setNotice}
          />
          <MappingForm
            key={`${settings.data.version}-${formKey}`}
            settings={settings.data}
            roles={roles.data}
            locations={locations.data}
            onSaved={() => setNotice(t.mapping.saved)}
            onReload={() => {
              void settings.refetch().then(() => setFormKey((k) => k + 1));
            }}
          />
          <section className="sr-stack" aria-labelledby={`${id}-activity`}>
            <h3 className="sr-section-title" id={`${id}-activity`}>
              {t.activity.heading}
            </h3>
            {(activity.data ?? []).length === 0 ? (
              <p className="sr-muted">{t.activity.empty}</p>
            ) : (
              <ul className="sr-list" aria-label={t.activity.listLabel}>
                {(activity.data ?? []).map((event) => (
                  <li key={event.id}>
                    <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>{" "}
                    {t.activity.item(
                      actionLabel(m.audit, event.action),
                      event.target.label ?? (event.target.erased ? m.audit.erased : event.target.id),
                      event.actor.label ?? labelOf.get(event.actor.userId ?? "") ?? "",
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
