import fc from "fast-check";

/**
 * Whom an operation is aimed at: the organization's main contact at the time it runs (half of the
 * picks, the point of the property), or a person of the cast by index.
 *
 * @example { mainContact: false, index: 2 } // the third person of the cast
 */
export type TargetPick =
  | { readonly mainContact: true }
  | { readonly mainContact: false; readonly index: number };

/**
 * Who is at the keyboard: the person who is the main contact when the step runs, or a person of the
 * cast by index.
 *
 * @example { mainContact: false, index: 1 } // the second administrator
 */
export type PersonPick =
  | { readonly mainContact: true }
  | { readonly mainContact: false; readonly index: number };

/**
 * Which of the acting person's sessions an operation runs through: their own user, or a session
 * they obtained as someone else (by index into those they hold; their own user when they hold none).
 *
 * @example { held: 0 } // the first session the person obtained as somebody else
 */
export type AsPick = { readonly own: true } | { readonly own: false; readonly held: number };

/** A write through the directory API, by whoever the acting person is signed in as. */
export type Act =
  | {
      readonly kind: "edit";
      readonly target: TargetPick;
      readonly field: "email" | "profile" | "role" | "locations" | "flags" | "noop";
      readonly role: number;
      readonly location: number;
    }
  | {
      readonly kind: "lifecycle";
      readonly target: TargetPick;
      readonly action: "disable" | "restore" | "delete" | "unlock";
    }
  | { readonly kind: "reset"; readonly target: TargetPick; readonly mode: "temporary" | "link" }
  | {
      readonly kind: "bulk";
      readonly targets: readonly TargetPick[];
      readonly action: "disable" | "restore" | "delete" | "setRole";
      readonly role: number;
    }
  | {
      readonly kind: "toggleRole";
      /** The main contact's role, or a role by index. */
      readonly role:
        | { readonly mainContacts: true }
        | { readonly mainContacts: false; readonly index: number };
      /** A permission of the catalog by index: added when the role lacks it, taken when it has it. */
      readonly permission: number;
    }
  | { readonly kind: "handOver"; readonly target: TargetPick };

/**
 * One generated step of the main-contact property. `person` is who is at the keyboard: the
 * property judges people, not the user ids they act as.
 *
 * @example { kind: "act", person: 1, as: { own: true }, act: { kind: "reset", target: { mainContact: true }, mode: "temporary" } }
 */
export type McOperation =
  | { readonly kind: "act"; readonly person: PersonPick; readonly as: AsPick; readonly act: Act }
  /** The public "forgot password" form, filled in with the target's current email. */
  | { readonly kind: "forgot"; readonly person: PersonPick; readonly target: TargetPick }
  /** The person opens the newest unused reset link in a mailbox they read and sets a password. */
  | { readonly kind: "readMail"; readonly person: PersonPick }
  /** Wrong passwords typed at the sign-in form for the target: anyone can, and enough lock the account (R17). */
  | {
      readonly kind: "guess";
      readonly person: PersonPick;
      readonly target: TargetPick;
      readonly times: number;
    }
  /** The person signs in as the target with a password they know for them (if any). */
  | { readonly kind: "signIn"; readonly person: PersonPick; readonly target: TargetPick }
  /**
   * A takeover chain: get a password for the target (a temporary password; or their email moved to
   * the person's own mailbox, then an admin reset link or the public form, then the link read; or
   * guess until the account locks, unlock it as an admin, and guess on), sign in as them, change the
   * forced password, and act as them.
   */
  | {
      readonly kind: "takeover";
      readonly person: PersonPick;
      readonly as: AsPick;
      readonly target: TargetPick;
      readonly method: "temporary" | "adminLink" | "forgot" | "guessAndUnlock";
      readonly andThen: Act;
    };

const CAST = 7;
const person: fc.Arbitrary<PersonPick> = fc.oneof(
  { arbitrary: fc.constant<PersonPick>({ mainContact: true }), weight: 1 },
  { arbitrary: fc.nat(CAST - 1).map<PersonPick>((index) => ({ mainContact: false, index })), weight: 3 },
);
const target: fc.Arbitrary<TargetPick> = fc.oneof(
  { arbitrary: fc.constant<TargetPick>({ mainContact: true }), weight: 1 },
  { arbitrary: fc.nat(CAST - 1).map<TargetPick>((index) => ({ mainContact: false, index })), weight: 1 },
);
const as: fc.Arbitrary<AsPick> = fc.oneof(
  { arbitrary: fc.constant<AsPick>({ own: true }), weight: 2 },
  { arbitrary: fc.nat(3).map<AsPick>((held) => ({ own: false, held })), weight: 1 },
);

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    target,
    field: fc.constantFrom(
      "email" as const,
      "profile" as const,
      "role" as const,
      "locations" as const,
      "flags" as const,
      "noop" as const,
    ),
    role: fc.nat(9),
    location: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant("lifecycle" as const),
    target,
    action: fc.constantFrom("disable" as const, "restore" as const, "delete" as const, "unlock" as const),
  }),
  fc.record({
    kind: fc.constant("reset" as const),
    target,
    mode: fc.constantFrom("temporary" as const, "link" as const),
  }),
  fc.record({
    kind: fc.constant("bulk" as const),
    targets: fc.array(target, { minLength: 1, maxLength: 3 }),
    action: fc.constantFrom("disable" as const, "restore" as const, "delete" as const, "setRole" as const),
    role: fc.nat(9),
  }),
  fc.record({
    kind: fc.constant("toggleRole" as const),
    role: fc.oneof(
      { arbitrary: fc.constant({ mainContacts: true as const }), weight: 2 },
      { arbitrary: fc.nat(9).map((index) => ({ mainContacts: false as const, index })), weight: 1 },
    ),
    permission: fc.nat(30),
  }),
  fc.record({ kind: fc.constant("handOver" as const), target }),
);

/**
 * Random steps of the main-contact property: writes by random people through their own or an
 * obtained session, public reset requests, mail reading, sign-ins and whole takeover chains.
 *
 * @example fc.array(mcOperationArbitrary, { maxLength: 30 })
 */
export const mcOperationArbitrary: fc.Arbitrary<McOperation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("act" as const), person, as, act }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("forgot" as const), person, target }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("readMail" as const), person }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("signIn" as const), person, target }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("guess" as const),
      person,
      target,
      times: fc.constantFrom(1, 10),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("takeover" as const),
      person,
      as,
      target,
      method: fc.constantFrom(
        "temporary" as const,
        "adminLink" as const,
        "forgot" as const,
        "guessAndUnlock" as const,
      ),
      andThen: act,
    }),
    weight: 3,
  },
);

/**
 * How a run starts: the owner is the main contact (Administrator, every permission), or the owner
 * has handed over to the "Lean admin" (so the main contact's role lacks permissions that other
 * administrators could add to it).
 *
 * @example { start: "leanHeir", operations: [...] }
 */
export interface McRun {
  readonly start: "owner" | "leanHeir";
  readonly operations: readonly McOperation[];
}

/**
 * A run of the main-contact property: a start and up to `maxCommands` steps.
 *
 * @example fc.assert(fc.asyncProperty(mcRunArbitrary(30), (run) => runMcOperations(factory, run)));
 */
export function mcRunArbitrary(maxCommands: number): fc.Arbitrary<McRun> {
  return fc.record({
    start: fc.constantFrom("owner" as const, "leanHeir" as const),
    operations: fc.array(mcOperationArbitrary, { minLength: 1, maxLength: maxCommands }),
  });
}
