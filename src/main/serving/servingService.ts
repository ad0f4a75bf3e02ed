/**
 * Buys, follows and deletes servings of custom models. The row (with its idempotency token) is
 * stored before the create is sent; the ARN as soon as AWS answers; then the status is polled
 * until InService / Active, Failed, or the bounded wait runs out ("stuck": it still exists and
 * may bill, so the app says so and offers Delete instead of forgetting it). Servings still
 * pending when the app stopped are resumed from the store.
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { Database } from 'better-sqlite3';
import type { CustomModel, ServeRequest, Serving } from '../../shared/serving/servingDomain';
import { isPending, mayExist } from '../../shared/serving/servingDomain';
import { classifyError } from '../bedrock/errors';
import {
  getServing,
  insertServing,
  listServings,
  liveServingOf,
  markAccepted,
  markPhase,
} from '../db/repos/servings';
import { actionFor, createOnAws, deleteOnAws, describeOnAws } from './servingCalls';
import { isNotFound, servingMessage } from './servingErrors';
import { AppFailure } from '../common/failure';
import { formatDurationMs } from '../../shared/formatTime';

export interface ServingDeps {
  db: Database;
  clientFor(region: string): BedrockClient;
  pollMs: number;
  /** How long a serving may stay Creating before the app stops waiting and says so. */
  maxWaitMs: number;
}

/** The rates a serving is bought at, from the price book or typed by the analyst. */
export interface ServingRates {
  usdPerHourPerUnit: number | null;
  inputUsdPer1k: number | null;
  outputUsdPer1k: number | null;
}

