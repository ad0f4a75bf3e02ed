/** Turns one finished call (a measurement or a classified failure) into the row that is stored. */
import type { ModelPrice } from '../../shared/domain/experiment';
import type { RunRecord } from '../../shared/domain/run';
import { priceAtTier } from '../../shared/domain/serviceTier';
import { outputTokensPerSecond } from '../../shared/metrics';
import { costPerRequestUsd } from '../../shared/roi/perRequest';
import { usdPer1k } from '../../shared/units';
import type { CallMeasurement } from '../bedrock/converseStream';
import type { ClassifiedError } from '../bedrock/errors';
import type { CallSpec } from './runnerTypes';

export type NewRun = Omit<RunRecord, 'id'>;

function base(experimentId: string, spec: CallSpec, finishedAt: string, answered: boolean) {
  const timeline = spec.timeline;
  return {
    experimentId,
    paragraphId: spec.paragraphId,
    modelId: spec.modelId,
    role: spec.role,
    repeatIndex: spec.repeatIndex,
    attempts: Math.max(1, spec.attempts),
    startedAt: spec.startedAt ?? finishedAt,
    finishedAt,
    attemptLog: timeline ? timeline.attempts : null,
    throttles: timeline ? timeline.throttles : null,
    lostMs: timeline ? timeline.lostMs(answered) : null,
    profileArn: spec.profileArn ?? null,
  };
}

function pricedAtServedTier(m: CallMeasurement, price: ModelPrice) {
  const at = priceAtTier(price, m.serviceTier);
  return {
    costUsd: costPerRequestUsd(
      m.inputTokens,
      m.outputTokens,
      usdPer1k(at.inputUsdPer1k),
      usdPer1k(at.outputUsdPer1k),
    ),
    serviceTier: m.serviceTier ?? null,
  };
}

export function successRecord(
  experimentId: string,
  spec: CallSpec,
  m: CallMeasurement,
  price: ModelPrice,
  finishedAt: string,
): NewRun {
  return {
    ...base(experimentId, spec, finishedAt, true),
    status: 'ok',
    outputText: m.text,
    stopReason: m.stopReason ?? null,
    inputTokens: m.inputTokens,
    outputTokens: m.outputTokens,
    e2eMs: m.e2eLatencyMs,
    serverMs: m.serverLatencyMs ?? null,
    ttftMs: m.ttftMs ?? null,
    outputTokensPerS: outputTokensPerSecond(m.outputTokens, m.e2eLatencyMs, m.ttftMs),
    // Priced at the tier the response reports: that is the one AWS bills.
    ...pricedAtServedTier(m, price),
    errorClass: null,
    errorMessage: null,
  };
}

/**
 * The user-facing message, plus what AWS said when that adds anything (for the results table).
 * The one place an error's text is made for the store: redaction belongs here.
 */
function errorText(c: ClassifiedError): string {
  const said = c.awsName ? `${c.awsName}: ${c.detail}` : c.detail;
  return said.length > 0 && !c.userMessage.includes(c.detail)
    ? `${c.userMessage} (${said})`
    : c.userMessage;
}

export function errorRecord(
  experimentId: string,
  spec: CallSpec,
  c: ClassifiedError,
  finishedAt: string,
): NewRun {
  return {
    ...base(experimentId, spec, finishedAt, false),
    status: 'error',
    outputText: null,
    stopReason: null,
    inputTokens: null,
    outputTokens: null,
    // A failure's duration says nothing about the model; summaries only use successful calls.
    e2eMs: null,
    serverMs: null,
    ttftMs: null,
    outputTokensPerS: null,
    costUsd: null,
    errorClass: c.kind,
    errorMessage: errorText(c),
  };
}
