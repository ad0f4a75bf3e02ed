import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../shared/ipc/events';
import type { RunProgress } from '../../shared/domain/run';
import type { Experiment } from '../../shared/domain/experiment';
import type { JudgeProgress } from '../../shared/quality/judgeProgress';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import type { ClientPool } from '../bedrock/clientPool';
import type { SecretStore } from '../credentials/secretStore';
import type { PdfPrinter } from '../export/pdfPrinter';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import type { BatchRequest } from '../batch/batchSetup';
import type { DistillJobView, DistillLaunchCore } from '../../shared/distill/distillDomain';
import type { ServingService } from '../serving/servingService';

/** What handlers need of the experiment runner; the runner module implements it. */
export interface RunControl {
  start(experimentId: string): RunProgress;
  pause(experimentId: string): RunProgress;
  cancel(experimentId: string): Promise<RunProgress>;
  /** Live progress of a running experiment, or null when none is running. */
  progress(experimentId: string): RunProgress | null;
  /** Why another process (the command line, another window) owns its calls now, or null. */
  runningElsewhere(experimentId: string): string | null;
}

/** What the quality handlers need of the judge's runner (quality/judgeRunner.ts implements it). */
export interface JudgeControl {
  start(
    experiment: Experiment,
    judge: JudgeSettings,
    options?: {
      retryFailures?: boolean;
      estimate?: { expectedUsd: number; maxUsd: number } | null;
    },
  ): JudgeProgress;
  /** Null when the judge is not running on this experiment. */
  cancel(experimentId: string): Promise<JudgeProgress> | null;
  progress(experimentId: string): JudgeProgress | null;
  /** How the last run of this process ended, null when none did. */
  lastRun(experimentId: string): JudgeProgress | null;
}

/** What the batch handlers need of the batch service (batch/batchService.ts implements it). */
export interface BatchControl {
  overview(experimentId: string): BatchOverview;
  setUp(experimentId: string, req: BatchRequest): Promise<BatchOverview>;
  stop(experimentId: string): Promise<BatchOverview>;
  resume(experimentId: string): BatchOverview;
}

/** What the distill handlers need of the distillation service (distill/distillService.ts). */
export interface DistillControl {
  list(): DistillJobView[];
  launch(launch: DistillLaunchCore): Promise<DistillJobView>;
  stop(id: string): Promise<DistillJobView | null>;
}

/** What every handler gets: the store, where data lives, and a way to push events. */
export interface HandlerContext {
  db: Database;
  dataDir: string;
  version: string;
  transport: 'electron' | 'browser-host';
  emit(event: AppEvent): void;
  runs: RunControl;
  judge: JudgeControl;
  batch: BatchControl;
  distill: DistillControl;
  /** Servings of custom models (Provisioned Throughput, on-demand deployments). */
  servings: ServingService;
  clients: ClientPool;
  secrets: SecretStore;
  /** Prints reports; the Electron shell sets its printToPDF here, else Chromium via Playwright. */
  pdf?: PdfPrinter;
}
