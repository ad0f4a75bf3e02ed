import { useMemo, useState } from 'react';
import { DEFAULT_SEED } from '../../../../shared/metrics/bootstrap';
import type { PriceOverrideInput } from '../../../../shared/pricing/priceSchemas';
import { overrideScopes, scenarioCatalog } from '../../../../shared/pricing/priceBook';
import { monteCarloInputsFor, scenarioPriceFor, whatIfView } from '../../../../shared/roi';
import { fraction } from '../../../../shared/units';
import { ErrorBanner } from '../../components/Banner';
import { CashFlowScreenChart } from './charts/CashFlowScreenChart';
import { CostVolumeScreenChart } from './charts/CostVolumeScreenChart';
import { TornadoScreenChart } from './charts/TornadoScreenChart';
import { AssumptionsPanel } from './fields/AssumptionsPanel';
import { MonteCarloPanel } from './montecarlo/MonteCarloPanel';
import { useMonteCarlo, type MonteCarloSettings } from './montecarlo/useMonteCarlo';
import { KeyFigures } from './outputs/KeyFigures';
import { VerdictPanel } from './outputs/VerdictPanel';
import { Warnings } from './outputs/Warnings';
import { ComparePanel } from './panels/ComparePanel';
import { EvidencePicker } from './panels/EvidencePicker';
import { RecommendationPanel } from './panels/RecommendationPanel';
import { ScenarioBar } from './panels/ScenarioBar';
import { PricePanel } from './prices/PricePanel';
import { PriceListPanel } from './prices/PriceListPanel';
import { bookOf, useRoiStore } from './useRoiStore';
import { useRoiMemory } from './useRoiMemory';
import { useWhatIf } from './useWhatIf';

/**
 * The what-if calculator: assumptions on the left, every figure and chart recomputed in the
 * renderer on each change (src/shared/roi, the same functions the report uses), the Monte Carlo
 * in a worker, then comparison, recommendation and prices.
 */
