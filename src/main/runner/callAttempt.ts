/**
 * One try of one call: the streamed Bedrock request and its outcome, a measurement or a
 * classification. Nothing here touches the store or the schedule.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ExperimentConfig } from '../../shared/domain/experiment';
import { streamCompletion, type CallMeasurement } from '../bedrock/converseStream';
import { BedrockCallError, classifyError, type ClassifiedError } from '../bedrock/errors';
import type { CallSpec } from './runnerTypes';

export type Outcome = { ok: CallMeasurement } | { error: ClassifiedError; attempts: number };

/** The service tier the experiment asks for this model, when it names one. */
function tierOf(config: ExperimentConfig, modelId: string): { serviceTier?: string } {
  const tier = config.prices.find((p) => p.modelId === modelId)?.serviceTier;
  return tier === undefined ? {} : { serviceTier: tier };
}

export async function attemptCall(
  client: BedrockRuntimeClient,
  config: ExperimentConfig,
  spec: CallSpec,
  signal: AbortSignal,
  onFirstToken: () => void,
): Promise<Outcome> {
  try {
    const measured = await streamCompletion(
      client,
      {
        modelId: spec.modelId,
        ...(config.systemPrompt !== null ? { system: config.systemPrompt } : {}),
        userText: spec.userText,
        ...config.inference,
        ...tierOf(config, spec.modelId),
      },
      { signal, onFirstToken },
    );
    return { ok: measured };
  } catch (e) {
    const error = e instanceof BedrockCallError ? e.classification : classifyError(e);
    const attempts = e instanceof BedrockCallError ? (e.attempts ?? 1) : 1;
    // Whatever the failure looked like, a call we aborted was cancelled, not failed.
    return signal.aborted
      ? { error: { ...error, kind: 'cancelled' }, attempts }
      : { error, attempts };
  }
}
