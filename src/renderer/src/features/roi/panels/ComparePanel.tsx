import { useMemo, useState } from 'react';
import {
  formatBreakEven,
  formatNumber,
  formatPayback,
  formatPercent,
  formatRoi,
  formatUsd,
} from '../../../../../shared/format';
import type { SavedScenario } from '../../../../../shared/ipc/roiChannels';
import { FIGURE_LABELS, npvLabel, roiLabel } from '../../../../../shared/roi/figureLabels';
import {
  computeRoi,
  type PresetOutcome,
  type RoiOutputs,
  type Scenario,
} from '../../../../../shared/roi';
import { onRovingKeyDown, rovingTabIndex } from '../../../components/rovingKeys';

interface ComparePanelProps {
  presets: PresetOutcome[];
  saved: SavedScenario[];
}

interface Column {
  key: string;
  title: string;
  changes: string[];
  scenario: Scenario;
  roi: RoiOutputs;
}

interface Row {
  label: string;
  cell: (c: Column) => string;
}

const serving = (s: Scenario): string => {
  const v = s.student.serving;
  return v.kind === 'provisioned'
    ? `provisioned, ${formatNumber(v.modelUnits)} unit(s), ${formatUsd(v.usdPerHourPerUnit)}/hour`
    : 'on demand, per token';
};

/** What each scenario assumes: a row whose cells differ is highlighted. */
const ASSUMPTIONS: Row[] = [
  { label: 'Requests per month', cell: (c) => formatNumber(c.scenario.volume.requestsPerMonth) },
  {
    label: 'Monthly growth (%)',
    cell: (c) => formatPercent(c.scenario.volume.monthlyGrowth),
  },
  { label: 'Horizon (months)', cell: (c) => `${c.scenario.finance.horizonMonths} months` },
  { label: 'Student serving', cell: (c) => serving(c.scenario) },
  {
    label: 'Student failure share (%)',
    cell: (c) => formatPercent(c.scenario.quality.studentFailureShare),
  },
  {
    label: 'Teacher price in / out per 1,000 tokens (USD)',
    cell: (c) =>
      `${formatUsd(c.scenario.teacher.price.inputUsdPer1k)} / ${formatUsd(c.scenario.teacher.price.outputUsdPer1k)}`,
  },
  {
    label: 'Student price in / out per 1,000 tokens (USD)',
    cell: (c) =>
      `${formatUsd(c.scenario.student.price.inputUsdPer1k)} / ${formatUsd(c.scenario.student.price.outputUsdPer1k)}`,
  },
  { label: `${FIGURE_LABELS.investment} (USD)`, cell: (c) => formatUsd(c.roi.investment.totalUsd) },
  {
    label: 'Yearly discount rate (%)',
    cell: (c) => formatPercent(c.scenario.finance.yearlyDiscountRate),
  },
];

/** What follows from them. */
const OUTCOMES: Row[] = [
  {
    label: `${FIGURE_LABELS.perRequest}, teacher / student (USD)`,
    cell: (c) =>
      `${formatUsd(c.roi.perRequest.teacherUsd)} / ${c.roi.perRequest.studentUsd === null ? 'hourly' : formatUsd(c.roi.perRequest.studentUsd)}`,
  },
  // The cost saving and money from quality side by side, never one folded into the other.
  {
    label: `${FIGURE_LABELS.monthlySaving} (USD)`,
    cell: (c) => formatUsd(c.roi.firstMonth.costSavingUsd),
  },
  {
    label: `${FIGURE_LABELS.qualityMoney} (USD)`,
    cell: (c) => formatUsd(c.roi.qualityMoney.firstMonthUsd),
  },
  {
    label: `${FIGURE_LABELS.savingShare} (%)`,
    cell: (c) =>
      c.roi.firstMonth.savingShareOfTeacher === null
        ? '—'
        : formatPercent(c.roi.firstMonth.savingShareOfTeacher),
  },
  { label: FIGURE_LABELS.payback, cell: (c) => formatPayback(c.roi.payback) },
  { label: `${npvLabel(null)} (USD)`, cell: (c) => formatUsd(c.roi.npvUsd) },
  { label: `${roiLabel(null)} (%)`, cell: (c) => formatRoi(c.roi.roi) },
  {
    label: `${FIGURE_LABELS.breakEven} (requests/month)`,
    cell: (c) => formatBreakEven(c.roi.breakEven),
  },
];

const MAX_SAVED = 3;

/** Two or three scenarios side by side: the presets of this one, or saved scenarios. */
export function ComparePanel({ presets, saved }: ComparePanelProps) {
  const [mode, setMode] = useState<'presets' | 'saved'>('presets');
  const [picked, setPicked] = useState<string[]>([]);
  const savedColumns = useMemo(
    () =>
      saved
        .filter((s) => picked.includes(s.id))
        .map((s) => ({
          key: s.id,
          title: s.name,
          changes: [],
          scenario: s.inputs,
          roi: computeRoi(s.inputs),
        })),
    [saved, picked],
  );
  const columns: Column[] =
    mode === 'presets'
      ? presets.map((p) => ({
          key: p.preset.id,
          title: p.preset.label,
          changes: p.preset.changes,
          scenario: p.preset.scenario,
          roi: p.roi,
        }))
      : savedColumns;
  const toggle = (id: string) =>
    setPicked((list) =>
      list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-MAX_SAVED),
    );

  return (
    <section className="panel compare" data-testid="compare">
      <div className="panel-head">
        <h2>Compare</h2>
        <div
          className="segmented"
          role="radiogroup"
          aria-label="What to compare"
          onKeyDown={onRovingKeyDown}
        >
          {(['presets', 'saved'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              tabIndex={rovingTabIndex(mode === m)}
              className={mode === m ? 'segment active' : 'segment'}
              data-testid={`compare-${m}`}
              onClick={() => setMode(m)}
            >
              {m === 'presets' ? 'Conservative / Base / Aggressive' : 'Saved scenarios'}
            </button>
          ))}
        </div>
      </div>
      {mode === 'saved' && (
        <div className="compare-pick">
          {saved.length === 0 && (
            <span className="hint">Save a scenario first; then pick two or three here.</span>
          )}
          {saved.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(s.id)}
                onChange={() => toggle(s.id)}
              />{' '}
              {s.name}
            </label>
          ))}
        </div>
      )}
      {columns.length > 0 && (
        <div className="table-scroll" role="region" aria-label="Scenarios compared" tabIndex={0}>
          <table className="table compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col" />
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="num">
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...ASSUMPTIONS, ...OUTCOMES].map((r) => {
                const cells = columns.map((c) => r.cell(c));
                // An assumption that differs between the columns is what explains the outcomes.
                const differs = ASSUMPTIONS.includes(r) && new Set(cells).size > 1;
                return (
                  <tr
                    key={r.label}
                    className={differs ? 'compare-differs' : undefined}
                    data-differs={differs}
                  >
                    <th scope="row">
                      {r.label}
                      {differs && <span className="visually-hidden"> (differs)</span>}
                    </th>
                    {cells.map((text, i) => (
                      <td key={columns[i]?.key ?? i} className="num">
                        {text}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {mode === 'presets' && (
        <ul className="compare-changes">
          {columns
            .filter((c) => c.key !== 'base')
            .map((c) => (
              <li key={c.key}>
                <strong>{c.title}:</strong> {c.changes.join('; ')}.
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
