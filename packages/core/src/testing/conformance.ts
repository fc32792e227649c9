import { describe } from "vitest";
import { registerAdminTests } from "./conformance/admins";
import { registerAffordanceTests } from "./conformance/affordances";
import { registerAuditTests } from "./conformance/audit";
import { registerAuthAbuseTests } from "./conformance/auth-abuse";
import { registerAuthAcceptTests } from "./conformance/auth-accept";
import { registerAuthChangeTests } from "./conformance/auth-change";
import { registerAuthLockoutTests } from "./conformance/auth-lockout";
import { registerAuthPasswordPolicyTests } from "./conformance/auth-policy";
import { registerAuthResetTests } from "./conformance/auth-reset";
import { registerAuthSessionTests } from "./conformance/auth-sessions";
import { registerAuthSignInTests } from "./conformance/auth-sign-in";
import { registerBoundaryTests } from "./conformance/boundary";
import { registerCursorBoundaryTests } from "./conformance/boundary-cursors";
import { registerCredentialTests } from "./conformance/credentials";
import { registerDirectoryTests } from "./conformance/directory";
import { registerErasureTests } from "./conformance/erasure";
import { registerErrorTests } from "./conformance/errors";
import { registerFeatureTests } from "./conformance/features";
import { registerImportTests } from "./conformance/import";
import { registerInvitationTests } from "./conformance/invitations";
import { registerInviteManyTests } from "./conformance/invite-many";
import { registerLifecycleTests } from "./conformance/lifecycle";
import { registerLocationTests } from "./conformance/locations";
import { registerMainContactTests } from "./conformance/main-contact";
import { registerOrganizationTests } from "./conformance/organization";
import { registerProviderTests } from "./conformance/provider";
import { registerProviderTypeTests } from "./conformance/provider-types";
import { registerProvisioningTests } from "./conformance/provisioning";
import { registerRoleTests } from "./conformance/roles";
import { registerScopeTests } from "./conformance/scope";
import { registerScreenTests } from "./conformance/screens";
import { registerSeatTests } from "./conformance/seats";
import { registerSecretTests } from "./conformance/secrets";
import { registerSessionLimitTests } from "./conformance/session-limits";
import { registerSessionAdminTests } from "./conformance/sessions-admin";
import { registerTotalTests } from "./conformance/totals";
import { registerUserCreateTests } from "./conformance/users";
import { registerUserEditTests } from "./conformance/users-edit";
import { registerFormOptionTests, registerVerdictTests } from "./conformance/verdicts";
import { registerVersionTests } from "./conformance/versions";
import type { ConformanceWorld, WorldFactory } from "./conformance/world";

export type { ConformanceWorld, WorldFactory } from "./conformance/world";

/**
 * Registers the Staffroom conformance suite with Vitest: every workflow (W1–W14) and rule (R1–R18)
 * of DESIGN.md, asserted through the public `StaffDirectory` and `DirectoryAuth` APIs only, so the
 * same suite runs against local + memory, local + PostgreSQL and REST. `factory` is called once per test
 * and must return a fresh, independently bootstrapped world.
 *
 * @example
 * // memory.conformance.test.ts
 * import { memoryWorld, runConformanceSuite } from "@staffroom/core/testing";
 * runConformanceSuite("memory", memoryWorld);
 */
export function runConformanceSuite(name: string, factory: () => Promise<ConformanceWorld>): void {
  const make: WorldFactory = factory;
  describe(`Staffroom conformance: ${name}`, () => {
    registerUserCreateTests(make);
    registerUserEditTests(make);
    registerLifecycleTests(make);
    registerInvitationTests(make);
    registerInviteManyTests(make);
    registerRoleTests(make);
    registerLocationTests(make);
    registerOrganizationTests(make);
    registerSeatTests(make);
    registerImportTests(make);
    registerFeatureTests(make);
    registerProviderTests(make);
    registerProviderTypeTests(make);
    registerCredentialTests(make);
    registerProvisioningTests(make);
    registerScopeTests(make);
    registerAdminTests(make);
    registerMainContactTests(make);
    registerAffordanceTests(make);
    registerVerdictTests(make);
    registerFormOptionTests(make);
    registerScreenTests(make);
    registerDirectoryTests(make);
    registerTotalTests(make);
    registerVersionTests(make);
    registerAuditTests(make);
    registerErasureTests(make);
    registerErrorTests(make);
    registerAuthSignInTests(make);
    registerAuthLockoutTests(make);
    registerAuthSessionTests(make);
    registerSessionLimitTests(make);
    registerSessionAdminTests(make);
    registerAuthChangeTests(make);
    registerAuthResetTests(make);
    registerAuthAcceptTests(make);
    registerAuthPasswordPolicyTests(make);
    registerSecretTests(make);
    registerBoundaryTests(make);
    registerCursorBoundaryTests(make);
    registerAuthAbuseTests(make);
  });
}
