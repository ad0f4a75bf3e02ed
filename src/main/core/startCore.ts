import { EventEmitter } from 'node:events';
import type { AppEvent } from '../../shared/ipc/events';
import type { HandlerContext } from './context';
import { readAwsSettings } from '../bedrock/awsSettings';
import { openDatabase } from '../db/open';
import { markOrphanedRunsInterrupted } from '../db/repos/experiments';
import { databasePath } from '../paths/dataDir';
import { createClientPool, credentialsFor } from '../bedrock/clientPool';
import { createBatchClients, type BatchClients } from '../batch/awsClients';
import { BatchService } from '../batch/batchService';
import { batchTuning } from '../batch/batchDeps';
import { DistillService } from '../distill/distillService';
import { distillTuning } from '../distill/distillJob';
import { createKeychainStore } from '../credentials/keychain';
import type { SecretStore } from '../credentials/secretStore';
import type { PdfPrinter } from '../export/pdfPrinter';
import { ExperimentRunner } from '../runner';
import { JudgeRunner } from '../quality/judgeRunner';
import { refreshAllRougeScores } from '../quality/rougeScoring';
import { LeaseKeeper } from '../runner/leaseKeeper';
import { APP_VERSION } from '../version';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { ServingService, servingTuning } from '../serving/servingService';
import type { BedrockClient } from '@aws-sdk/client-bedrock';

export interface CoreOptions {
  dataDir: string;
  transport: HandlerContext['transport'];
  /** Where secrets live; the OS keychain unless a test passes another store. */
  secrets?: SecretStore;
  /** How reports are printed; Chromium via Playwright unless the Electron shell passes its own. */
  pdf?: PdfPrinter;
}

export interface AppCore {
  ctx: HandlerContext;
  runner: ExperimentRunner;
  onEvent(listener: (event: AppEvent) => void): () => void;
  close(): Promise<void>;
}

/** Everything the app is, minus its window: the store, the runner, credentials and the event bus. */
export async function startCore(opts: CoreOptions): Promise<AppCore> {
  const { db } = await openDatabase(databasePath(opts.dataDir));
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  const emit = (event: AppEvent) => bus.emit('event', event);
  const secrets = opts.secrets ?? createKeychainStore();
  const clients = createClientPool(() => readAwsSettings({ db }), secrets);
  const leases = new LeaseKeeper(db, { label: 'app' });
  const runner = new ExperimentRunner({
    db,
    leases,
    clientFor: (region) => clients.clientFor(region),
    emit: (progress) => emit({ type: 'runProgress', progress }),
    // The hang limits of Settings, read as each run starts or resumes.
    hangSettings: () => readAwsSettings({ db }),
  });
  // A run that was going when the app last stopped has no runner now: say so, resume on demand.
  markOrphanedRunsInterrupted(db, (id) => runner.runningElsewhere(id) !== null);
  // Runs stored by an older version (which scored on read) get their ROUGE scores now.
  refreshAllRougeScores(db);
  const judge = new JudgeRunner({
    db,
    leases,
    clientFor: (region) => clients.clientFor(region),
    emit: (progress) => emit({ type: 'judgeProgress', progress }),
  });
  // Batch clients per region, built from the same settings and credentials as on-demand calls.
  // Distillation jobs use the same S3 and control-plane clients.
  const batchClients = new Map<string, BatchClients>();
  const clientsFor = (region: string): BatchClients => {
    let c = batchClients.get(region);
    if (!c) {
      c = createBatchClients({
        region,
        credentials: credentialsFor(readAwsSettings({ db }), secrets),
      });
      batchClients.set(region, c);
    }
    return c;
  };
  const batch = new BatchService({
    db,
    clientsFor,
    emit: (overview) => emit({ type: 'batchJobs', overview }),
    tuning: batchTuning(process.env),
  });
  // Jobs created before the app last stopped (or was killed) are tracked again from the store.
  batch.resumeAll();
  const distill = new DistillService({
    db,
    clientsFor,
    tuning: distillTuning(process.env),
    emit: (job) => emit({ type: 'distillJob', job }),
  });
  distill.resumeAll();
  // Control-plane clients per region for custom models and their servings.
  const servingClients = new Map<string, BedrockClient>();
  const servings = new ServingService({
    db,
    clientFor: (region) => {
      // Keyed by the settings too, so a changed profile or endpoint gets a new client.
      const s = readAwsSettings({ db });
      const key = `${region}\u0000${JSON.stringify(s)}`;
      let c = servingClients.get(key);
      if (!c) {
        c = createControlPlaneClient({
          region,
          credentials: credentialsFor(s, secrets),
          ...(s.controlPlaneEndpoint ? { endpoint: s.controlPlaneEndpoint } : {}),
        });
        servingClients.set(key, c);
      }
      return c;
    },
    ...servingTuning(process.env),
  });
  // Servings still being created when the app stopped are followed again.
  servings.resumeAll();
  const ctx: HandlerContext = {
    db,
    dataDir: opts.dataDir,
    version: APP_VERSION,
    transport: opts.transport,
    emit,
    runs: runner,
    judge,
    batch,
    distill,
    servings,
    clients,
    secrets,
    ...(opts.pdf ? { pdf: opts.pdf } : {}),
  };
  return {
    ctx,
    runner,
    onEvent(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    async close() {
      await Promise.all([runner.closeAll(), judge.closeAll(), batch.close(), distill.close()]);
      batchClients.forEach((c) => c.destroy());
      servings.close();
      servingClients.forEach((c) => c.destroy());
      leases.stop();
      clients.invalidate();
      bus.removeAllListeners();
      db.close();
    },
  };
}
