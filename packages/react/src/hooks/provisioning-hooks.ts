import type {
  AuditEvent,
  CreatedProvisioningToken,
  CreateProvisioningTokenInput,
  ProvisioningSettings,
  ProvisioningSettingsPatch,
  ProvisioningToken,
} from "@staffroom/core";
import { useDirectory } from "../provider/context";
import { type MutationResult, useMutation } from "../query/use-mutation";
import { type QueryResult, useQuery } from "../query/use-query";
import { queryKeys } from "./keys";

/**
 * The organization's provisioning tokens, revoked ones too (never a secret).
 *
 * @example const tokens = useProvisioningTokens(); tokens.data?.filter((t) => !t.revokedAt)
 */
export function useProvisioningTokens(): QueryResult<ProvisioningToken[]> {
  const directory = useDirectory();
  return useQuery(queryKeys.provisioning.tokens, () => directory.provisioning.tokens());
}

/**
 * The provisioning settings: defaults of provisioned people and the mapped groups.
 *
 * @example const settings = useProvisioningSettings(); settings.data?.groups
 */
export function useProvisioningSettings(): QueryResult<ProvisioningSettings> {
  const directory = useDirectory();
  return useQuery(queryKeys.provisioning.settings, () => directory.provisioning.settings());
}

/**
 * The latest audit events of these tokens, newest first (at most `limit`), merged.
 *
 * @example const activity = useProvisioningActivity(tokens.map((t) => t.id), 10);
 */
export function useProvisioningActivity(tokenIds: readonly string[], limit = 10): QueryResult<AuditEvent[]> {
  const directory = useDirectory();
  return useQuery(
    queryKeys.provisioning.activity(tokenIds),
    async () => {
      const pages = await Promise.all(tokenIds.map((actorId) => directory.audit.list({ actorId, limit })));
      return pages
        .flatMap((p) => [...p.items])
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.sequence - a.sequence))
        .slice(0, limit);
    },
    { enabled: tokenIds.length > 0 },
  );
}

const PROVISIONING_INVALIDATES = [queryKeys.provisioning.all, queryKeys.audit.all] as const;

/**
 * Creates a token; the result holds its secret, which exists nowhere else (show it once).
 *
 * @example const create = useCreateProvisioningToken(); const { secret } = await create.mutate(input);
 */
export function useCreateProvisioningToken(): MutationResult<
  CreateProvisioningTokenInput,
  CreatedProvisioningToken
> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.provisioning.createToken(input),
    invalidates: PROVISIONING_INVALIDATES,
  });
}

/**
 * Revokes a token with the version read (R12).
 *
 * @example const revoke = useRevokeProvisioningToken(); await revoke.mutate(token);
 */
export function useRevokeProvisioningToken(): MutationResult<ProvisioningToken, ProvisioningToken> {
  const directory = useDirectory();
  return useMutation({
    mutate: (token) => directory.provisioning.revokeToken(token.id, { version: token.version }),
    invalidates: PROVISIONING_INVALIDATES,
  });
}

/** Variables of {@link useUpdateProvisioningSettings}. */
export interface UpdateProvisioningSettingsVariables {
  readonly patch: ProvisioningSettingsPatch;
  readonly version: number;
}

/**
 * Saves the provisioning settings with the version read (R12; `stale` when someone saved first).
 *
 * @example const save = useUpdateProvisioningSettings(); await save.mutate({ patch, version: settings.version });
 */
export function useUpdateProvisioningSettings(): MutationResult<
  UpdateProvisioningSettingsVariables,
  ProvisioningSettings
> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ patch, version }) => directory.provisioning.updateSettings(patch, { version }),
    invalidates: PROVISIONING_INVALIDATES,
  });
}
