import { type CatalogView, DirectoryError, type Verdict } from "@staffroom/core";
import { type ReactNode, useId, useRef, useState } from "react";
import { useUpdateRole } from "../../hooks/admin-mutations";
import { useRoleCatalog, useRoleFormOptions, useRoles } from "../../hooks/reads";
import { moduleWords, permissionWords, screenWords } from "../../messages/catalog-words";
import { errorMessage, refusalMessage } from "../../messages/error-message";
import { useDirectory, useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { StaleAlert } from "../../ui/StaleAlert";
import { useControllable } from "../../ui/use-controllable";
import { draftChanges, type RoleDraft, rebaseDraft, stagePermission } from "./role-draft";

/** Props of {@link PermissionMatrix}. */
export interface PermissionMatrixProps {
  /** The role whose permissions it shows and toggles. */
  readonly roleId: string;
  /**
   * The staged, unsaved changes (controlled, with `onDraftChange`): RolesManager keeps them per role
   * so moving between roles loses nothing. Default: the matrix keeps its own.
   */
  readonly draft?: RoleDraft | null;
  readonly onDraftChange?: (draft: RoleDraft | null) => void;
  readonly className?: string;
}

type Action = CatalogView["modules"][number]["actions"][number];

/**
 * W7: a role's permissions grouped by module (`roles.catalog()`), one switch each with the screens it
 * opens. Moving a switch only stages the change: a bar says how many changes wait and who they
 * apply to (the role's holders, core's `userCount`) with Save and Discard, and Save is one
 * versioned `roles.update` naming the version the changes were staged on. A refusal keeps the
 * changes staged with core's reason; a stale version offers Reload, which loads the current
 * permissions and stages the person's changes on top of them again.
 *
 * Which switches may move is core's verdict (`roles.formOptions(roleId)`): when the role's
 * permissions may not change at all — your own role, the main contact's to anyone else, or an actor
 * who does not manage roles — the matrix is read-only with the reason above it; a single switch core
 * refuses (a permission the actor does not hold, R3; taking one from administrators, R7) stays
 * focusable but locked, with the reason beside it.
 *
 * @example <PermissionMatrix roleId={role.id} />
 */
export function PermissionMatrix({
  roleId,
  draft: draftProp,
  onDraftChange,
  className,
}: PermissionMatrixProps): ReactNode {
  const m = useMessages();
  const t = m.roles.matrix;
  const id = useId();
  const directory = useDirectory();
  const roles = useRoles();
  const catalog = useRoleCatalog();
  const options = useRoleFormOptions(roleId);
  const update = useUpdateRole();
  const busy = useRef(false);
  const [draft, setDraft] = useControllable<RoleDraft | null>({
    value: draftProp,
    defaultValue: null,
    onChange: onDraftChange,
  });
  const [problem, setProblem] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [rebased, setRebased] = useState<number | null>(null);
  const [said, setSaid] = useState("");
  const role = roles.data?.find((r) => r.id === roleId);

  if (roles.isError || catalog.isError) {
    const retry = () => void Promise.all([roles.refetch(), catalog.refetch()]);
    return (
      <Alert
        tone="danger"
        title={m.roles.loadError}
        action={
          <Button size="sm" onClick={retry}>
            {m.common.retry}
          </Button>
        }
      >
        {errorMessage(m, roles.error ?? catalog.error)}
      </Alert>
    );
  }
  if (!role || !catalog.data || !options.data) {
    return (
      <p className="sr-muted" role="status">
        {m.roles.loading}
      </p>
    );
  }

  const stage = (action: Action, allow: boolean) => {
    if (busy.current) return;
    setSaid("");
    setRebased(null);
    setDraft((current) => stagePermission(current, role, action.permission, allow));
  };
  const save = async () => {
    if (busy.current || !draft) return;
    busy.current = true;
    setProblem(null);
    setStale(false);
    setRebased(null);
    setSaid("");
    try {
      await update.mutate({
        id: role.id,
        patch: { permissions: [...draft.permissions] },
        version: draft.version,
      });
      setDraft(null);
      setSaid(t.savedAll(role.name, role.userCount));
    } catch (error) {
      if (DirectoryError.is(error, "stale")) setStale(true);
      else setProblem(error);
    } finally {
      busy.current = false;
    }
  };
  const discard = () => {
    setDraft(null);
    setProblem(null);
    setStale(false);
    setRebased(null);
    setSaid(t.discarded);
  };
  // Reload after a conflict: the current permissions, with the person's changes staged on them again.
  const reload = async () => {
    const fresh = (await directory.roles.list()).find((r) => r.id === role.id);
    await roles.refetch();
    setStale(false);
    if (!fresh || !draft) return;
    const next = rebaseDraft(draft, fresh);
    setDraft(next);
    const { added, removed } = draftChanges(next);
    setRebased(next ? added.length + removed.length : null);
  };
  const readOnlyId = `${id}-read-only`;
  const shown = new Set(draft?.permissions ?? role.permissions);
  const changed = new Set(draft ? [...draftChanges(draft).added, ...draftChanges(draft).removed] : []);
  // Core's verdicts: may this role's permissions change at all, and may each switch move. A plain
  // `forbidden` (not a role manager; a permission not held, R3) is said in the matrix's own words.
  const reasonOf = (verdict: Verdict, words: string) =>
    verdict.allowed
      ? null
      : (m.errors.refusal(verdict) ?? (verdict.code === "forbidden" ? words : refusalMessage(m, verdict)));
  const locked = reasonOf(options.data.permissions, m.roles.readOnly);
  const toggles = new Map(options.data.toggles.map((o) => [o.value, reasonOf(o.verdict, t.notHeld)]));

  return (
    <fieldset
      className={className ? `sr-matrix ${className}` : "sr-matrix"}
      aria-busy={update.isPending || undefined}
    >
      <legend className="sr-visually-hidden">{t.label(role.name)}</legend>
      {locked === null ? null : (
        <p className="sr-matrix-note" id={readOnlyId}>
          <LockIcon />
          {locked}
        </p>
      )}
      {stale ? <StaleAlert title={t.staleTitle} body={t.staleBody} onReload={() => void reload()} /> : null}
      {rebased !== null ? <Alert tone="info">{t.rebased(rebased)}</Alert> : null}
      {problem ? (
        <Alert
          tone="danger"
          title={t.refusedTitle}
          action={
            <Button size="sm" variant="ghost" onClick={() => setProblem(null)}>
              {m.roles.dismiss}
            </Button>
          }
        >
          {errorMessage(m, problem)}
        </Alert>
      ) : null}
      <span className="sr-visually-hidden" role="status">
        {said}
      </span>
      {catalog.data.modules.map((module) => (
        <fieldset key={module.key} className="sr-matrix-module">
          <legend className="sr-matrix-legend">
            {moduleWords(m, module.key, module.label)}
            <span className="sr-matrix-count">
              {t.moduleCount(
                module.actions.filter((a) => shown.has(a.permission)).length,
                module.actions.length,
              )}
            </span>
          </legend>
          <ul className="sr-matrix-actions">
            {module.actions.map((action) => (
              <MatrixSwitch
                key={action.permission}
                action={action}
                on={shown.has(action.permission)}
                changed={changed.has(action.permission)}
                // The role-wide reason is said once, above; a switch says only its own.
                reason={locked ?? toggles.get(action.permission) ?? null}
                reasonId={locked === null ? `${id}-${action.permission}-reason` : readOnlyId}
                showReason={locked === null}
                onToggle={(allow) => stage(action, allow)}
              />
            ))}
          </ul>
        </fieldset>
      ))}
      {draft ? (
        <fieldset className="sr-matrix-bar" aria-labelledby={`${id}-pending`}>
          <p className="sr-matrix-bar-text">
            <span id={`${id}-pending`}>{t.pending(changed.size)}</span>{" "}
            <strong>{t.applies(role.userCount)}</strong>
          </p>
          <div className="sr-row">
            <Button size="sm" variant="ghost" onClick={discard} disabled={update.isPending}>
              {t.discard}
            </Button>
            <Button size="sm" variant="primary" onClick={() => void save()} disabled={update.isPending}>
              {t.save}
            </Button>
          </div>
        </fieldset>
      ) : null}
    </fieldset>
  );
}

interface MatrixSwitchProps {
  readonly action: Action;
  readonly on: boolean;
  /** Moved, not saved yet. */
  readonly changed: boolean;
  /** Why core refuses moving this switch; null when it may move. */
  readonly reason: string | null;
  /** The element explaining why the switch is locked. */
  readonly reasonId: string;
  /** Show the reason beside the switch (else it is the matrix's note, `reasonId`). */
  readonly showReason: boolean;
  readonly onToggle: (allow: boolean) => void;
}

/** One permission as a switch; locked switches stay focusable so keyboard users hear why. */
function MatrixSwitch(props: MatrixSwitchProps): ReactNode {
  const { action, on, changed, reason, reasonId, showReason, onToggle } = props;
  const m = useMessages();
  const t = m.roles.matrix;
  const changedId = useId();
  const locked = reason !== null;
  const describedBy = [locked ? reasonId : null, changed ? changedId : null].filter(Boolean).join(" ");
  return (
    <li className="sr-matrix-action" data-locked={locked || undefined} data-changed={changed || undefined}>
      <label className="sr-switch">
        <input
          type="checkbox"
          role="switch"
          className="sr-switch-input"
          checked={on}
          aria-checked={on}
          aria-disabled={locked || undefined}
          aria-describedby={describedBy || undefined}
          onChange={() => {
            if (!locked) onToggle(!on);
          }}
        />
        <span className="sr-switch-track" aria-hidden="true" />
        <span className="sr-switch-text">
          <span className="sr-switch-label">{permissionWords(m, action.permission, action.label)}</span>
          {action.screens.length ? (
            <span className="sr-hint">{t.screens(screenWords(m, action.screens))}</span>
          ) : null}
        </span>
      </label>
      {changed ? (
        <span className="sr-matrix-changed" id={changedId}>
          {t.unsavedMark}
        </span>
      ) : null}
      {locked && showReason ? (
        <span className="sr-matrix-reason" id={reasonId}>
          <LockIcon />
          {reason}
        </span>
      ) : null}
    </li>
  );
}

function LockIcon(): ReactNode {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M5 7V5a3 3 0 1 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 1 0-3 0v2Z"
      />
    </svg>
  );
}
