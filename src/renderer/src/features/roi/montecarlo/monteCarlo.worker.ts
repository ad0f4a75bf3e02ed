/**
 * The Monte Carlo off the UI thread: 10,000 draws would otherwise freeze the sliders. Vite
 * bundles this file as a module worker served from the app's own origin (CSP worker-src 'self').
 */
import { MonteCarloWorkerCore, type WorkerRequest } from './workerCore';

const core = new MonteCarloWorkerCore();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const reply = core.handle(event.data);
  if (reply) self.postMessage(reply);
};
