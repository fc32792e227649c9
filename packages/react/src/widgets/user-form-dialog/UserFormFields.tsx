import {
  type Location,
  mobilePhoneVerdict,
  type Role,
  SCHEDULING_STEPS,
  type UserFormOptions,
  type Verdict,
} from "@staffroom/core";
import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { optionText, shownVerdict, userAccessOptions } from "../../forms/field-options";
import { screenWords } from "../../messages/catalog-words";
import { useMessages } from "../../provider/context";
import { Field } from "../../ui/Field";
import { NewPasswordFields } from "../account/NewPasswordFields";
import { DEFAULT_PASSWORD_LENGTH } from "../account/password-hint";
import { CredentialFields } from "./CredentialFields";
import { lacksFeature, type UserFormValues } from "./user-form-values";

type Form = UseFormReturn<UserFormValues>;

/** Core's verdict on mobile sign-in without a phone (R10): with it ticked, the phone is required. */
const mobilePhoneRequired = (mobile: boolean): boolean => mobile && !mobilePhoneVerdict(null).allowed;

/** Props shared by the form sections. */
export interface SectionProps {
  readonly form: Form;
}

/**
 * Email, names, initials, title, job title, phones. `compact` keeps only what an invitation needs.
 * The email is read-only, with core's reason, when core refuses changing it (`emailVerdict`: the
 * person's account also belongs to another organization). Default: editable.
 *
 * @example <ProfileFields form={form} emailVerdict={options.fields.email} />
 */
