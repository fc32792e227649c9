import {
  type AccessSubject,
  type AccessTarget,
  type ActorView,
  accessSubject,
  allowedUserActions,
  decide,
  type User,
  type UserAction,
  type UserActionFacts,
} from "@staffroom/core";

/** What `me()` answers over the wire: the ActorView and the administrator roles (null without `users.manage`). @example const me: MeResponse<DefaultPermission> = { ...actorView, adminRoleIds: ["rol_…"] } */
export type MeResponse<P extends string> = ActorView<P> & { readonly adminRoleIds: readonly string[] | null };

/**
 * The actor as last loaded by `me()`: `can()` and `users.actions()` answer from it synchronously with
 * core's own decision functions, exactly as a local directory does.
 *
 * @example const state = actorState(); state.load(me); state.can("users.manage", user)
 */
export interface ActorState<P extends string> {
  /** Takes a `me` response; returns the ActorView without the wire-only field. */
  load(me: MeResponse<P>): ActorView<P>;
  /** Forgets the loaded actor: `can()` is false and `actions()` empty until the next `me()`. */
  reset(): void;
  can(permission: P, target?: AccessTarget): boolean;
  actions(user: User): UserAction[];
}

/** A fresh {@link ActorState}: nothing loaded, every answer false or empty. @example actorState<DefaultPermission>() */
export function actorState<P extends string>(): ActorState<P> {
  let subject: AccessSubject | null = null;
  const unknown: UserActionFacts = { adminRoleIds: null, mainContactUserId: null };
  let facts = unknown;
  return {
    load(me) {
      const { adminRoleIds, ...view } = me;
      subject = accessSubject(view.user.id, view.permissions, view.user.locationAccess, view.isMainContact);
      facts = {
        adminRoleIds: adminRoleIds ? new Set(adminRoleIds) : null,
        mainContactUserId: view.mainContactUserId,
      };
      return view;
    },
    reset() {
      subject = null;
      facts = unknown;
    },
    can: (permission, target) => (subject ? decide(subject, permission, target) : false),
    actions: (user) => allowedUserActions(subject, facts, user),
  };
}
