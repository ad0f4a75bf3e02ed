/**
 * Batch experiments inside the app: one background advance per experiment with open jobs,
 * resumed at start-up (after a restart or a kill -9 the store says what is left), pushing the
 * job overview to the renderer on every stored change. Stop asks AWS to stop the jobs; close
 * only stops watching (the jobs carry on in AWS and are collected at the next start).
 */
import type { Database } from 'better-sqlite3';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import { experimentsWithOpenJobs } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import { logError, logInfo } from '../log';
import type { BatchClients } from './awsClients';
import { batchOverview } from './batchOverview';
import { DEFAULT_BATCH_TUNING, type BatchTuning } from './batchDeps';
import { advanceBatch, stopBatch } from './batchPipeline';
import { setupBatch, type BatchRequest } from './batchSetup';

export interface BatchServiceDeps {
  db: Database;
  clientsFor(region: string): BatchClients;
  emit(overview: BatchOverview): void;
  tuning?: BatchTuning;
}

export class BatchService {
  private readonly active = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(private readonly d: BatchServiceDeps) {}

  private region(experimentId: string): string {
    const e = getExperiment(this.d.db, experimentId);
    if (!e) throw new Error(`No experiment ${experimentId}.`);
    return e.config.region;
  }

  private deps(experimentId: string, signal?: AbortSignal) {
    const region = this.region(experimentId);
    return {
      db: this.d.db,
      clients: this.d.clientsFor(region),
      region,
      tuning: this.d.tuning ?? DEFAULT_BATCH_TUNING,
      onChange: (o: BatchOverview) => this.d.emit(o),
      // The steps (uploads, leftovers aborted or not, job states) go to the app's log.
      say: (line: string) => logInfo(`Batch experiment ${experimentId}: ${line}`),
      ...(signal ? { signal } : {}),
    };
  }

  overview(experimentId: string): BatchOverview {
    return batchOverview(this.d.db, experimentId);
  }

  /** Checks and stores the batch plan (throws BatchSetupError on any problem), then runs it. */
  async setUp(experimentId: string, req: BatchRequest): Promise<BatchOverview> {
    const region = this.region(experimentId);
    await setupBatch(this.d.db, this.d.clientsFor(region), experimentId, req, region);
    this.watch(experimentId);
    return this.overview(experimentId);
  }

  /** Advances the experiment's batch in the background until every job is collected. */
  watch(experimentId: string): void {
    if (this.active.has(experimentId)) return;
    const abort = new AbortController();
    const done = advanceBatch(this.deps(experimentId, abort.signal), experimentId, { wait: true })
      .then((o) => this.d.emit(o))
      .catch((e: unknown) => logError(`Batch experiment ${experimentId} stopped advancing`, e))
      .finally(() => this.active.delete(experimentId));
    this.active.set(experimentId, { abort, done });
  }

  /** Follows the jobs again (tracking stopped, or the app was asked to look once more). */
  resume(experimentId: string): BatchOverview {
    this.watch(experimentId);
    return this.overview(experimentId);
  }

  resumeAll(): void {
    for (const id of experimentsWithOpenJobs(this.d.db)) this.watch(id);
  }

  async stop(experimentId: string): Promise<BatchOverview> {
    const o = await stopBatch(this.deps(experimentId), experimentId);
    this.d.emit(o);
    this.watch(experimentId);
    return o;
  }

  async close(): Promise<void> {
    const all = [...this.active.values()];
    all.forEach((a) => a.abort.abort());
    await Promise.all(all.map((a) => a.done));
  }
}
