import type { OrganizationChoice, SignInResult } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useOrganizationChoices, useSwitchOrganization } from "../../hooks/account-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { MenuButton } from "../../ui/Menu";

/** Props of {@link OrganizationSwitcher}. */
export interface OrganizationSwitcherProps {
  /** The session token the host holds (`""` with cookie sessions). After a switch it is dead: store the new one. */
  readonly token: string;
  /** Called with the new session (token, session view, organizations) after a switch. */
  readonly onSwitched: (result: SignInResult) => void;
  readonly className?: string;
}

const Chevron = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M4 6l4 4 4-4" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
  </svg>
);

/**
 * W3 switch organization: the organizations of the signed-in person (`auth.organizations`) in a
 * keyboard menu (Enter or ArrowDown opens it, arrows move, Enter picks, Escape closes); picking one
 * calls `auth.switchOrganization` and hands the new token and session to the host, which owns token
 * storage. With one organization it shows just its name.
 *
 * @example
 * <StaffroomProvider auth={auth}>
 *   <OrganizationSwitcher token={token} onSwitched={({ token }) => setToken(token)} />
 * </StaffroomProvider>
 */
export function OrganizationSwitcher({ token, onSwitched, className }: OrganizationSwitcherProps): ReactNode {
  const m = useMessages();
  const t = m.switcher;
  const choices = useOrganizationChoices(token);
  const switching = useSwitchOrganization();
  const [target, setTarget] = useState<OrganizationChoice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const root = className ? `sr-switcher ${className}` : "sr-switcher";

  if (choices.isError) {
    return (
      <div className={root}>
        <Alert
          tone="danger"
          title={t.loadError}
          action={
            <Button size="sm" onClick={() => void choices.refetch()}>
              {t.retry}
            </Button>
          }
        >
          {errorMessage(m, choices.error)}
        </Alert>
      </div>
    );
  }
  const list = choices.data;
  const current = list?.find((c) => c.current) ?? list?.[0];
  if (!list || !current) {
    return (
      <div className={root}>
        <span className="sr-switcher-static" role="status">
          {t.loading}
        </span>
      </div>
    );
  }

  const switchTo = async (organizationId: string) => {
    const choice = list.find((c) => c.organizationId === organizationId);
    if (!choice || choice.current || target) return;
    setFailure(null);
    setTarget(choice);
    try {
      onSwitched(await switching.mutate({ token, organizationId }));
    } catch (error) {
      setFailure(errorMessage(m, error));
    } finally {
      setTarget(null);
    }
  };

  return (
    <div className={root}>
      {list.length < 2 ? (
        <span className="sr-switcher-static">
          <span className="sr-switcher-caption">{t.caption}</span>
          <span className="sr-switcher-name">{current.name}</span>
        </span>
      ) : (
        <SwitcherMenu
          list={list}
          current={current}
          busyLabel={target ? t.switching(target.name) : null}
          onPick={(id) => void switchTo(id)}
        />
      )}
      {failure ? (
        <Alert tone="danger" title={t.switchError}>
          {failure}
        </Alert>
      ) : null}
    </div>
  );
}

function SwitcherMenu({
  list,
  current,
  busyLabel,
  onPick,
}: {
  readonly list: readonly OrganizationChoice[];
  readonly current: OrganizationChoice;
  readonly busyLabel: string | null;
  readonly onPick: (organizationId: string) => void;
}): ReactNode {
  const { messages } = useStaffroom();
  const t = messages.switcher;
  return (
    <>
      <MenuButton
        trigger={
          <>
            <span className="sr-switcher-caption">{t.caption}</span>{" "}
            <span className="sr-switcher-name">{busyLabel ?? current.name}</span>
            <span className="sr-visually-hidden"> {t.switchHint}</span>
            {busyLabel ? <span className="sr-spinner" aria-hidden="true" /> : <Chevron />}
          </>
        }
        triggerProps={{ className: "sr-switcher-trigger", ...(busyLabel ? { "aria-busy": true } : {}) }}
        align="start"
        menuLabel={t.menuLabel}
        showLabel
        menuClassName="sr-switcher-menu"
        items={list.map((choice) => ({
          key: choice.organizationId,
          textValue: choice.name,
          checked: choice.organizationId === current.organizationId,
          onSelect: () => {
            if (choice.organizationId !== current.organizationId) onPick(choice.organizationId);
          },
          label: (
            <>
              <span className="sr-switcher-item-name">{choice.name}</span>
              {choice.current ? (
                <span className="sr-switcher-current" aria-hidden="true">
                  {t.current}
                </span>
              ) : null}
            </>
          ),
        }))}
        renderIndicator={(item) => (
          <span className="sr-switcher-check" aria-hidden="true">
            {item.checked ? "✓" : null}
          </span>
        )}
      />
      {busyLabel ? (
        <span className="sr-visually-hidden" role="status">
          {busyLabel}
        </span>
      ) : null}
    </>
  );
}