/** Bedrock names: letters, digits, single - or _ between them, at most 63 characters. */
function servingName(modelName: string, kind: Serving['kind']): string {
  const slug = modelName
    .replace(/[^0-9a-zA-Z]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const suffix = Math.random().toString(36).slice(2, 8);
  return `${slug || 'model'}-${kind === 'provisioned' ? 'pt' : 'od'}-${suffix}`;
}

/** Faults worth another try of the same call (with the same token). */
const transient = (e: unknown): boolean => {
  const kind = classifyError(e).kind;
  return kind === 'throttled' || kind === 'server' || kind === 'network' || kind === 'timeout';
};

export class ServingService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: ServingDeps) {}

  /** The control-plane client for a region (custom models are listed with it too). */
  client(region: string): BedrockClient {
    return this.deps.clientFor(region);
  }

  list(): Serving[] {
    return listServings(this.deps.db);
  }

  get(id: string): Serving {
    const s = getServing(this.deps.db, id);
    if (!s) throw new AppFailure('not_found', 'This serving is not in the store.');
    return s;
  }

  /** Stores the serving, sends the create and starts following it. */
  async serve(model: CustomModel, req: ServeRequest, rates: ServingRates): Promise<Serving> {
    const { db } = this.deps;
    const live = liveServingOf(db, model.modelArn, req.kind);
    if (live) {
      throw new AppFailure(
        'conflict',
        `${model.modelName} already has a ${req.kind === 'provisioned' ? 'Provisioned Throughput' : 'deployment'} (${live.arn ?? 'being created'}). Delete it first, or use it.`,
      );
    }
    const row = insertServing(db, {
      kind: req.kind,
      region: req.region,
      customModelArn: model.modelArn,
      customModelName: model.modelName,
      baseModelId: model.baseModelId,
      teacherModelId: model.teacherModelId,
      name: servingName(model.modelName, req.kind),
      modelUnits: req.kind === 'provisioned' ? (req.modelUnits ?? 1) : null,
      term: req.kind === 'provisioned' ? (req.term ?? 'noCommitment') : null,
      usdPerHourPerUnit: req.kind === 'provisioned' ? rates.usdPerHourPerUnit : null,
      inputUsdPer1k: req.kind === 'customModelOnDemand' ? rates.inputUsdPer1k : null,
      outputUsdPer1k: req.kind === 'customModelOnDemand' ? rates.outputUsdPer1k : null,
      oneOffCostUsd: req.oneOffCostUsd ?? model.oneOffCostUsd,
      datasetId: model.datasetId,
    });
    await this.send(row.id);
    this.schedule(row.id);
    return this.get(row.id);
  }

  /** Sends (or re-sends, same token) the create of a serving that has no ARN yet. */
  private async send(id: string): Promise<void> {
    const s = this.get(id);
    if (s.arn || s.phase !== 'requested') return;
    try {
      const arn = await createOnAws(this.deps.clientFor(s.region), s);
      markAccepted(this.deps.db, id, arn);
    } catch (e) {
      const message = servingMessage(e, actionFor(s, 'Create'), s.region);
      if (transient(e)) {
        markPhase(
          this.deps.db,
          id,
          'requested',
          null,
          `${message} Trying again with the same request token.`,
        );
      } else {
        markPhase(this.deps.db, id, 'refused', null, `${message} Nothing was created.`);
      }
    }
  }

  /** One look at AWS: sends a pending create, or reads the status of a created serving. */
  async refresh(id: string): Promise<Serving> {
    const s = this.get(id);
    if (s.phase === 'requested') {
      await this.send(id);
      return this.get(id);
    }
    if (!s.arn || s.phase === 'deleted' || s.phase === 'refused') return s;
    const withArn = { ...s, arn: s.arn };
    try {
      const aws = await describeOnAws(this.deps.clientFor(s.region), withArn);
      // A Delete that finished while this read was in flight has the last word.
      if (this.get(id).phase === 'deleted') return this.get(id);
      this.apply(withArn, aws.status, aws.failureMessage);
    } catch (e) {
      if (isNotFound(e)) {
        markPhase(this.deps.db, id, 'deleted', 'NotFound', 'It no longer exists in AWS.');
      } else {
        markPhase(
          this.deps.db,
          id,
          s.phase,
          null,
          servingMessage(e, actionFor(s, 'Get'), s.region),
        );
      }
    }
    return this.get(id);
  }

  private apply(s: Serving & { arn: string }, status: string, failure: string | null): void {
    const { db, maxWaitMs } = this.deps;
    if (status === 'InService' || status === 'Active') {
      markPhase(db, s.id, 'inService', status, null);
    } else if (status === 'Failed') {
      markPhase(
        db,
        s.id,
        'failed',
        status,
        `AWS says it failed${failure ? `: ${failure}` : ''}. It may still exist in your account: delete it so it cannot bill.`,
      );
    } else {
      const waitedMs = Date.now() - Date.parse(s.acceptedAt ?? s.createdAt);
      if (waitedMs > maxWaitMs) {
        markPhase(
          db,
          s.id,
          'stuck',
          status,
          `Still ${status} after ${formatDurationMs(waitedMs)}, longer than the app waits. It still exists in AWS (${s.arn}) and may bill: delete it, or refresh later.`,
        );
      } else {
        markPhase(db, s.id, 'creating', status, null);
      }
    }
  }

  /** Deletes the serving in AWS; gone already counts as deleted. */
  async delete(id: string): Promise<Serving> {
    const s = this.get(id);
    this.cancelTimer(id);
    if (!mayExist(s.phase)) return s;
    let arn = s.arn;
    if (!arn) {
      // The first create may have reached AWS with no answer back. Repeating it with the same
      // token is the only way to learn its ARN; AWS answers the one made then, or makes it now.
      await this.send(id);
      arn = this.get(id).arn;
      if (!arn) {
        const after = this.get(id);
        if (after.phase === 'refused') return after;
        throw new AppFailure('aws', after.message ?? 'AWS did not answer; try again.');
      }
    }
    try {
      await deleteOnAws(this.deps.clientFor(s.region), { ...s, arn });
      markPhase(this.deps.db, id, 'deleted', 'Deleted', null);
    } catch (e) {
      if (isNotFound(e)) {
        markPhase(this.deps.db, id, 'deleted', 'NotFound', 'It no longer existed in AWS.');
      } else {
        const message = servingMessage(e, actionFor(s, 'Delete'), s.region);
        markPhase(this.deps.db, id, s.phase, null, `${message} It still exists.`);
        throw new AppFailure('aws', `${message} It still exists in AWS.`);
      }
    }
    return this.get(id);
  }

  /** Polls until the serving is no longer pending; for the command line. */
  async settle(id: string): Promise<Serving> {
    for (;;) {
      const s = await this.refresh(id);
      if (!isPending(s.phase)) return s;
      await new Promise((r) => setTimeout(r, this.deps.pollMs));
    }
  }

  /** Follows every serving a previous run of the app left pending. */
  resumeAll(): void {
    for (const s of this.list()) if (isPending(s.phase)) this.schedule(s.id);
  }

  private schedule(id: string): void {
    if (this.closed || this.timers.has(id)) return;
    const tick = () => {
      this.timers.delete(id);
      void this.refresh(id)
        .then((s) => {
          if (isPending(s.phase)) this.schedule(id);
        })
        .catch(() => this.schedule(id));
    };
    this.timers.set(id, setTimeout(tick, this.deps.pollMs));
  }

  private cancelTimer(id: string): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Polling and the bounded wait, from the environment (tests shorten them). */
export function servingTuning(env: NodeJS.ProcessEnv): Pick<ServingDeps, 'pollMs' | 'maxWaitMs'> {
  const num = (v: string | undefined, d: number) => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n > 0 ? n : d;
  };
  return {
    pollMs: num(env.DISTILL_ROI_SERVING_POLL_MS, 30_000),
    // AWS's examples take minutes to tens of minutes; an hour is well past a normal create.
    maxWaitMs: num(env.DISTILL_ROI_SERVING_MAX_WAIT_MS, 60 * 60_000),
  };
}
