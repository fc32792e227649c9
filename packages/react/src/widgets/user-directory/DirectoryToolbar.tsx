import type { CredentialFilter } from "@staffroom/core";
import { type ReactNode, useId } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { usePartContext } from "./directory-context";

/**
 * `UserDirectory.Toolbar`: the server-side search (debounced; name, email or NPI) and the filters —
 * location, role, administrators, providers, expiring or expired credentials — with "Clear filters"
 * while any applies. Both return
 * to the first page.
 *
 * @example <UserDirectory.Toolbar />
 */
export function DirectoryToolbar(): ReactNode {
  const { api: state } = usePartContext("Toolbar");
  const m = useMessages().directory;
  const { filters, locations, roles, ids } = state;
  const adminsHint = useId();
  const credentialsId = useId();
  const c = useMessages().credentials;
  // What "Administrators only" counts: every role that manages users (core's `administrator`), named.
  const adminRoles = roles.filter((r) => r.administrator).map((r) => r.name);
  return (
    <search className="sr-toolbar" aria-label={m.searchLabel}>
      <div className="sr-search">
        <label htmlFor={ids.search} className="sr-visually-hidden">
          {m.searchLabel}
        </label>
        <svg
          className="sr-search-icon"
          width="16"
          height="16"
          viewBox="0 0 16 16"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="7" cy="7" r="5" stroke="currentColor" strokeWidth="1.6" fill="none" />
          <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          id={ids.search}
          className="sr-input"
          type="search"
          placeholder={m.searchPlaceholder}
          value={state.searchInput}
          onChange={(e) => state.setSearchInput(e.target.value)}
          autoComplete="off"
        />
      </div>
      <label htmlFor={ids.location} className="sr-visually-hidden">
        {m.locationFilter}
      </label>
      <select
        id={ids.location}
        className="sr-select"
        value={filters.locationId ?? ""}
        onChange={(e) => state.setFilters({ locationId: e.target.value || null })}
      >
        <option value="">{m.anyLocation}</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.group ? `${l.name} · ${l.group}` : l.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.role} className="sr-visually-hidden">
        {m.roleFilter}
      </label>
      <select
        id={ids.role}
        className="sr-select"
        value={filters.roleId ?? ""}
        onChange={(e) => state.setFilters({ roleId: e.target.value || null })}
      >
        <option value="">{m.anyRole}</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <label className="sr-check">
        <input
          type="checkbox"
          checked={filters.admin}
          aria-describedby={adminsHint}
          onChange={(e) => state.setFilters({ admin: e.target.checked })}
        />
        {m.adminsOnly}
      </label>
      <span id={adminsHint} className="sr-hint">
        {m.adminsOnlyHint(adminRoles)}
      </span>
      <label className="sr-check">
        <input
          type="checkbox"
          checked={filters.practitioner}
          onChange={(e) => state.setFilters({ practitioner: e.target.checked })}
        />
        {m.practitionersOnly}
      </label>
      <label htmlFor={credentialsId} className="sr-visually-hidden">
        {c.filterLabel}
      </label>
      <select
        id={credentialsId}
        className="sr-select"
        value={filters.credentials ?? ""}
        onChange={(e) =>
          state.setFilters({ credentials: (e.target.value || null) as CredentialFilter | null })
        }
      >
        <option value="">{c.filterAny}</option>
        <option value="expiring">{c.filterExpiring}</option>
        <option value="expired">{c.filterExpired}</option>
      </select>
      {state.filtered ? (
        <Button variant="ghost" size="sm" onClick={state.clearFilters}>
          {m.clearFilters}
        </Button>
      ) : null}
    </search>
  );
}
