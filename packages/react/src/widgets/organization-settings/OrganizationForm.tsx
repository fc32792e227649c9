import { DirectoryError, type Organization, OrganizationPatchSchema, type SeatUsage } from "@staffroom/core";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { serverFailure } from "../../forms/server-errors";
import { useUpdateOrganization } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { StaleAlert } from "../../ui/StaleAlert";
import {
  fieldOfOrganizationPath,
  type OrganizationFormValues,
  organizationFormFields,
  organizationToForm,
  toOrganizationPatch,
} from "./organization-form-values";
import { FeaturesSection, GeneralSection, SeatsSection } from "./SettingsSections";
import { LicencesSection, ProviderTypesSection } from "./TypeLists";

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
 * a stale version offers a reload that discards the edits.
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
  // The version this form edits: it moves when the person reloads, or when nothing is edited (R12).
  const [base, setBase] = useState(organization);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const initial = useMemo(() => organizationToForm(base), [base]);
  const resolver = useMemo(
    () =>
      coreResolver(
        OrganizationPatchSchema,
        (v: OrganizationFormValues) => toOrganizationPatch(v, initial),
        fieldOfOrganizationPath,
      ),
    [initial],
  );
  const form = useForm<OrganizationFormValues>({ defaultValues: initial, resolver });
  const dirty = form.formState.isDirty;

  // A newer version arrived (a hand-over, another tab): adopt it unless the person is editing.
  useEffect(() => {
    if (organization.version === base.version || dirty) return;
    setBase(organization);
    form.reset(organizationToForm(organization));
  }, [organization, base.version, dirty, form]);

  const rebase = (org: Organization) => {
    setBase(org);
    form.reset(organizationToForm(org));
  };
  const reload = async () => {
    const fresh = await directory.organization.get();
    cache.set(queryKeys.organization.get, fresh);
    rebase(fresh);
    setStale(false);
  };

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    setFailure(null);
    setStale(false);
    const patch = toOrganizationPatch(values, initial);
    if (Object.keys(patch).length === 0) return;
    try {
      rebase(await update.mutate({ patch, version: base.version }));
      onSaved(t.saved);
    } catch (error) {
      if (DirectoryError.is(error, "stale")) {
        setStale(true);
        return;
      }
      setFailure(
        serverFailure(error, form.setError, organizationFormFields(values), m, fieldOfOrganizationPath),
      );
    }
  });

  return (
    <form className="sr-settings-form" onSubmit={submit} noValidate>
      {stale ? <StaleAlert title={t.staleTitle} body={t.staleBody} onReload={() => void reload()} /> : null}
      <fieldset className="sr-fieldset sr-settings-fields" disabled={!editable}>
        <GeneralSection form={form} />
        <FeaturesSection form={form} />
        <SeatsSection form={form} usage={usage} />
        <LicencesSection form={form} usage={usage} />
        <ProviderTypesSection form={form} />
      </fieldset>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      {editable ? (
        <div className="sr-settings-actions">
          <Button onClick={() => rebase(base)}>{t.discard}</Button>
          {/* Not disabled while saving, so focus stays on it; handleSubmit ignores a second press. */}
          <Button variant="primary" type="submit" aria-busy={form.formState.isSubmitting || undefined}>
            {form.formState.isSubmitting ? m.common.saving : t.save}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
