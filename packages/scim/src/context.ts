import {
  DirectoryError,
  type DirectoryGroup,
  type ProvisioningSettings,
  type StaffDirectory,
  type User,
} from "@staffroom/core";
import type { PageCursors } from "./cursors";

/**
 * Options of {@link createScimHandler}; every one has a default.
 *
 * @example { basePath: "/scim/v2", passwords: "ignore", maxResults: 200 }
 */
export interface ScimHandlerOptions {
  /** Where the handler is mounted; requests outside it are 404. Default "/scim/v2". */
  readonly basePath?: string;
  /**
   * The public origin of the endpoint, for `meta.location` and `Location` (never the Host header
   * when set). Default: the request URL's origin.
   */
  readonly publicBaseUrl?: string;
  /**
   * What a `password` the identity provider sends does. "ignore" (default): nothing — Okta sends
   * one unasked; people set theirs with a reset link. "set": it becomes the password (R16 applies;
   * a refused one is `invalidValue`), and /ServiceProviderConfig says `changePassword: true`.
   */
  readonly passwords?: "ignore" | "set";
  /** Largest page (`count`) and `filter.maxResults`. Default 200 (core's largest page). */
  readonly maxResults?: number;
  /** Page size when a list request gives no `count`. Default 100. */
  readonly defaultCount?: number;
  /** Largest body. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** The client address for the audit trail (the identity provider's server), if your server knows it. Default: none. */
  readonly clientAddress?: (request: Request) => string | undefined;
  /** Bugs (never refusals): default `console.error` of the error's name and message. */
  readonly onError?: (error: unknown, request: Request) => void;
}

/** {@link ScimHandlerOptions} with defaults applied. */
export interface ResolvedScimOptions {
  readonly basePath: string;
  readonly publicBaseUrl: string | null;
  readonly passwords: boolean;
  readonly maxResults: number;
  readonly defaultCount: number;
  readonly maxBodyBytes: number;
  readonly clientAddress: ((request: Request) => string | undefined) | null;
  readonly onError: (error: unknown, request: Request) => void;
}

/** Applies the defaults; throws a TypeError for options no server should start with. */
export function resolveOptions(options: ScimHandlerOptions = {}): ResolvedScimOptions {
  const basePath = (options.basePath ?? "/scim/v2").replace(/\/+$/, "");
  if (basePath !== "" && !basePath.startsWith("/")) throw new TypeError("basePath starts with /");
  const maxResults = options.maxResults ?? 200;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 200)
    throw new TypeError("maxResults is a whole number from 1 to 200");
  const defaultCount = options.defaultCount ?? Math.min(100, maxResults);
  if (!Number.isInteger(defaultCount) || defaultCount < 1 || defaultCount > maxResults)
    throw new TypeError("defaultCount is a whole number from 1 to maxResults");
  return {
    basePath,
    publicBaseUrl: options.publicBaseUrl ? options.publicBaseUrl.replace(/\/+$/, "") : null,
    passwords: options.passwords === "set",
    maxResults,
    defaultCount,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    clientAddress: options.clientAddress ?? null,
    onError:
      options.onError ??
      ((error) =>
        console.error(
          "[staffroom/scim] unexpected error:",
          error instanceof Error ? error.name : typeof error,
        )),
  };
}

/**
 * One request's view: the token's directory, the endpoint's absolute URL, and the organization's
 * groups and provisioning settings, each loaded at most once per request.
 */
export class RequestContext {
  private groupsLoaded: Promise<DirectoryGroup[]> | null = null;
  private settingsLoaded: Promise<ProvisioningSettings> | null = null;

  constructor(
    readonly staff: StaffDirectory<string>,
    readonly base: string,
    readonly options: ResolvedScimOptions,
    /** The acting token's id (keys the page cursors). */
    readonly actorId: string,
    readonly cursors: PageCursors,
  ) {}

  /** Roles by name, then mapped groups, as core shows them to the token (`provisioning.groups`). */
  groups(): Promise<DirectoryGroup[]> {
    this.groupsLoaded ??= this.staff.provisioning.groups();
    return this.groupsLoaded;
  }

  /** The organization's provisioning settings (defaults of new users, mapped groups). */
  settings(): Promise<ProvisioningSettings> {
    this.settingsLoaded ??= this.staff.provisioning.settings();
    return this.settingsLoaded;
  }

  /** A user, or null when the token cannot see it (core's `not_found`). */
  async userOrNull(id: string): Promise<User | null> {
    try {
      return await this.staff.users.get(id);
    } catch (error) {
      if (error instanceof DirectoryError && error.code === "not_found") return null;
      throw error;
    }
  }
}
