import {
  type Organization,
  type OrganizationPatch,
  OrganizationPatchSchema,
  type SeatLimitBelowUse,
  type SeatUsage,
  seatLimitsBelowUse,
} from "@staffroom/core";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { coreResolver } from "../../forms/resolver";
import { StaleNotice } from "../../forms/StaleNotice";
import { useVersionedForm } from "../../forms/use-versioned-form";
import { useUpdateOrganization } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import type { Messages } from "../../messages/messages";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import {
  fieldOfOrganizationPath,
  type OrganizationFormValues,
  organizationFormFields,
  organizationToForm,
  toOrganizationPatch,
} from "./organization-form-values";
import { FeaturesSection, GeneralSection, SeatsSection, SessionLimitsSection } from "./SettingsSections";
import { LicencesSection, ProviderTypesSection } from "./TypeLists";

const toValues = (org: Organization | null): OrganizationFormValues =>
  organizationToForm(org ?? ORGANIZATION_REQUIRED());
const ORGANIZATION_REQUIRED = (): never => {
  throw new Error("OrganizationForm edits an organization; it cannot create one.");
};
const resolverIn = (m: Messages) => (initial: OrganizationFormValues) =>
  coreResolver(
    OrganizationPatchSchema,
    (v: OrganizationFormValues) => toOrganizationPatch(v, initial),
    fieldOfOrganizationPath,
    undefined,
    m.errors.issue,
  );
/** The labels of the fields whose unsaved values a reload lists. */
const labelOf =
  (t: Messages["organizationSettings"]) =>
  (name: string): string | undefined =>
    name === "name" ? t.name : undefined;

/** Props of {@link OrganizationForm}. */
export interface OrganizationFormProps {
  /** The organization as last loaded. */
  readonly organization: Organization;
  readonly usage: SeatUsage | undefined;
  /** False disables every control (the actor may not manage the organization). */
  readonly editable: boolean;
  readonly onSaved: (message: string) => void;
}

/** The seat kind's label as the form shows it. */
const seatLabel = (t: Messages["organizationSettings"], below: SeatLimitBelowUse): string =>
  below.kind === "licence"
    ? below.label
    : { named: t.seats.named, practitioners: t.seats.practitioners, concurrent: t.seats.concurrent }[
        below.kind
      ];

/**
 * W11: name, features, seats, licence and provider types, and W13 the session limits, in one form,
 * validated with core's `OrganizationPatchSchema`; only changed groups are sent. Core's field issues
 * land on their fields; a stale version offers a reload, after which the person's edits wait to be
 * applied again. A seat limit lowered below the seats in use (core's `seatLimitsBelowUse` over a
 * fresh `organization.usage()`) is saved only after a confirmation that says what R9 then does.
 *
 * @example <OrganizationForm organization={org} usage={usage} editable onSaved={notify} />
 */
export function OrganizationForm({
  organization,
  usage,
  editable,
  onSaved,
}: OrganizationFormProps): ReactNode {
  const m = useMessages();
  const t = m.organizationSettings;
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const update = useUpdateOrganization();
  // Limits below use wait for a yes; the confirmed save runs the form's submit again.
  const [belowUse, setBelowUse] = useState<readonly SeatLimitBelowUse[] | null>(null);
  const confirmed = useRef<OrganizationPatch | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const v = useVersionedForm({
    record: organization,
    toValues,
    resolver: useMemo(() => resolverIn(m), [m]),
    // Only changed groups are sent; nothing changed, nothing to write.
    save: async (values, { initial, version, record }) => {
      const patch = toOrganizationPatch(values, initial);
      if (update.isPending || Object.keys(patch).length === 0 || version === undefined) return undefined;
      const agreed = JSON.stringify(confirmed.current) === JSON.stringify(patch);
      confirmed.current = null;
      if (!agreed && (patch.seats || patch.licenceTypes)) {
        const below = seatLimitsBelowUse(await directory.organization.usage(), patch, record ?? undefined);
        if (below.length > 0) {
          setBelowUse(below);
          return undefined;
        }
      }
      return update.mutate({ patch, version });
    },
    reload: async () => {
      const fresh = await directory.organization.get();
      cache.set(queryKeys.organization.get, fresh);
      return fresh;
    },
    fields: organizationFormFields,
    fieldOf: fieldOfOrganizationPath,
    // The form stays: the saved organization is the new base.
    savedRecord: (saved) => saved,
    onSaved: () => onSaved(t.saved),
    // A newer version (a hand-over, another tab) is taken up unless the person is editing.
    followRecord: true,
  });
  const { form } = v;

  return (
    <form className="sr-settings-form" onSubmit={v.submit} noValidate>
      <StaleNotice form={v} title={t.staleTitle} body={t.staleBody} labelOf={labelOf(t)} />
      <fieldset className="sr-fieldset sr-settings-fields" disabled={!editable}>
        <GeneralSection form={form} />
        <FeaturesSection form={form} />
        <SeatsSection form={form} usage={usage} />
        <LicencesSection form={form} usage={usage} />
        <SessionLimitsSection form={form} />
        <ProviderTypesSection form={form} />
      </fieldset>
      {v.failure ? <Alert tone="danger">{v.failure}</Alert> : null}
      {editable ? (
        <div className="sr-settings-actions">
          <Button onClick={v.discard}>{t.discard}</Button>
          {/* Not disabled while saving, so focus stays on it; handleSubmit ignores a second press. */}
          <Button ref={saveButton} variant="primary" type="submit" aria-busy={v.isSubmitting || undefined}>
            {v.isSubmitting ? m.common.saving : t.save}
          </Button>
        </div>
      ) : null}
      {belowUse ? (
        <ConfirmDialog.Root
          open
          onOpenChange={(open) => {
            if (open) return;
            setBelowUse(null);
            // No trigger opened the dialog (the submit did): give focus back to Save.
            setTimeout(() => saveButton.current?.focus(), 0);
          }}
        >
          <ConfirmDialog.Content
            title={t.belowUse.title}
            description={t.belowUse.intro}
            confirmLabel={t.belowUse.confirm}
            onConfirm={async () => {
              confirmed.current = toOrganizationPatch(form.getValues(), v.initial);
              await v.submit();
            }}
          >
            <ul className="sr-below-use">
              {belowUse.map((below) => (
                <li key={below.kind === "licence" ? `licence:${below.key}` : below.kind}>
                  <strong>{t.belowUse.item(seatLabel(t, below), below.limit, below.used)}</strong>{" "}
                  {t.belowUse.consequence[below.kind](below.limit)}
                </li>
              ))}
            </ul>
          </ConfirmDialog.Content>
        </ConfirmDialog.Root>
      ) : null}
    </form>
  );
}
