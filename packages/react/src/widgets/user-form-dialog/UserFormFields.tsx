import { type Location, type Organization, type Role, SCHEDULING_STEPS } from "@staffroom/core";
import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { optionText, userAccessOptions } from "../../forms/field-options";
import { useMessages } from "../../provider/context";
import { Field } from "../../ui/Field";
import { NewPasswordFields } from "../account/NewPasswordFields";
import { DEFAULT_PASSWORD_LENGTH } from "../account/password-hint";
import type { UserFormValues } from "./user-form-values";

type Form = UseFormReturn<UserFormValues>;

/** Props shared by the form sections. */
export interface SectionProps {
  readonly form: Form;
}

/**
 * Email, names, initials, title, job title, phones. `compact` keeps only what an invitation needs.
 *
 * @example <ProfileFields form={form} emailEditable />
 */
export function ProfileFields({
  form,
  compact,
  emailEditable = true,
}: SectionProps & { readonly compact?: boolean; readonly emailEditable?: boolean }): ReactNode {
  const m = useMessages();
  const t = m.userForm;
  const e = form.formState.errors;
  const req = { required: m.common.fieldRequired };
  return (
    <section className="sr-stack" aria-label={t.sections.profile}>
      <h3 className="sr-section-title">{t.sections.profile}</h3>
      <div className="sr-grid-2">
        <Field label={t.email} hint={t.emailHint} required error={e.email?.message} className="sr-span-2">
          {(p) => (
            <input
              className="sr-input"
              type="email"
              autoComplete="off"
              readOnly={!emailEditable}
              {...p}
              {...form.register("email", req)}
            />
          )}
        </Field>
        <Field label={t.givenName} required error={e.profile?.givenName?.message}>
          {(p) => (
            <input
              className="sr-input"
              autoComplete="off"
              {...p}
              {...form.register("profile.givenName", req)}
            />
          )}
        </Field>
        <Field label={t.familyName} required error={e.profile?.familyName?.message}>
          {(p) => (
            <input
              className="sr-input"
              autoComplete="off"
              {...p}
              {...form.register("profile.familyName", req)}
            />
          )}
        </Field>
        <Field label={t.title} hint={t.titleHint} error={e.profile?.title?.message}>
          {(p) => (
            <input className="sr-input" autoComplete="off" {...p} {...form.register("profile.title")} />
          )}
        </Field>
        {compact ? null : (
          <>
            <Field label={t.initials} hint={t.initialsHint} error={e.profile?.initials?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  autoComplete="off"
                  {...p}
                  {...form.register("profile.initials")}
                />
              )}
            </Field>
            <Field label={t.jobTitle} error={e.profile?.jobTitle?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  autoComplete="off"
                  {...p}
                  {...form.register("profile.jobTitle")}
                />
              )}
            </Field>
            <Field label={t.primaryPhone} hint={t.phoneHint} error={e.profile?.primaryPhone?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  type="tel"
                  autoComplete="off"
                  {...p}
                  {...form.register("profile.primaryPhone")}
                />
              )}
            </Field>
            <Field label={t.alternatePhone} error={e.profile?.alternatePhone?.message}>
              {(p) => (
                <input
                  className="sr-input"
                  type="tel"
                  autoComplete="off"
                  {...p}
                  {...form.register("profile.alternatePhone")}
                />
              )}
            </Field>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * Role (with the screens it opens; only roles the actor may give, core's `grantable`), org-wide or
 * per-location access, and the primary location.
 *
 * @example <AccessFields form={form} roles={roles} locations={locations} />
 */
export function AccessFields({
  form,
  roles,
  locations,
}: SectionProps & { readonly roles: readonly Role[]; readonly locations: readonly Location[] }): ReactNode {
  const m = useMessages();
  const t = m.userForm;
  const e = form.formState.errors;
  const roleId = form.watch("roleId");
  const mode = form.watch("accessMode");
  const role = roles.find((r) => r.id === roleId);
  // The choices come from one source (today core's `grantable`, R3; later core's form options),
  // each allowed or disabled with its reason.
  const options = userAccessOptions(roles, locations, form.formState.defaultValues?.roleId);
  const groupOf = new Map(locations.map((l) => [l.id, l.group]));
  return (
    <section className="sr-stack" aria-label={t.sections.access}>
      <h3 className="sr-section-title">{t.sections.access}</h3>
      <div className="sr-grid-2">
        <Field
          label={t.role}
          required
          error={e.roleId?.message}
          hint={role?.screens.length ? t.roleScreens(role.screens.join(", ")) : undefined}
        >
          {(p) => (
            <select
              className="sr-select"
              {...p}
              {...form.register("roleId", { required: m.common.fieldRequired })}
            >
              <option value="">{t.chooseRole}</option>
              {options.roles.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {optionText(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.primaryLocation} required error={e.primaryLocationId?.message}>
          {(p) => (
            <select
              className="sr-select"
              {...p}
              {...form.register("primaryLocationId", { required: m.common.fieldRequired })}
            >
              <option value="">{t.chooseLocation}</option>
              {options.locations.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {optionText(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="sr-fieldset sr-span-2">
          <legend>{t.access}</legend>
          <div className="sr-row" style={{ gap: 16 }}>
            <label className="sr-check">
              <input type="radio" value="organization" {...form.register("accessMode")} />
              {t.accessOrganization}
            </label>
            <label className="sr-check">
              <input type="radio" value="locations" {...form.register("accessMode")} />
              {t.accessLocations}
            </label>
          </div>
        </fieldset>
        {mode === "locations" ? (
          <fieldset
            className="sr-fieldset sr-span-2"
            aria-describedby={e.locationIds ? "sr-locations-error" : undefined}
          >
            <legend>{t.locations}</legend>
            <div className="sr-option-list">
              {options.locations.map((o) => {
                const group = groupOf.get(o.value);
                return (
                  <label key={o.value} className="sr-check">
                    <input
                      type="checkbox"
                      value={o.value}
                      disabled={o.disabled}
                      {...form.register("locationIds")}
                    />
                    {o.label}
                    {group ? <span className="sr-muted">· {group}</span> : null}
                    {o.reason ? <span className="sr-hint">{o.reason}</span> : null}
                  </label>
                );
              })}
            </div>
            {e.locationIds?.message ? (
              <span className="sr-field-error" id="sr-locations-error">
                {e.locationIds.message}
              </span>
            ) : null}
          </fieldset>
        ) : null}
      </div>
    </section>
  );
}

/**
 * Password, confirmation and "must change at first sign-in" (create only).
 *
 * @example <PasswordFields form={form} />
 */
export function PasswordFields({ form }: SectionProps): ReactNode {
  const m = useMessages();
  const t = m.userForm;
  const e = form.formState.errors;
  return (
    <section className="sr-stack" aria-label={t.sections.sign}>
      <h3 className="sr-section-title">{t.sections.sign}</h3>
      <div className="sr-grid-2">
        <NewPasswordFields
          label={t.password}
          confirmLabel={t.confirmPassword}
          value={form.watch("password") ?? ""}
          password={form.register("password")}
          confirm={form.register("confirmPassword")}
          error={e.password?.message}
          confirmError={e.confirmPassword?.message}
          bounds={DEFAULT_PASSWORD_LENGTH}
        />
        <label className="sr-check sr-span-2">
          <input type="checkbox" {...form.register("mustChangePassword")} />
          {t.mustChangePassword}
        </label>
      </div>
    </section>
  );
}

/**
 * Flags, sign-in channels and licences — each shown only when the organization has the feature
 * or licence type (reference 003: "options shown only when an organization has the feature").
 *
 * @example <OptionsFields form={form} organization={org} />
 */
export function OptionsFields({
  form,
  organization,
}: SectionProps & { readonly organization: Organization | undefined }): ReactNode {
  const t = useMessages().userForm;
  const e = form.formState.errors;
  const f = organization?.features;
  return (
    <section className="sr-stack" aria-label={t.sections.options}>
      <h3 className="sr-section-title">{t.sections.options}</h3>
      <div className="sr-grid-2">
        <label className="sr-check">
          <input type="checkbox" {...form.register("flags.practitioner")} />
          {t.practitioner}
        </label>
        {f?.diary ? (
          <label className="sr-check">
            <input type="checkbox" {...form.register("flags.diary")} />
            {t.diary}
          </label>
        ) : null}
        {f?.caseManagement ? (
          <label className="sr-check">
            <input type="checkbox" {...form.register("flags.caseManager")} />
            {t.caseManager}
          </label>
        ) : null}
        <label className="sr-check">
          <input type="checkbox" {...form.register("loginChannels.web")} />
          {t.webLogin}
        </label>
        {f?.mobileApp ? (
          <label className="sr-check">
            <input type="checkbox" {...form.register("loginChannels.mobile")} />
            {t.mobileLogin}
          </label>
        ) : null}
        {e.flags?.practitioner?.message ? (
          <span className="sr-field-error sr-span-2">{e.flags.practitioner.message}</span>
        ) : null}
        {e.loginChannels?.mobile?.message ? (
          <span className="sr-field-error sr-span-2">{e.loginChannels.mobile.message}</span>
        ) : null}
        {organization && organization.licenceTypes.length > 0 ? (
          <fieldset className="sr-fieldset sr-span-2">
            <legend>{t.licences}</legend>
            <div className="sr-row" style={{ gap: 16 }}>
              {organization.licenceTypes.map((l) => (
                <label key={l.key} className="sr-check">
                  <input type="checkbox" value={l.key} {...form.register("licences")} />
                  {l.label}
                </label>
              ))}
            </div>
            {e.licences?.message ? <span className="sr-field-error">{e.licences.message}</span> : null}
          </fieldset>
        ) : null}
      </div>
    </section>
  );
}

/**
 * NPI, taxonomy codes, bio, provider types, capacity and scheduling step (W10), for practitioners
 * of organizations with the provider directory.
 *
 * @example <ProviderFields form={form} organization={org} />
 */
export function ProviderFields({
  form,
  organization,
}: SectionProps & { readonly organization: Organization | undefined }): ReactNode {
  const t = useMessages().userForm;
  const e = form.formState.errors.provider;
  const practitioner = form.watch("flags.practitioner");
  if (!practitioner || !organization?.features.providerDirectory) return null;
  return (
    <section className="sr-stack" aria-label={t.sections.provider}>
      <h3 className="sr-section-title">{t.sections.provider}</h3>
      <div className="sr-grid-2">
        <Field label={t.npi} error={e?.npi?.message}>
          {(p) => (
            <input
              className="sr-input sr-mono"
              inputMode="numeric"
              autoComplete="off"
              {...p}
              {...form.register("provider.npi")}
            />
          )}
        </Field>
        <Field label={t.taxonomyCodes} hint={t.taxonomyHint} error={e?.taxonomyCodes?.message}>
          {(p) => (
            <input
              className="sr-input sr-mono"
              autoComplete="off"
              {...p}
              {...form.register("provider.taxonomyCodes")}
            />
          )}
        </Field>
        <Field label={t.capacity} error={e?.capacity?.message}>
          {(p) => (
            <input
              className="sr-input"
              type="number"
              min={1}
              {...p}
              {...form.register("provider.capacity")}
            />
          )}
        </Field>
        <Field label={t.schedulingStep} error={e?.schedulingStep?.message}>
          {(p) => (
            <select className="sr-select" {...p} {...form.register("provider.schedulingStep")}>
              {SCHEDULING_STEPS.map((s) => (
                <option key={s} value={String(s)}>
                  {t.minutes(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {organization.providerTypes.length > 0 ? (
          <fieldset className="sr-fieldset sr-span-2">
            <legend>{t.providerTypes}</legend>
            <div className="sr-row" style={{ gap: 16 }}>
              {organization.providerTypes.map((type) => (
                <label key={type} className="sr-check">
                  <input type="checkbox" value={type} {...form.register("provider.providerTypes")} />
                  {type}
                </label>
              ))}
            </div>
            {e?.providerTypes?.message ? (
              <span className="sr-field-error">{e.providerTypes.message}</span>
            ) : null}
          </fieldset>
        ) : null}
        <Field label={t.bio} error={e?.bio?.message} className="sr-span-2">
          {(p) => <textarea className="sr-textarea" {...p} {...form.register("provider.bio")} />}
        </Field>
      </div>
    </section>
  );
}
