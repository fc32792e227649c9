import type { OrgIndex } from "./model";

/**
 * Who acts: the organization's current main contact, or a user by index into the model.
 *
 * @example { mainContact: false, index: 2 } // the third user of the model
 */
export type ActorPick =
  | { readonly mainContact: true }
  | { readonly mainContact: false; readonly index: number };

/**
 * Location access as indexes into the organization's locations.
 *
 * @example { orgWide: false, locations: [0, 2], primary: 1 }
 */
export interface AccessPick {
  readonly orgWide: boolean;
  readonly locations: readonly number[];
  readonly primary: number;
}

/**
 * A new email, or an email already used in one of the organizations (duplicates, one account in two orgs).
 *
 * @example { reuse: true, org: 1, index: 0 } // the other organization's owner email
 */
export type EmailPick =
  | { readonly reuse: false }
  | { readonly reuse: true; readonly org: OrgIndex; readonly index: number };

/**
 * Which ids of the other organization a cross-organization attempt uses.
 *
 * @example "grantForeignRole" // create a user with a role id of the other organization
 */
export type ForeignProbe =
  | "get"
  | "update"
  | "disable"
  | "restore"
  | "delete"
  | "revoke"
  | "grantForeignRole"
  | "grantForeignLocation"
  | "setForeignRole"
  | "updateForeignRole"
  | "archiveForeignLocation"
  | "handOverToForeign"
  | "bulkForeign"
  | "actInOtherOrg";

interface Base {
  readonly org: OrgIndex;
  readonly actor: ActorPick;
}

/**
 * One generated operation. Everything is an index into the model's arrays (shrinking-friendly); the
 * executor resolves indexes against the state at the time the operation runs.
 *
 * @example { kind: "disable", org: 0, actor: { mainContact: true }, target: 1, stale: false }
 */
export type Operation =
  | (Base & {
      readonly kind: "create" | "invite";
      readonly role: number;
      readonly access: AccessPick;
      readonly email: EmailPick;
    })
  | (Base & {
      readonly kind: "setRole";
      readonly target: number;
      readonly role: number;
      readonly stale: boolean;
    })
  | (Base & {
      readonly kind: "setLocations";
      readonly target: number;
      readonly access: AccessPick;
      readonly stale: boolean;
    })
  | (Base & {
      readonly kind: "setProfile";
      readonly target: number;
      readonly title: number;
      readonly stale: boolean;
    })
  | (Base & {
      readonly kind: "disable" | "restore" | "delete" | "revoke";
      readonly target: number;
      readonly stale: boolean;
    })
  | (Base & {
      readonly kind: "createRole";
      readonly fromActor: boolean;
      readonly mask: number;
      readonly extra: number | null;
    })
  | (Base & {
      readonly kind: "toggleRole";
      readonly role: number;
      /** Toggle permissions the actor holds (indexes into its permissions) rather than any of the catalog. */
      readonly fromActor: boolean;
      readonly toggles: readonly number[];
      readonly stale: boolean;
    })
  | (Base & { readonly kind: "createLocation" })
  | (Base & { readonly kind: "archiveLocation"; readonly location: number; readonly stale: boolean })
  | (Base & { readonly kind: "handOver"; readonly target: number })
  | (Base & {
      readonly kind: "bulk";
      readonly action: "disable" | "restore" | "delete" | "setRole";
      readonly targets: readonly number[];
      readonly role: number;
    })
  | (Base & { readonly kind: "foreign"; readonly probe: ForeignProbe; readonly target: number });
