/**
 * One try of one call: the streamed Bedrock request and its outcome, a measurement or a
 * classification, with the SDK's attempts inside it timed. Nothing here touches the store or
 * the schedule.
 */
import { performance } from 'node:perf_hooks';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ExperimentConfig } from '../../shared/domain/experiment';
import {
  streamCompletion,
  type CallMeasurement,
  type SdkAttempt,
  type StallLimits,
} from '../bedrock/converseStream';
import { BedrockCallError, classifyError, type ClassifiedError } from '../bedrock/errors';
import type { CallSpec } from './runnerTypes';

interface Timing {
  /** performance.now() when the try was dispatched and when it ended. */
  dispatchedMs: number;
  endedMs: number;
  sdkAttempts: readonly SdkAttempt[];
}

export type Outcome = Timing &
  ({ ok: CallMeasurement } | { error: ClassifiedError; attempts: number });

/** The service tier the experiment asks for this model, when it names one. */
function tierOf(config: ExperimentConfig, modelId: string): { serviceTier?: string } {
  const tier = config.prices.find((p) => p.modelId === modelId)?.serviceTier;
  return tier === undefined ? {} : { serviceTier: tier };
}

/**
 * A refusal of a call sent through the experiment's tagged profile names the profile: a deleted
 * profile, or credentials allowed the model but not the profile, fail there and not for the model.
 */
function throughProfile(
  error: ClassifiedError,
  profileArn: string | null | undefined,
  region: string,
): ClassifiedError {
  if (!profileArn || error.retryable || error.kind === 'cancelled') return error;
  return {
    ...error,
    userMessage: `${error.userMessage} (called through the experiment's tagged inference profile ${profileArn}: it must exist in ${region} and these credentials must be allowed to invoke it)`,
  };
}

export async function attemptCall(
  /** Asked inside the try: a client the endpoint rules refuse is this call's classified error. */
  clientFor: () => BedrockRuntimeClient,
  config: ExperimentConfig,
  spec: CallSpec,
  signal: AbortSignal,
  stall: StallLimits,
  onFirstToken: () => void,
): Promise<Outcome> {
  const dispatchedMs = performance.now();
  try {
    const measured = await streamCompletion(
      clientFor(),
      {
        // The experiment's tagged profile when it has one: the same model, billed with the tag.
        modelId: spec.profileArn ?? spec.modelId,
        ...(config.systemPrompt !== null ? { system: config.systemPrompt } : {}),
        userText: spec.userText,
        ...config.inference,
        ...tierOf(config, spec.modelId),
      },
      { signal, onFirstToken, stall },
    );
    const endedMs = performance.now();
    return { ok: measured, dispatchedMs, endedMs, sdkAttempts: measured.sdkAttempts };
  } catch (e) {
    const endedMs = performance.now();
    const error = throughProfile(
      e instanceof BedrockCallError ? e.classification : classifyError(e),
      spec.profileArn,
      config.region,
    );
    const attempts = e instanceof BedrockCallError ? (e.attempts ?? 1) : 1;
    const sdkAttempts = e instanceof BedrockCallError ? e.sdkAttempts : [];
    const timing = { dispatchedMs, endedMs, sdkAttempts };
    // Whatever the failure looked like, a call we aborted was cancelled, not failed.
    return signal.aborted
      ? { error: { ...error, kind: 'cancelled' }, attempts, ...timing }
      : { error, attempts, ...timing };
  }
}
