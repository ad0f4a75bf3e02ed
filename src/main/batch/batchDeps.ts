/** What the batch pipeline works with, and how often it polls. */
import type { Database } from 'better-sqlite3';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import type { BatchClients } from './awsClients';

export interface BatchTuning {
  /** First wait between polls, and the wait after any change. */
  pollMinMs: number;
  /** Longest wait between polls while nothing changes. */
  pollMaxMs: number;
}

export const DEFAULT_BATCH_TUNING: BatchTuning = { pollMinMs: 15_000, pollMaxMs: 300_000 };

/** DISTILL_ROI_BATCH_POLL_MS shortens the first poll interval (tests, stand-ins). */
export function batchTuning(env: NodeJS.ProcessEnv): BatchTuning {
  const raw = Number(env.DISTILL_ROI_BATCH_POLL_MS);
  return raw > 0 ? { pollMinMs: raw, pollMaxMs: raw * 20 } : DEFAULT_BATCH_TUNING;
}

export interface BatchDeps {
  db: Database;
  clients: BatchClients;
  region: string;
  tuning?: BatchTuning;
  say?: (line: string) => void;
  signal?: AbortSignal;
  /** Called after every stored change, e.g. to push the job panel. */
  onChange?: (overview: BatchOverview) => void;
}
