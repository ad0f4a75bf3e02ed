import { useCallback, useMemo, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { SavedScenario } from '../../../../shared/ipc/roiChannels';
import type { PriceBook } from '../../../../shared/pricing/priceBook';
import {
  prefillFromEvidence,
  ScenarioSchema,
  startingScenario,
  STARTING_NOTE,
  withBookPrices,
  type RoiEvidence,
  type Scenario,
} from '../../../../shared/roi';
import { api } from '../../api/transport';
import { draftProblems, type Draft } from './draft';

interface Current {
  draft: Draft;
  name: string;
  savedId: string | null;
  /** What was last saved or loaded, to tell unsaved changes. */
  savedAs: string | null;
  experimentId: string | null;
  evidence: RoiEvidence | null;
  /** Where the prefilled figures came from, one line each. */
  notes: string[];
}

const snapshot = (c: Pick<Current, 'draft' | 'name' | 'experimentId'>) =>
  JSON.stringify([c.draft, c.name.trim(), c.experimentId]);

const fresh = (): Current => ({
  draft: startingScenario(),
  name: '',
  savedId: null,
  savedAs: null,
  experimentId: null,
  evidence: null,
  notes: [STARTING_NOTE],
});

/**
 * The scenario on the screen: the draft and where it came from (a saved scenario, an
 * experiment), prefill on choosing an experiment or a student, and the parsed scenario the
 * figures are computed from (null while a figure is missing or invalid, with the reasons).
 */
export function useWhatIf(priceBook: PriceBook, onError: (e: AppError) => void) {
  const [current, setCurrent] = useState<Current>(fresh);
  const [loading, setLoading] = useState(false);

  const setDraft = useCallback((draft: Draft) => setCurrent((c) => ({ ...c, draft })), []);
  const setName = useCallback((name: string) => setCurrent((c) => ({ ...c, name })), []);

  const loadEvidence = useCallback(
    async (experimentId: string): Promise<RoiEvidence | null> => {
      setLoading(true);
      try {
        const r = await api.getRoiEvidence({ experimentId });
        if (r.ok) return r.value;
        onError(r.error);
        return null;
      } finally {
        setLoading(false);
      }
    },
    [onError],
  );

  /** Prefill from an experiment (its first student), or back to the seed study's figures. */
  const chooseExperiment = useCallback(
    async (experimentId: string | null) => {
      if (experimentId === null) {
        setCurrent((c) => ({
          ...c,
          draft: startingScenario(),
          experimentId: null,
          evidence: null,
          notes: [STARTING_NOTE],
        }));
        return;
      }
      const evidence = await loadEvidence(experimentId);
      const student = evidence?.studentModelIds[0];
      if (!evidence || !student) return;
      setCurrent((c) => {
        const p = prefillFromEvidence(c.draft, evidence, student, priceBook, c.savedId);
        return { ...c, draft: p.scenario, experimentId, evidence, notes: p.notes };
      });
    },
    [loadEvidence, priceBook],
  );

  const chooseStudent = useCallback(
    (studentModelId: string) =>
      setCurrent((c) => {
        if (!c.evidence) return c;
        const p = prefillFromEvidence(c.draft, c.evidence, studentModelId, priceBook, c.savedId);
        return { ...c, draft: p.scenario, notes: p.notes };
      }),
    [priceBook],
  );

  /** A saved scenario exactly as saved (its own prices); its experiment's runs for the simulation. */
  const loadScenario = useCallback(
    async (s: SavedScenario) => {
      const evidence = s.experimentId ? await loadEvidence(s.experimentId) : null;
      const loaded = { draft: s.inputs, name: s.name, experimentId: s.experimentId };
      setCurrent({
        ...loaded,
        savedId: s.id,
        savedAs: snapshot(loaded),
        evidence,
        notes: [
          `Saved scenario “${s.name}”, last changed ${s.updatedAt.slice(0, 10)}, with the prices it was saved with.`,
        ],
      });
    },
    [loadEvidence],
  );

  const markSaved = useCallback(
    (s: SavedScenario) =>
      setCurrent((c) => ({
        ...c,
        savedId: s.id,
        name: s.name,
        savedAs: snapshot({ draft: c.draft, name: s.name, experimentId: c.experimentId }),
      })),
    [],
  );

  const newScenario = useCallback(() => setCurrent(fresh()), []);

  /** After an override is saved or deleted: both models priced from the new book. */
  const reprice = useCallback(
    (book: PriceBook) =>
      setCurrent((c) => ({ ...c, draft: withBookPrices(c.draft, book, c.evidence, c.savedId) })),
    [],
  );

  const parsed = useMemo(() => ScenarioSchema.safeParse(current.draft), [current.draft]);
  const scenario: Scenario | null = parsed.success ? parsed.data : null;
  const problems = useMemo(() => (parsed.success ? [] : draftProblems(parsed.error)), [parsed]);
  const dirty = current.savedAs !== snapshot(current);

  return {
    ...current,
    scenario,
    problems,
    dirty,
    loading,
    setDraft,
    setName,
    chooseExperiment,
    chooseStudent,
    loadScenario,
    markSaved,
    newScenario,
    reprice,
  };
}
