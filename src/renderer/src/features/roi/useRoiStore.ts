import { useCallback, useMemo, useState } from 'react';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import type { SavedScenario, StoredPriceOverride } from '../../../../shared/ipc/roiChannels';
import { priceBookOf, type PriceBook } from '../../../../shared/pricing/priceBook';
import { PRICE_CATALOG } from '../../../../shared/pricing/priceCatalog';
import type { PriceOverrideInput } from '../../../../shared/pricing/priceSchemas';
import type { Scenario } from '../../../../shared/roi';
import { SHIPPED_REGIONS, shippedModelList } from '../../../../shared/models/shippedModelList';
import type { PriceSnapshot } from '../../../../shared/pricing/priceList/priceSnapshot';
import {
  snapshotCatalog,
  withSnapshotCatalogs,
} from '../../../../shared/pricing/priceList/snapshotPrices';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useQuery } from '../../api/useQuery';

/**
 * The price book of the stored overrides (each keeps its scope: every scenario, or one), over
 * the built-in catalog with the latest Price List snapshots laid on it: a model the Price List
 * prices takes that price, with its source and publication date.
 */
export const bookOf = (
  overrides: readonly StoredPriceOverride[],
  snapshots: readonly PriceSnapshot[] = [],
): PriceBook =>
  priceBookOf(
    overrides.map((o) => ({ override: o.override, scenarioId: o.scenarioId })),
    withSnapshotCatalogs(
      PRICE_CATALOG,
      snapshots.map((s) => snapshotCatalog(s, SHIPPED_NAMINGS)),
    ),
  );

/** Model names the Price List rows are matched by (the shipped lists cover the catalog's ids). */
const SHIPPED_NAMINGS = SHIPPED_REGIONS.flatMap((r) => shippedModelList(r)?.models ?? []).map(
  (m) => ({ modelId: m.modelId, modelName: m.modelName }),
);

/**
 * What the ROI screen keeps in the store: saved scenarios and price overrides, plus the
 * experiments it can prefill from. The price book holds the catalog and every saved override
 * with its scope; a scenario's figures are resolved from it (`resolvePrice`, `scenarioCatalog`).
 */
export function useRoiStore() {
  const [scenarios, setScenarios] = useState<SavedScenario[] | null>(null);
  const [overrides, setOverrides] = useState<StoredPriceOverride[]>([]);
  const [experiments, setExperiments] = useState<ExperimentSummary[]>([]);
  const { run, error, setError, busy } = useCall();

  useQuery(() => api.listScenarios({}), [], {
    onData: setScenarios,
    onError: (e) => {
      setError(e);
      setScenarios([]);
    },
  });
  useQuery(() => api.listPriceOverrides({}), [], { onData: setOverrides, onError: setError });
  useQuery(() => api.listExperiments({}), [], { onData: setExperiments, onError: setError });

  const [snapshots, setSnapshots] = useState<PriceSnapshot[]>([]);
  /** Puts a region's latest snapshot in the book (replacing that region's earlier one). */
  const putSnapshot = useCallback((s: PriceSnapshot | null, region: string) => {
    setSnapshots((list) => [...list.filter((x) => x.region !== region), ...(s ? [s] : [])]);
  }, []);
  const book = useMemo(() => bookOf(overrides, snapshots), [overrides, snapshots]);

  const refreshScenarios = useCallback(async () => {
    const list = await run(() => api.listScenarios({}));
    if (list) setScenarios(list);
  }, [run]);

  const saveScenario = useCallback(
    async (input: { id?: string; name: string; experimentId: string | null; inputs: Scenario }) => {
      const saved = await run(() => api.saveScenario(input));
      if (saved) await refreshScenarios();
      return saved;
    },
    [run, refreshScenarios],
  );

  const duplicateScenario = useCallback(
    async (id: string, name: string) => {
      const copy = await run(() => api.duplicateScenario({ id, name }));
      if (copy) {
        await refreshScenarios();
        // The copy came with copies of the original's own overrides: price it with them.
        const list = await run(() => api.listPriceOverrides({}));
        if (list) setOverrides(list);
      }
      return copy;
    },
    [run, refreshScenarios],
  );

  const deleteScenario = useCallback(
    async (id: string) => {
      const done = await run(() => api.deleteScenario({ id }));
      if (done) await refreshScenarios();
      return done !== null;
    },
    [run, refreshScenarios],
  );

  /** Both return the new list of overrides (null when the store refused), to reprice with. */
  const saveOverride = useCallback(
    async (o: PriceOverrideInput & { scenarioId?: string | null }) => {
      const saved = await run(() => api.savePriceOverride(o));
      if (!saved) return null;
      const list = [...overrides, saved];
      setOverrides(list);
      return list;
    },
    [run, overrides],
  );

  const deleteOverride = useCallback(
    async (id: string) => {
      const done = await run(() => api.deletePriceOverride({ id }));
      if (!done) return null;
      const list = overrides.filter((o) => o.id !== id);
      setOverrides(list);
      return list;
    },
    [run, overrides],
  );

  return {
    scenarios,
    overrides,
    snapshots,
    putSnapshot,
    experiments,
    book,
    error,
    setError,
    busy,
    saveScenario,
    duplicateScenario,
    deleteScenario,
    saveOverride,
    deleteOverride,
  };
}
