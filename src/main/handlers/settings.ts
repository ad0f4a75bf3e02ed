import type { AwsSettings } from '../../shared/domain/settings';
import type { AccessKeysInput, CredentialStatus } from '../../shared/ipc/settingsChannels';
import { buildClient } from '../bedrock/clientPool';
import { converseOnce } from '../bedrock/converseStream';
import { classifyError } from '../bedrock/errors';
import {
  deleteAccessKeys,
  describeStoredKeys,
  InvalidAccessKeysError,
  parseAccessKeys,
  registerKeySecrets,
  saveAccessKeys,
  type AccessKeys,
} from '../credentials/accessKeys';
import { listProfiles } from '../credentials/profiles';
import { KeychainUnavailableError } from '../credentials/secretStore';
import { readAwsSettings, writeAwsSettings } from '../bedrock/awsSettings';
import type { HandlerContext } from '../core/context';
import { AppFailure } from '../common/failure';

async function status(ctx: HandlerContext): Promise<CredentialStatus> {
  const keychain = await ctx.secrets.probe();
  let storedKeys: CredentialStatus['storedKeys'] = null;
  if (keychain.available) {
    try {
      storedKeys = await describeStoredKeys(ctx.secrets);
    } catch {
      storedKeys = null;
    }
  }
  const profiles = (await listProfiles()).map((p) => ({
    name: p.name,
    kind: p.kind,
    ...(p.region ? { region: p.region } : {}),
  }));
  return { settings: readAwsSettings(ctx), keychain, storedKeys, profiles };
}

function keychainFailure(e: unknown): never {
  if (e instanceof KeychainUnavailableError) {
    throw new AppFailure(
      'keychain_unavailable',
      `No OS keychain is available (${e.reason}). Keys are never stored in a file: choose an AWS profile instead.`,
    );
  }
  if (e instanceof InvalidAccessKeysError) throw new AppFailure('invalid_input', e.message);
  throw e;
}

export const settingsHandlers = {
  getCredentialStatus: (ctx: HandlerContext) => status(ctx),

  saveAwsSettings: async (ctx: HandlerContext, input: AwsSettings) => {
    if (input.credentialMode === 'profile' && !input.profile) {
      throw new AppFailure('invalid_input', 'Choose which AWS profile to use.');
    }
    writeAwsSettings(ctx.db, input);
    ctx.clients.invalidate();
    return status(ctx);
  },

  saveAccessKeys: async (
    ctx: HandlerContext,
    input: { accessKeyId: string; secretAccessKey: string; sessionToken: string | null },
  ) => {
    try {
      await saveAccessKeys(ctx.secrets, {
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
        ...(input.sessionToken ? { sessionToken: input.sessionToken } : {}),
      });
    } catch (e) {
      keychainFailure(e);
    }
    writeAwsSettings(ctx.db, {
      ...readAwsSettings(ctx),
      credentialMode: 'keys',
    } satisfies AwsSettings);
    ctx.clients.invalidate();
    return status(ctx);
  },

  deleteAccessKeys: async (ctx: HandlerContext) => {
    try {
      await deleteAccessKeys(ctx.secrets);
    } catch (e) {
      keychainFailure(e);
    }
    ctx.clients.invalidate();
    return status(ctx);
  },

  /**
   * One tiny call (a few tokens) that says whether keys, access and region work for this model,
   * as the Settings form says them (saved or not). It saves nothing and keeps no client.
   */
  testConnection: async (
    ctx: HandlerContext,
    input: {
      region: string;
      modelId: string;
      settings: AwsSettings;
      typedKeys: AccessKeysInput | null;
    },
  ) => {
    if (input.settings.credentialMode === 'profile' && !input.settings.profile) {
      throw new AppFailure('invalid_input', 'Choose which AWS profile to use.');
    }
    let typedKeys: AccessKeys | undefined;
    if (input.typedKeys) {
      try {
        typedKeys = parseAccessKeys(input.typedKeys);
      } catch (e) {
        keychainFailure(e);
      }
      registerKeySecrets(typedKeys);
    }
    let client: ReturnType<typeof buildClient> | undefined;
    try {
      client = buildClient(input.settings, ctx.secrets, input.region, typedKeys);
      const m = await converseOnce(
        client,
        {
          modelId: input.modelId,
          userText: 'Reply with the word OK.',
          maxTokens: 5,
          temperature: 0,
          topP: 1,
        },
        { signal: AbortSignal.timeout(30_000) },
      );
      return {
        ok: true,
        kind: 'ok',
        message: `Connected: ${input.modelId} answered in ${input.region} (${m.inputTokens} tokens in, ${m.outputTokens} out).`,
        latencyMs: m.e2eLatencyMs,
      };
    } catch (e) {
      const c = classifyError(e, { modelId: input.modelId, region: input.region });
      return { ok: false, kind: c.kind, message: c.userMessage, latencyMs: null };
    } finally {
      client?.destroy();
    }
  },
};
