/** Public API of the metrics layer: ROUGE, descriptive statistics, bootstrap, latency and cost. */
export { porterStem } from './porterStemmer';
export {
  tokenizeForRouge,
  splitSummarySentences,
  type RougeTokenizeOptions,
} from './rougeTokenizer';
export {
  scoreRouge,
  rougeN,
  rougeL,
  rougeLsum,
  ROUGE_TYPES,
  type RougeScore,
  type RougeScores,
  type RougeType,
  type RougeOptions,
} from './rouge';
export { lcsLength, lcsReferenceIndices } from './lcs';
export {
  createRng,
  sampleTriangular,
  sampleUniform,
  triangularQuantile,
  pickOne,
  type Rng,
} from './random';
export {
  isPresent,
  presentValues,
  sum,
  mean,
  meanOrNull,
  percentile,
  percentiles,
  percentileOfSorted,
  median,
  p50,
  p95,
  normalQuantile,
  type MaybeNumber,
} from './statistics';
export { bootstrapColumnMeans } from './columnMeans';
export { BootstrapBatch, runPlan, type BootstrapPlan } from './bootstrapPlan';
export {
  pairedBootstrap,
  planPairedBootstrap,
  bootstrapMean,
  planBootstrapMean,
  percentileInterval,
  dropMissingPairs,
  resolveBootstrapOptions,
  MIN_PARAGRAPHS,
  PERCENTILE_BOOTSTRAP_METHOD,
  DEFAULT_RESAMPLES,
  DEFAULT_CONFIDENCE,
  DEFAULT_SEED,
  type BootstrapOptions,
  type ResolvedBootstrapOptions,
  type Interval,
  type Insufficient,
  type MeanWithCi,
  type PairedBootstrapEstimate,
  type PairedBootstrapResult,
  type BootstrapMeanEstimate,
  type BootstrapMeanResult,
} from './bootstrap';
export {
  winRateFromScores,
  winRateFromPreferences,
  preferencesFromScores,
  wilsonInterval,
  type Preference,
  type WinRateOptions,
  type WinRateEstimate,
  type WinRateResult,
} from './winRate';
export {
  failureShare,
  planFailureShare,
  pairedFailureShares,
  planPairedFailureShares,
  type FailureShareOptions,
  type FailureShareEstimate,
  type FailureShareResult,
  type PairedFailureShareEstimate,
  type PairedFailureShareResult,
} from './failureShare';
export {
  pairedTInterval,
  pairedSharesInterval,
  PAIRED_T_METHOD,
  PAIRED_SHARES_METHOD,
  type PairedInterval,
} from './pairedInterval';
export {
  measureIntervalCoverage,
  COVERAGE_SIZES,
  COVERAGE_TRIALS,
  type CoverageRow,
  type CoverageTable,
} from './intervalCoverage';
export { summarizeLatencies, outputTokensPerSecond, type LatencySummary } from './latency';
export {
  summarizeModelRuns,
  ratio,
  type RunSample,
  type ModelRunSummary,
  type TeacherStudentRatios,
} from './runSummary';
