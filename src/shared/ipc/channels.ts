/**
 * The names of every IPC channel, as plain data with no dependencies, so that the sandboxed
 * preload can expose exactly these and nothing else. `contract.test.ts` keeps it equal to the
 * contract's keys.
 */
export const CHANNELS = [
  'getAppInfo',
  'getStartupState',
  'restoreBackup',
  'startFresh',
  'listDatasets',
  'createDataset',
  'renameDataset',
  'deleteDataset',
  'addSampleDataset',
  'listParagraphs',
  'addParagraph',
  'updateParagraph',
  'deleteParagraph',
  'reorderParagraphs',
  'importParagraphs',
  'listExperiments',
  'estimateExperiment',
  'createExperiment',
  'deleteExperiment',
  'startExperiment',
  'pauseExperiment',
  'cancelExperiment',
  'retryFailedRuns',
  'getRunProgress',
  'getExperimentResults',
  'getCredentialStatus',
  'saveAwsSettings',
  'saveAccessKeys',
  'deleteAccessKeys',
  'testConnection',
  'getQualityReport',
  'getQualitySetup',
  'saveQualitySettings',
  'estimateJudge',
  'startJudge',
  'cancelJudge',
  'getJudgeProgress',
  'getRatingSession',
  'rateOutput',
  'ratePreference',
  'getFailureShares',
  'listReportScenarios',
  'getReport',
  'exportReportPdf',
  'exportRunsCsv',
  'exportScenariosCsv',
  'exportBundle',
  'importBundle',
  'listPriceOverrides',
  'savePriceOverride',
  'deletePriceOverride',
  'listScenarios',
  'saveScenario',
  'duplicateScenario',
  'deleteScenario',
  'getRoiEvidence',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Prefix of every ipcMain channel, so app channels never collide with Electron's own. */
export const IPC_PREFIX = 'distill:';
export const EVENT_CHANNEL = 'distill:event';