export function ProfileFields({
  form,
  compact,
  emailVerdict,
}: SectionProps & { readonly compact?: boolean; readonly emailVerdict?: Verdict }): ReactNode {
  const m = useMessages();
  const emailLocked = emailVerdict ? shownVerdict(m, emailVerdict).reason : undefined;
  const t = m.userForm;
  const e = form.formState.errors;
  const req = { required: m.common.fieldRequired };
  return (
    <section className="sr-stack" aria-label={t.sections.profile}>
      <h3 className="sr-section-title">{t.sections.profile}</h3>
      <div className="sr-grid-2">
        <Field
          label={t.email}
          hint={emailLocked ?? t.emailHint}
          required
          error={e.email?.message}
          className="sr-span-2"
        >
          {(p) => (
            <input
              className="sr-input"
              type="email"
              autoComplete="off"
              readOnly={emailLocked !== undefined}
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
            <Field
              label={t.primaryPhone}
              hint={t.phoneHint}
              // Required exactly when core would refuse mobile sign-in without it (R10).
              required={mobilePhoneRequired(form.watch("loginChannels.mobile"))}
              error={e.profile?.primaryPhone?.message}
            >
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
 * Role (with the screens it opens), org-wide or per-location access, and the primary location —
 * every choice from core's form options (`users.formOptions`): what core refuses is disabled with
 * its reason beside it, a group core refuses entirely (your own role and locations, an
 * administrator's to anyone but the main contact) is locked with the reason. Choosing a primary
 * location adds it to the access (R8).
 *
 * @example <AccessFields form={form} options={options} roles={roles} locations={locations} />
 */
export function AccessFields({
  form,
  options,
  roles,
  locations,
}: SectionProps & {
  readonly options: UserFormOptions;
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
}): ReactNode {
  const m = useMessages();
  const t = m.userForm;
  const e = form.formState.errors;
  const roleId = form.watch("roleId");
  const mode = form.watch("accessMode");
  const role = roles.find((r) => r.id === roleId);
  const access = userAccessOptions(m, options);
  const groupOf = new Map(locations.map((l) => [l.id, l.group]));
  const orgWide = access.organizationWide;
  const screens = role?.screens.length ? t.roleScreens(screenWords(m, role.screens).join(", ")) : undefined;
  // Choosing a primary location adds it to the access, so the two never disagree (R8).
  const primary = form.register("primaryLocationId", {
    required: m.common.fieldRequired,
    onChange: (event: { target: { value: string } }) => {
      const id = event.target.value;
      const ids = form.getValues("locationIds");
      if (id && form.getValues("accessMode") === "locations" && !ids.includes(id)) {
        form.setValue("locationIds", [...ids, id], { shouldDirty: true });
      }
    },
  });
  return (
    <section className="sr-stack" aria-label={t.sections.access}>
      <h3 className="sr-section-title">{t.sections.access}</h3>
      <div className="sr-grid-2">
        <Field
          label={t.role}
          required
          error={e.roleId?.message}
          hint={access.roleLocked ? [access.roleLocked, screens].filter(Boolean).join(" · ") : screens}
        >
          {(p) => (
            <select
              className="sr-select"
              disabled={access.roleLocked !== null}
              {...p}
              {...form.register("roleId", { required: m.common.fieldRequired })}
            >
              <option value="">{t.chooseRole}</option>
              {access.roles.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {optionText(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t.primaryLocation}
          required
          error={e.primaryLocationId?.message}
          hint={access.primaryLocked ?? undefined}
        >
          {(p) => (
            <select className="sr-select" disabled={access.primaryLocked !== null} {...p} {...primary}>
              <option value="">{t.chooseLocation}</option>
              {access.primaryLocations.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {optionText(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="sr-fieldset sr-span-2" disabled={access.accessLocked !== null}>
          <legend>{t.access}</legend>
          {access.accessLocked ? <span className="sr-hint">{access.accessLocked}</span> : null}
          <div className="sr-row" style={{ gap: 16 }}>
            <label className="sr-check">
              <input
                type="radio"
                value="organization"
                disabled={orgWide.disabled && mode !== "organization"}
                {...form.register("accessMode")}
              />
              {t.accessOrganization}
              {orgWide.reason ? <span className="sr-hint">{orgWide.reason}</span> : null}
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
            disabled={access.accessLocked !== null}
            aria-describedby={e.locationIds ? "sr-locations-error" : undefined}
          >
            <legend>{t.locations}</legend>
            <div className="sr-option-list">
              {access.locations.map((o) => {
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
 * One switch of the options: shown when core allows it, or when it is on (then, refused, disabled
 * with core's reason so it can be seen and explained); an option of a feature the organization
 * lacks is not shown (reference 003: "options shown only when an organization has the feature").
 */
function OptionSwitch({
  form,
  name,
  label,
  verdict,
  quiet,
}: SectionProps & {
  readonly name:
    | "flags.practitioner"
    | "flags.diary"
    | "flags.caseManager"
    | "loginChannels.web"
    | "loginChannels.mobile";
  readonly label: string;
  readonly verdict: Verdict;
  /** The user is refused altogether and the form says why once: no reason of its own. */
  readonly quiet: boolean;
}): ReactNode {
  const m = useMessages();
  const on = form.watch(name);
  if (lacksFeature(verdict) && !on) return null;
  const { disabled, reason } = shownVerdict(m, verdict);
  return (
    <label className="sr-check">
      <input type="checkbox" disabled={disabled && !on} {...form.register(name)} />
      {label}
      {reason && !quiet ? <span className="sr-hint">{reason}</span> : null}
    </label>
  );
}

/**
 * Flags, sign-in channels and licences, each as core's form options allow it (R10: an option of a
 * feature the organization lacks is not shown; mobile login also needs a primary phone, checked on
 * save).
 *
 * @example <OptionsFields form={form} options={options} />
 */
export function OptionsFields({
  form,
  options,
}: SectionProps & { readonly options: UserFormOptions }): ReactNode {
  const t = useMessages().userForm;
  const e = form.formState.errors;
  const quiet = !options.fields.profile.allowed;
  return (
    <section className="sr-stack" aria-label={t.sections.options}>
      <h3 className="sr-section-title">{t.sections.options}</h3>
      <div className="sr-grid-2">
        <OptionSwitch
          form={form}
          quiet={quiet}
          name="flags.practitioner"
          label={t.practitioner}
          verdict={options.flags.practitioner}
        />
        <OptionSwitch
          form={form}
          quiet={quiet}
          name="flags.diary"
          label={t.diary}
          verdict={options.flags.diary}
        />
        <OptionSwitch
          form={form}
          quiet={quiet}
          name="flags.caseManager"
          label={t.caseManager}
          verdict={options.flags.caseManager}
        />
        <OptionSwitch
          form={form}
          quiet={quiet}
          name="loginChannels.web"
          label={t.webLogin}
          verdict={options.loginChannels.web}
        />
        <OptionSwitch
          form={form}
          quiet={quiet}
          name="loginChannels.mobile"
          label={t.mobileLogin}
          verdict={options.loginChannels.mobile}
        />
        {e.flags?.practitioner?.message ? (
          <span className="sr-field-error sr-span-2">{e.flags.practitioner.message}</span>
        ) : null}
        {e.loginChannels?.mobile?.message ? (
          <span className="sr-field-error sr-span-2">{e.loginChannels.mobile.message}</span>
        ) : null}
        {options.licences.length > 0 ? (
          <fieldset className="sr-fieldset sr-span-2">
            <legend>{t.licences}</legend>
            <div className="sr-row" style={{ gap: 16 }}>
              {options.licences.map((l) => (
                <label key={l.value} className="sr-check">
                  <input type="checkbox" value={l.value} {...form.register("licences")} />
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
 * NPI, taxonomy codes, bio, provider types, capacity, scheduling step (W10) and credentials (issue
 * 15: licences, DEA registrations, board certifications with their expiry), for practitioners,
 * when core's form options allow a provider profile (the organization has the provider directory).
 *
 * @example <ProviderFields form={form} options={options} />
 */
export function ProviderFields({
  form,
  options,
}: SectionProps & { readonly options: UserFormOptions }): ReactNode {
  const t = useMessages().userForm;
  const e = form.formState.errors.provider;
  const practitioner = form.watch("flags.practitioner");
  if (!practitioner || lacksFeature(options.provider)) return null;
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
        {options.providerTypes.length > 0 ? (
          <fieldset className="sr-fieldset sr-span-2">
            <legend>{t.providerTypes}</legend>
            <div className="sr-row" style={{ gap: 16 }}>
              {options.providerTypes.map((type) => (
                <label key={type.value} className="sr-check">
                  <input type="checkbox" value={type.value} {...form.register("provider.providerTypes")} />
                  {type.label}
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
        <CredentialFields form={form} />
      </div>
    </section>
  );
}
