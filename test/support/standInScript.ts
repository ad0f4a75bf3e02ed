/**
 * The stand-in's scripting state: per-model scripts, queued faults and outputs, the seeded
 * fault plan. Given one request it decides the whole answer before a byte is written.
 */
import { pickPlannedFault } from './standInFaults';
import { seededUniform } from './standInRandom';
import type { PlannedAnswer } from './standInRespond';
import { countInputTokens, OUTPUT_STYLES, truncateToTokens, words } from './standInText';
import type {
  ConverseBody,
  FaultPlan,
  FaultSpec,
  ModelScript,
  StandInOptions,
} from './standInTypes';

export interface CallerAuth {
  scheme: 'sigv4' | 'bearer' | 'none';
  accessKeyId?: string;
}

function generateOutput(script: ModelScript, body: ConverseBody): string {
  const output = script.output ?? 'student';
  if (typeof output === 'function') return output(body);
  if (typeof output === 'object') return output.text;
  return OUTPUT_STYLES[output](body);
}

const MISSING_AUTH: FaultSpec = {
  status: 403,
  errorType: 'MissingAuthenticationTokenException',
  message: 'Missing Authentication Token',
};

export class ScriptBook {
  private readonly models: Map<string, ModelScript>;
  private readonly faultQueues = new Map<string, FaultSpec[]>();
  private readonly outputQueues = new Map<string, string[]>();
  /** How many times each (model, body) was seen: part of the seeded draws' key. */
  private readonly seen = new Map<string, number>();
  private readonly bad: Set<string>;
  private readonly expired: Set<string>;
  private readonly seed: number;
  private globalPlan: FaultPlan | undefined;

  constructor(private readonly options: StandInOptions) {
    this.models = new Map(Object.entries(options.models ?? {}));
    this.bad = new Set(options.badAccessKeyIds ?? []);
    this.expired = new Set(options.expiredAccessKeyIds ?? []);
    this.seed = options.seed ?? 1;
    this.globalPlan = options.faultPlan;
  }

  setModel(modelId: string, script: ModelScript): void {
    this.models.set(modelId, script);
  }

  queueFaults(modelId: string, faults: FaultSpec[]): void {
    this.faultQueues.set(modelId, [...(this.faultQueues.get(modelId) ?? []), ...faults]);
  }

  queueOutputs(modelId: string, texts: string[]): void {
    this.outputQueues.set(modelId, [...(this.outputQueues.get(modelId) ?? []), ...texts]);
  }

  clearQueues(modelId?: string): void {
    for (const queues of [this.faultQueues, this.outputQueues]) {
      if (modelId === undefined) queues.clear();
      else queues.delete(modelId);
    }
  }

  setFaultPlan(plan: FaultPlan | undefined): void {
    this.globalPlan = plan;
  }

  /** Decides the answer to one request; undefined when the model id is not scripted. */
  plan(
    modelId: string,
    rawBody: string,
    body: ConverseBody,
    auth: CallerAuth,
    start: number,
  ): PlannedAnswer | undefined {
    const script = this.models.get(modelId) ?? this.options.fallbackModel;
    if (!script) return undefined;
    const key = `${modelId}\u0000${rawBody}`;
    const nth = this.seen.get(key) ?? 0;
    this.seen.set(key, nth + 1);
    const fault = this.chooseFault(
      modelId,
      script,
      auth,
      seededUniform(this.seed, 'fault', key, nth),
    );

    const queued = fault === undefined ? this.outputQueues.get(modelId)?.shift() : undefined;
    const full = queued ?? generateOutput(script, body);
    const maxTokens = body.inferenceConfig?.maxTokens;
    const { text, cut } =
      maxTokens === undefined ? { text: full, cut: false } : truncateToTokens(full, maxTokens);
    const jitter = seededUniform(this.seed, 'jitter', key, nth) * (script.latencyJitterMs ?? 0);
    const tierAsked = (body.serviceTier as { type?: unknown } | undefined)?.type;
    const asked = typeof tierAsked === 'string' ? tierAsked : undefined;
    const serviceTier = asked === undefined ? undefined : (script.servedTier?.[asked] ?? asked);
    const tierLatency = serviceTier === undefined ? 0 : (script.tierLatencyMs?.[serviceTier] ?? 0);
    const latencyMs = Math.round((script.latencyMs ?? 40) + jitter + tierLatency);
    return {
      modelId,
      text,
      stopReason: cut ? 'max_tokens' : (script.stopReason ?? 'end_turn'),
      inputTokens:
        typeof script.inputTokens === 'function'
          ? script.inputTokens(body)
          : (script.inputTokens ?? countInputTokens(body)),
      outputTokens:
        typeof script.outputTokens === 'function'
          ? script.outputTokens(text)
          : (script.outputTokens ?? words(text).length),
      latencyMs,
      ttftMs: Math.min(latencyMs, script.ttftMs ?? Math.round(latencyMs / 4)),
      chunks: script.chunks ?? Math.max(1, Math.min(8, words(text).length)),
      start,
      fault,
      serviceTier,
    };
  }

  /** Credentials first, then queued faults, then the model's standing fault, then the plan. */
  private chooseFault(
    modelId: string,
    script: ModelScript,
    auth: CallerAuth,
    draw: number,
  ): FaultSpec | undefined {
    if (auth.scheme === 'none') return MISSING_AUTH;
    if (auth.accessKeyId !== undefined && this.bad.has(auth.accessKeyId)) return 'badCredentials';
    if (auth.accessKeyId !== undefined && this.expired.has(auth.accessKeyId)) return 'expiredToken';
    return (
      this.faultQueues.get(modelId)?.shift() ??
      this.faultQueues.get('*')?.shift() ??
      script.alwaysFault ??
      pickPlannedFault(script.faultPlan ?? this.globalPlan, draw)
    );
  }
}
