import { useEffect, useRef } from 'react';
import type { SavedScenario } from '../../../../shared/ipc/roiChannels';
import { readChoice, writeChoice } from '../../workspace/workspace';

interface RoiMemoryInput {
  scenarios: SavedScenario[] | null;
  savedId: string | null;
  experimentId: string | null;
  loadScenario: (s: SavedScenario) => Promise<void>;
  chooseExperiment: (id: string | null) => Promise<void>;
}

/**
 * The ROI screen reopens what the analyst left: the saved scenario, else the experiment it was
 * prefilled from. Restored once, when the saved scenarios are known; remembered on each change.
 */
export function useRoiMemory(m: RoiMemoryInput): void {
  const restored = useRef(false);
  const { scenarios, loadScenario, chooseExperiment } = m;
  useEffect(() => {
    if (restored.current || scenarios === null) return;
    restored.current = true;
    const scenario = scenarios.find((s) => s.id === readChoice('roiScenario'));
    if (scenario) {
      void loadScenario(scenario);
      return;
    }
    const experimentId = readChoice('roiExperiment');
    if (experimentId) void chooseExperiment(experimentId);
  }, [scenarios, loadScenario, chooseExperiment]);

  useEffect(() => {
    if (restored.current) writeChoice('roiScenario', m.savedId);
  }, [m.savedId]);
  useEffect(() => {
    if (restored.current) writeChoice('roiExperiment', m.experimentId);
  }, [m.experimentId]);
}
