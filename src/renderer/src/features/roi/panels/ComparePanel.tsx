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
import {
  computeRoi,
  type PresetOutcome,
  type RoiOutputs,
  type Scenario,
} from '../../../../../shared/roi';

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

const ROWS: { label: string; cell: (c: Column) => string }[] = [
  { label: 'Requests per month', cell: (c) => formatNumber(c.scenario.volume.requestsPerMonth) },
  {
    label: 'Student failure share',
    cell: (c) => formatPercent(c.scenario.quality.studentFailureShare),
  },
  // The cost saving and money from quality side by side, never one folded into the other.
  { label: 'Monthly cost saving', cell: (c) => formatUsd(c.roi.firstMonth.costSavingUsd) },
  { label: 'Money from quality', cell: (c) => formatUsd(c.roi.qualityMoney.firstMonthUsd) },
  {
    label: 'Cost saving share',
    cell: (c) =>
      c.roi.firstMonth.savingShareOfTeacher === null
        ? '—'
        : formatPercent(c.roi.firstMonth.savingShareOfTeacher),
  },
  { label: 'One-off investment', cell: (c) => formatUsd(c.roi.investment.totalUsd) },
  { label: 'Payback', cell: (c) => formatPayback(c.roi.payback) },
  {
    label: 'NPV',
    cell: (c) => `${formatUsd(c.roi.npvUsd)} (${c.scenario.finance.horizonMonths} mo)`,
  },
  { label: 'ROI over the horizon', cell: (c) => formatRoi(c.roi.roi) },
  { label: 'Break-even volume', cell: (c) => formatBreakEven(c.roi.breakEven) },
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
        <div className="segmented" role="radiogroup" aria-label="What to compare">
          {(['presets', 'saved'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
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
        <div className="table-scroll">
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
              {ROWS.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {columns.map((c) => (
                    <td key={c.key} className="num">
                      {r.cell(c)}
                    </td>
                  ))}
                </tr>
              ))}
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
