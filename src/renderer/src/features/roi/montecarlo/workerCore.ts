/**
 * The Monte Carlo worker's logic, apart from the Worker glue so it runs in unit tests: it keeps
 * the experiment's token samples and their bootstrapped means, which depend only on the runs,
 * the seed and the draw count. Preparing them is the slow part (B · n resampling: ~0.5 s for
 * 10,000 runs per model); a rerun on a slider move then costs only the draws.
 */
import {
  monteCarlo,
  prepareTokenReplicates,
  tokenReplicateCount,
  type MonteCarloOptions,
  type MonteCarloResult,
  type PreparedTokens,
  type Scenario,
  type TokenSample,
} from '../../../../../shared/roi';

export type RunOptions = Omit<MonteCarloOptions, 'tokenSamples' | 'preparedTokens'>;
export type TokenSamples = { teacher?: TokenSample[]; student?: TokenSample[] };

export type WorkerRequest =
  | { type: 'samples'; key: string; samples: TokenSamples }
  | { type: 'run'; id: number; scenario: Scenario; options: RunOptions; samplesKey: string | null };

export type WorkerReply =
  | { type: 'result'; id: number; result: MonteCarloResult; ms: number; preparedMs: number | null }
  | { type: 'error'; id: number; message: string };

const now = () => performance.now();

export class MonteCarloWorkerCore {
  private samples: { key: string; samples: TokenSamples } | null = null;
  private prepared: { key: string; tokens: PreparedTokens } | null = null;

  handle(request: WorkerRequest): WorkerReply | null {
    if (request.type === 'samples') {
      if (this.samples?.key !== request.key) this.prepared = null;
      this.samples = { key: request.key, samples: request.samples };
      return null;
    }
    const { id, scenario, options, samplesKey } = request;
    try {
      let preparedMs: number | null = null;
      let preparedTokens: PreparedTokens | undefined;
      if (samplesKey !== null) {
        if (this.samples?.key !== samplesKey) {
          return { type: 'error', id, message: 'The measured runs are still loading.' };
        }
        const key = `${samplesKey}|${options.seed}|${tokenReplicateCount(options.draws)}`;
        if (this.prepared?.key !== key) {
          const t = now();
          const tokens = prepareTokenReplicates(this.samples.samples, options);
          this.prepared = { key, tokens };
          preparedMs = now() - t;
        }
        preparedTokens = this.prepared.tokens;
      }
      const t = now();
      const result = monteCarlo(scenario, { ...options, preparedTokens });
      return { type: 'result', id, result, ms: now() - t, preparedMs };
    } catch (e) {
      return { type: 'error', id, message: e instanceof Error ? e.message : String(e) };
    }
  }
}
