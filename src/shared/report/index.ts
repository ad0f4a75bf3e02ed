/** Public API of the report layer: the view-model, its builder and the measured scenario. */
export * from './reportSchema';
export * from './buildReport';
export * from './scenarioSection';
export * from './measuredScenario';
export * from './qualityGap';
export * from './names';
export * from './ticks';
