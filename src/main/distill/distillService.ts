/**
 * Distillation jobs inside the app: one background tracker per open job, resumed at start-up
 * from the store (after a restart or a kill), Stop, and the list the Distill screen shows.
 */
import type { Database } from 'better-sqlite3';
import {
  DEFAULT_DISTILL_SETTINGS,
  DistillSettingsSchema,
  type DistillJobView,
  type DistillLaunchCore,
  type DistillSettings,
} from '../../shared/distill/distillDomain';
import type { BatchClients } from '../batch/awsClients';
import {
  distillJobView,
  getDistillJob,
  listDistillJobs,
  openDistillJobIds,
} from '../db/repos/distillJobs';
import { readSetting, writeSetting } from '../db/repos/settings';
import { logError } from '../log';
import {
  prepareDistill,
  stopDistill,
  trackDistill,
  type DistillDeps,
  type DistillTuning,
} from './distillJob';

const SETTINGS_KEY = 'distill';

export const readDistillSettings = (db: Database): DistillSettings =>
  readSetting(db, SETTINGS_KEY, DistillSettingsSchema, DEFAULT_DISTILL_SETTINGS);

export const saveDistillSettings = (db: Database, s: DistillSettings): void =>
  writeSetting(db, SETTINGS_KEY, s);

export interface DistillServiceDeps {
  db: Database;
  clientsFor(region: string): BatchClients;
  tuning: DistillTuning;
  /** Called after every stored change, with the job as it now is. */
  emit?(job: DistillJobView): void;
}

export class DistillService {
  private readonly active = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(private readonly d: DistillServiceDeps) {}

  private deps(region: string, signal?: AbortSignal): DistillDeps {
    return {
      db: this.d.db,
      clients: this.d.clientsFor(region),
      tuning: this.d.tuning,
      ...(signal ? { signal } : {}),
      onChange: (id) => {
        const j = getDistillJob(this.d.db, id);
        if (j) this.d.emit?.(distillJobView(j));
      },
    };
  }

  list(): DistillJobView[] {
    return listDistillJobs(this.d.db).map(distillJobView);
  }

  /** Checks, uploads and stores the job (DistillLaunchError on any problem), then tracks it. */
  async launch(launch: DistillLaunchCore): Promise<DistillJobView> {
    const row = await prepareDistill(
      this.deps(launch.region),
      launch,
      readDistillSettings(this.d.db),
    );
    this.watch(row.id);
    return distillJobView(row);
  }

  watch(id: string): void {
    const j = getDistillJob(this.d.db, id);
    if (!j || this.active.has(id)) return;
    const abort = new AbortController();
    const done = trackDistill(this.deps(j.region, abort.signal), id)
      .then(() => undefined)
      .catch((e: unknown) => {
        // Closing aborts the request in flight; the job is tracked again at the next start.
        if (!abort.signal.aborted) logError(`Distillation job ${id} stopped being tracked`, e);
      })
      .finally(() => this.active.delete(id));
    this.active.set(id, { abort, done });
  }

  resumeAll(): void {
    for (const id of openDistillJobIds(this.d.db)) this.watch(id);
  }

  async stop(id: string): Promise<DistillJobView | null> {
    const j = getDistillJob(this.d.db, id);
    if (!j) return null;
    // The tracker may be creating the job: let it finish that call before Stop is decided.
    const running = this.active.get(id);
    if (running && j.phase === 'planned') {
      running.abort.abort();
      await running.done;
    }
    const after = await stopDistill(this.deps(j.region), id);
    if (after && after.phase === 'submitted') this.watch(id);
    return after ? distillJobView(after) : null;
  }

  async close(): Promise<void> {
    const all = [...this.active.values()];
    all.forEach((a) => a.abort.abort());
    await Promise.all(all.map((a) => a.done));
  }
}
