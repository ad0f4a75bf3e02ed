/** The experiment runner's public surface. */
export { ExperimentRunner, RunnerError } from './experimentRunner';
export { tcpProbe, endpointOf, canConnect } from './reachability';
export {
  DEFAULT_TUNING,
  systemClock,
  type RunnerDeps,
  type RunnerTuning,
  type RunnerClock,
} from './runnerTypes';