export function RoiScreen() {
  const store = useRoiStore();
  const w = useWhatIf(store.book, store.setError);
  useRoiMemory({
    scenarios: store.scenarios,
    savedId: w.savedId,
    experimentId: w.experimentId,
    loadScenario: w.loadScenario,
    chooseExperiment: w.chooseExperiment,
  });
  const [maxFailureShare, setMaxFailureShare] = useState(0.1);
  const [mc, setMc] = useState<MonteCarloSettings>({
    draws: 10_000,
    seed: DEFAULT_SEED,
    volumeSpread: 0.3,
    priceSpread: 0,
    engineeringOverrun: 0,
  });

  // The last complete scenario stays on screen, dimmed, while a missing figure is entered.
  const [shown, setShown] = useState(w.scenario);
  if (w.scenario && w.scenario !== shown) setShown(w.scenario);
  const bar = fraction(maxFailureShare);
  const view = useMemo(
    () =>
      shown
        ? whatIfView(shown, {
            evidence: w.evidence,
            priceBook: store.book,
            scenarioId: w.savedId,
            maxFailureShare: bar,
          })
        : null,
    [shown, w.evidence, store.book, w.savedId, bar],
  );
  const mcInputs = useMemo(
    () => (w.scenario ? monteCarloInputsFor(w.scenario, w.evidence) : null),
    [w.scenario, w.evidence],
  );
  const simulation = useMonteCarlo(w.scenario, mc, mcInputs);

  const reprice = (list: Parameters<typeof bookOf>[0] | null) => {
    if (list) w.reprice(bookOf(list, store.snapshots));
    return list !== null;
  };
  const open = (id: string | null) => {
    const s = store.scenarios?.find((x) => x.id === id);
    if (s) void w.loadScenario(s);
    else w.newScenario();
  };
  const save = async () => {
    if (!w.scenario) return;
    const input = { name: w.name.trim(), experimentId: w.experimentId, inputs: w.scenario };
    const saved = await store.saveScenario(w.savedId ? { ...input, id: w.savedId } : input);
    if (saved) w.markSaved(saved);
  };
  const stale = w.scenario === null;
  // Which price applies to each side, as the price book resolves it for this scenario.
  const priceOf = (side: { modelId: string; region: string }) =>
    scenarioPriceFor(side.modelId, side.region, store.book, w.evidence, w.savedId)?.price ?? null;
  const resolved = { teacher: priceOf(w.draft.teacher), student: priceOf(w.draft.student) };
  // The catalog as this scenario sees it (its own overrides too), for hourly, training and
  // storage figures; and which override set each figure, to say so beside it.
  const catalog = useMemo(() => scenarioCatalog(store.book, w.savedId), [store.book, w.savedId]);
  const scopesOf = (side: { modelId: string; region: string }) =>
    overrideScopes(store.book, side.modelId, side.region, w.savedId);

  return (
    <section
      className="screen roi"
      data-app-state={store.scenarios ? 'ready' : 'loading'}
      data-testid="roi-screen"
    >
      <header className="roi-head">
        <h1>ROI what-if</h1>
        <p className="lede">
          Move any assumption: every figure and chart follows at once. Figures come from the same
          model as the report.
        </p>
      </header>
      <ErrorBanner error={store.error} onDismiss={() => store.setError(null)} />
      <ScenarioBar
        scenarios={store.scenarios ?? []}
        savedId={w.savedId}
        name={w.name}
        dirty={w.dirty}
        canSave={w.scenario !== null}
        busy={store.busy}
        onName={w.setName}
        onOpen={open}
        onSave={() => void save()}
        onDuplicate={(name) =>
          void (
            w.savedId &&
            store.duplicateScenario(w.savedId, name).then((c) => c && w.loadScenario(c))
          )
        }
        onDelete={() =>
          void (w.savedId && store.deleteScenario(w.savedId).then((ok) => ok && w.newScenario()))
        }
      />
      <EvidencePicker
        experiments={store.experiments}
        experimentId={w.experimentId}
        evidence={w.evidence}
        studentModelId={w.draft.student.modelId}
        notes={w.notes}
        loading={w.loading}
        onExperiment={(id) => void w.chooseExperiment(id)}
        onStudent={w.chooseStudent}
      />
      <div className="roi-grid">
        <AssumptionsPanel
          draft={w.draft}
          onChange={w.setDraft}
          book={catalog}
          tokenOrigin={
            w.experimentId
              ? 'Means of the measured runs until you change them.'
              : 'One paragraph measured in the built-in example; choose an experiment of your own for more.'
          }
        />
        <div className="roi-results">
          {w.problems.length > 0 && (
            <div className="banner banner-warn" role="status" data-testid="roi-problems">
              <span>
                {w.problems.join(' ')}{' '}
                {view && 'The figures below are for the last complete set of assumptions.'}
              </span>
            </div>
          )}
          {view && shown && (
            <div className={stale ? 'roi-outputs stale' : 'roi-outputs'}>
              <VerdictPanel scenario={shown} roi={view.roi} evidence={w.evidence} />
              <KeyFigures
                roi={view.roi}
                scenario={shown}
                horizonMonths={shown.finance.horizonMonths}
                discountRate={shown.finance.yearlyDiscountRate}
              />
              <Warnings roi={view.roi} />
              <CostVolumeScreenChart series={view.roi.charts.costVsVolume} />
              <CashFlowScreenChart series={view.roi.charts.cashFlow} />
            </div>
          )}
        </div>
      </div>
      {view && shown && (
        <div className={stale ? 'roi-more stale' : 'roi-more'}>
          <div className="roi-pair">
            <TornadoScreenChart tornado={view.tornado} />
            <MonteCarloPanel
              state={simulation}
              settings={mc}
              onSettings={setMc}
              notes={mcInputs?.notes ?? []}
              horizonMonths={shown.finance.horizonMonths}
            />
          </div>
          <div className="roi-stack">
            <ComparePanel presets={view.presets} saved={store.scenarios ?? []} />
            <RecommendationPanel
              recommendation={view.recommendation}
              maxFailureShare={maxFailureShare}
              onMaxFailureShare={setMaxFailureShare}
              currentStudent={w.draft.student.modelId}
              onUseStudent={w.chooseStudent}
            />
          </div>
        </div>
      )}
      <PricePanel
        draft={w.draft}
        book={catalog}
        resolved={resolved}
        scopes={{ teacher: scopesOf(w.draft.teacher), student: scopesOf(w.draft.student) }}
        overrides={store.overrides}
        scenarioId={w.savedId}
        scenarioName={w.name}
        onOverride={(o: PriceOverrideInput, scenarioId: string | null) =>
          store.saveOverride({ ...o, scenarioId }).then(reprice)
        }
        onDelete={(id) => void store.deleteOverride(id).then(reprice)}
        onUseBook={() => w.reprice(store.book)}
      />
      <PriceListPanel draft={w.draft} onSnapshot={store.putSnapshot} onDraft={w.setDraft} />
    </section>
  );
}
