import {
  type AccessTarget,
  type ActorFacts,
  type ActorView,
  actorFactsOf,
  decide,
  type User,
  type UserActionOffer,
  userActionOffers,
} from "@staffroom/core";

/**
 * The snapshot of the actor the last `me()` loaded — and nothing else loads it: `can()` and
 * `users.actions()` answer from it synchronously with core's own verdicts, exactly as a local
 * directory does, whatever other calls ran since.
 *
 * @example const state = actorState(); state.load(await me()); state.can("users.manage", user)
 */
export interface ActorState<P extends string> {
  /** Takes a `me()` answer as the new snapshot; returns it. */
  load(me: ActorView<P>): ActorView<P>;
  /** Forgets the snapshot: `can()` is false and `actions()` empty until the next `me()`. */
  reset(): void;
  can(permission: P, target?: AccessTarget): boolean;
  actions(user: User): readonly UserActionOffer[];
}

/** A fresh {@link ActorState}: nothing loaded, every answer false or empty. @example actorState<DefaultPermission>() */
export function actorState<P extends string>(): ActorState<P> {
  let snapshot: ActorFacts | null = null;
  return {
    load(me) {
      snapshot = actorFactsOf(me);
      return me;
    },
    reset() {
      snapshot = null;
    },
    can: (permission, target) => (snapshot ? decide(snapshot.subject, permission, target) : false),
    actions: (user) => userActionOffers(snapshot, { ...user, account: null }),
  };
}
