/**
 * The calls still to make, one queue per model, handed out round-robin across models so that
 * drift in Bedrock's speed over a long run affects teacher and students alike. Each model's
 * queue runs repeat-major (every paragraph once, then the second repeat…), so a run stopped
 * early still covers the whole dataset.
 *
 * A model starts "unproven": until one of its calls has streamed a token (or succeeded), at most
 * one of its calls is in flight. A model without access therefore costs exactly one failed call,
 * not one per free slot; the wait is one time-to-first-token, once per session.
 */
import { renderPrompt, type ExperimentConfig } from '../../shared/domain/experiment';
import type { Paragraph } from '../../shared/domain/dataset';
import { callKey } from '../db/repos/runs';
import type { CallSpec } from './runnerTypes';

type ModelState = 'unproven' | 'proven' | 'blocked';

interface ModelQueue {
  readonly modelId: string;
  /**
   * Calls in dispatch order; `head` is the next one (an index avoids O(n) shift()). A taken
   * call's slot is emptied, so a finished call (its prompt, its attempt timeline) is garbage as
   * soon as it is stored: memory does not grow with the calls made.
   */
  readonly pending: (CallSpec | undefined)[];
  head: number;
  /** Calls back from a retry back-off or an aborted try: they go before `pending`. */
  readonly returned: CallSpec[];
  state: ModelState;
  blockedReason: string | null;
  inFlight: number;
}

export function experimentModels(config: ExperimentConfig): string[] {
  return [config.teacherModelId, ...config.studentModelIds];
}

export class CallQueue {
  private readonly queues: ModelQueue[];
  private cursor = 0;

  constructor(config: ExperimentConfig, paragraphs: readonly Paragraph[], recorded: Set<string>) {
    this.queues = experimentModels(config).map((modelId) => {
      const role = modelId === config.teacherModelId ? 'teacher' : 'student';
      const pending: CallSpec[] = [];
      for (let repeatIndex = 0; repeatIndex < config.repeats; repeatIndex++) {
        for (const p of paragraphs) {
          const key = callKey(p.id, modelId, repeatIndex);
          if (recorded.has(key)) continue;
          pending.push({
            key,
            paragraphId: p.id,
            modelId,
            role,
            repeatIndex,
            userText: renderPrompt(config.promptTemplate, p.text),
            requeues: 0,
            attempts: 0,
            timeline: undefined,
            startedAt: undefined,
          });
        }
      }
      const queue: ModelQueue = {
        modelId,
        pending,
        head: 0,
        returned: [],
        state: 'unproven',
        blockedReason: null,
        inFlight: 0,
      };
      return queue;
    });
  }

  private queueOf(modelId: string): ModelQueue {
    const q = this.queues.find((x) => x.modelId === modelId);
    if (!q) throw new Error(`Unknown model ${modelId}`);
    return q;
  }

  /** The next call to dispatch, or undefined when every model is done, gated or blocked. */
  take(): CallSpec | undefined {
    for (let i = 0; i < this.queues.length; i++) {
      const q = this.queues[(this.cursor + i) % this.queues.length] as ModelQueue;
      if (q.state === 'blocked' || (q.state === 'unproven' && q.inFlight > 0)) continue;
      let spec = q.returned.shift();
      if (!spec) {
        spec = q.pending[q.head];
        if (!spec) continue;
        q.pending[q.head++] = undefined;
      }
      q.inFlight++;
      this.cursor = (this.cursor + i + 1) % this.queues.length;
      return spec;
    }
    return undefined;
  }

  /** A dispatched call finished (recorded, re-queued or given back). */
  settled(spec: CallSpec): void {
    this.queueOf(spec.modelId).inFlight--;
  }

  /** Puts a call back to be dispatched before the model's other pending calls. */
  giveBack(spec: CallSpec): void {
    const q = this.queueOf(spec.modelId);
    if (q.state !== 'blocked') q.returned.push(spec);
  }

  /** The model answered: its calls may now fill every free slot. */
  prove(modelId: string): void {
    const q = this.queueOf(modelId);
    if (q.state === 'unproven') q.state = 'proven';
  }

  /** Stops calling a model; its remaining calls stay unrecorded so a later resume makes them. */
  block(modelId: string, reason: string): boolean {
    const q = this.queueOf(modelId);
    if (q.state === 'blocked') return false;
    q.state = 'blocked';
    q.blockedReason = reason;
    return true;
  }

  blockedReason(modelId: string): string | null {
    return this.queueOf(modelId).blockedReason;
  }

  blocked(): { modelId: string; reason: string }[] {
    return this.queues.flatMap((q) =>
      q.blockedReason === null ? [] : [{ modelId: q.modelId, reason: q.blockedReason }],
    );
  }

  /** Calls not yet dispatched for models that are not blocked. */
  remaining(): number {
    let n = 0;
    for (const q of this.queues) {
      if (q.state !== 'blocked') n += q.pending.length - q.head + q.returned.length;
    }
    return n;
  }
}
