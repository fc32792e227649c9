import { type Organization, OrganizationPatchSchema, type SeatUsage } from "@staffroom/core";
import type { ReactNode } from "react";
import { coreResolver } from "../../forms/resolver";
import { StaleNotice } from "../../forms/StaleNotice";
import { useVersionedForm } from "../../forms/use-versioned-form";
import { useUpdateOrganization } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import type { Messages } from "../../messages/messages";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import {
  fieldOfOrganizationPath,
  type OrganizationFormValues,
  organizationFormFields,
  organizationToForm,
  toOrganizationPatch,
} from "./organization-form-values";
import { FeaturesSection, GeneralSection, SeatsSection } from "./SettingsSections";
import { LicencesSection, ProviderTypesSection } from "./TypeLists";

const toValues = (org: Organization | null): OrganizationFormValues =>
  organizationToForm(org ?? ORGANIZATION_REQUIRED());
const ORGANIZATION_REQUIRED = (): never => {
  throw new Error("OrganizationForm edits an organization; it cannot create one.");
};
const resolver = (initial: OrganizationFormValues) =>
  coreResolver(
    OrganizationPatchSchema,
    (v: OrganizationFormValues) => toOrganizationPatch(v, initial),
    fieldOfOrganizationPath,
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

/**
 * W11: name, features, seats, licence and provider types in one form, validated with core's
 * `OrganizationPatchSchema`; only changed groups are sent. Core's field issues land on their fields;
 * a stale version offers a reload, after which the person's edits wait to be applied again.
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
  const v = useVersionedForm({
    record: organization,
    toValues,
    resolver,
    // Only changed groups are sent; nothing changed, nothing to write.
    save: async (values, { initial, version }) => {
      const patch = toOrganizationPatch(values, initial);
      if (update.isPending || Object.keys(patch).length === 0 || version === undefined) return undefined;
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
        <ProviderTypesSection form={form} />
      </fieldset>
      {v.failure ? <Alert tone="danger">{v.failure}</Alert> : null}
      {editable ? (
        <div className="sr-settings-actions">
          <Button onClick={v.discard}>{t.discard}</Button>
          {/* Not disabled while saving, so focus stays on it; handleSubmit ignores a second press. */}
          <Button variant="primary" type="submit" aria-busy={v.isSubmitting || undefined}>
            {v.isSubmitting ? m.common.saving : t.save}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
