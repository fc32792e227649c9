import { SESSION_LIMIT_BOUNDS, type SeatUsage } from "@staffroom/core";
import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useMessages } from "../../provider/context";
import { Field } from "../../ui/Field";
import { FEATURE_KEYS, type OrganizationFormValues, SEAT_KINDS } from "./organization-form-values";
import { SeatMeter } from "./SeatMeter";

type Form = UseFormReturn<OrganizationFormValues>;

/**
 * A titled block of the settings form: title and hint on the left, controls on the right.
 *
 * @example <SettingsSection title="Seats" hint="Leave a limit empty for unlimited seats.">…</SettingsSection>
 */
export function SettingsSection({
  title,
  hint,
  children,
}: {
  readonly title: string;
  readonly hint?: string;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <section className="sr-settings-section" aria-label={title}>
      <div className="sr-settings-aside">
        <h3 className="sr-settings-title">{title}</h3>
        {hint ? <p className="sr-hint">{hint}</p> : null}
      </div>
      <div className="sr-stack sr-settings-body">{children}</div>
    </section>
  );
}

/**
 * The organization's name.
 *
 * @example <GeneralSection form={form} />
 */
export function GeneralSection({ form }: { readonly form: Form }): ReactNode {
  const t = useMessages().organizationSettings;
  return (
    <SettingsSection title={t.sections.general}>
      <Field label={t.name} required error={form.formState.errors.name?.message}>
        {(p) => <input className="sr-input" autoComplete="organization" {...p} {...form.register("name")} />}
      </Field>
    </SettingsSection>
  );
}

/**
 * W11 feature switches, each with what it enables.
 *
 * @example <FeaturesSection form={form} />
 */
export function FeaturesSection({ form }: { readonly form: Form }): ReactNode {
  const t = useMessages().organizationSettings;
  return (
    <SettingsSection title={t.sections.features}>
      <ul className="sr-settings-list">
        {FEATURE_KEYS.map((key) => (
          <li key={key}>
            <label className="sr-switch">
              <input
                type="checkbox"
                role="switch"
                className="sr-switch-input"
                aria-checked={form.watch(`features.${key}`)}
                {...form.register(`features.${key}`)}
              />
              <span className="sr-switch-track" aria-hidden="true" />
              <span className="sr-switch-text">
                <span className="sr-switch-label">{t.feature[key]}</span>
                <span className="sr-hint">{t.featureHint[key]}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}

/**
 * R9 seats: usage from `organization.usage()` beside each limit; concurrent sessions show the limit
 * only (core counts them at sign-in).
 *
 * @example <SeatsSection form={form} usage={usage} />
 */
export function SeatsSection({
  form,
  usage,
}: {
  readonly form: Form;
  readonly usage: SeatUsage | undefined;
}): ReactNode {
  const t = useMessages().organizationSettings;
  const s = t.seats;
  const e = form.formState.errors.seats;
  const labels = { named: s.named, practitioners: s.practitioners, concurrent: s.concurrent };
  const hints = { named: s.namedHint, practitioners: s.practitionersHint, concurrent: s.concurrentHint };
  return (
    <SettingsSection title={t.sections.seats} hint={s.limitHint}>
      {SEAT_KINDS.map((kind) => {
        // Core counts named and practitioner seats; concurrent sessions only have a limit here.
        const seat = usage?.[kind];
        const used = seat && "used" in seat ? seat : undefined;
        return (
          <div key={kind} className="sr-seat-row">
            <div className="sr-seat-about">
              <span className="sr-label">{labels[kind]}</span>
              <span className="sr-hint">{hints[kind]}</span>
              {used ? <SeatMeter label={labels[kind]} used={used.used} limit={used.limit} /> : null}
            </div>
            <Field label={s.limit(labels[kind])} error={e?.[kind]?.message} className="sr-seat-limit">
              {(p) => (
                <input
                  className="sr-input"
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  placeholder={s.unlimited}
                  {...p}
                  {...form.register(`seats.${kind}`)}
                />
              )}
            </Field>
          </div>
        );
      })}
    </SettingsSection>
  );
}

/**
 * W13 session limits: how long a session may stay unused, and how long it lasts at most, in the
 * bounds core's schema holds (5–240 minutes, 1–24 hours); core's issues land on their fields.
 *
 * @example <SessionLimitsSection form={form} />
 */
export function SessionLimitsSection({ form }: { readonly form: Form }): ReactNode {
  const t = useMessages().organizationSettings;
  const s = t.sessionLimits;
  const e = form.formState.errors.sessionLimits;
  const { idleMinutes: idle, lifetimeHours: lifetime } = SESSION_LIMIT_BOUNDS;
  return (
    <SettingsSection title={t.sections.sessions} hint={s.hint}>
      <Field label={s.idle} hint={s.idleHint(idle.min, idle.max)} required error={e?.idleMinutes?.message}>
        {(p) => (
          <input
            className="sr-input sr-number-input"
            type="number"
            min={idle.min}
            max={idle.max}
            step={1}
            inputMode="numeric"
            {...p}
            {...form.register("sessionLimits.idleMinutes")}
          />
        )}
      </Field>
      <Field
        label={s.lifetime}
        hint={s.lifetimeHint(lifetime.min, lifetime.max)}
        required
        error={e?.lifetimeHours?.message}
      >
        {(p) => (
          <input
            className="sr-input sr-number-input"
            type="number"
            min={lifetime.min}
            max={lifetime.max}
            step={1}
            inputMode="numeric"
            {...p}
            {...form.register("sessionLimits.lifetimeHours")}
          />
        )}
      </Field>
    </SettingsSection>
  );
}
