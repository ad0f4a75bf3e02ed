import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import type { RunProgress } from '../../shared/domain/run';
import { experimentCounts } from '../db/repos/experimentStats';
import { wholeMsOfTenths } from '../../shared/metrics/lostTime';

/**
 * Progress as the store tells it, for an experiment no session of this process is running: the
 * one place a RunProgress is built from stored calls (the app's panel and list, the CLI's batch
 * summary), so every reader counts the same calls (a live session keeps its own counters,
 * progressCounters.ts, seeded from the same counts).
 */
export function storedProgress(db: Database, e: Experiment): RunProgress {
  const counts = experimentCounts(db, e.id, e.config);
  const perModelTotal = counts.total / (1 + e.config.studentModelIds.length);
  return {
    experimentId: e.id,
    status: e.status,
    statusReason: e.statusReason,
    done: counts.done,
    total: counts.total,
    failed: counts.failed,
    inFlight: 0,
    concurrency: e.config.concurrency,
    elapsedMs: 0,
    etaMs: null,
    spentUsd: counts.spentUsd,
    perModel: [e.config.teacherModelId, ...e.config.studentModelIds].map((modelId) => {
      const m = counts.perModel.get(modelId);
      return {
        modelId,
        done: m?.done ?? 0,
        total: perModelTotal,
        failed: m?.failed ?? 0,
        inputTokens: m?.inputTokens ?? 0,
        outputTokens: m?.outputTokens ?? 0,
        costUsd: m?.costUsd ?? 0,
        throttles: m?.throttles ?? 0,
        retries: m?.retries ?? 0,
        lostMs: wholeMsOfTenths(m?.lostTenths ?? 0),
        batchCalls: m?.batchCalls ?? 0,
      };
    }),
  };
}
