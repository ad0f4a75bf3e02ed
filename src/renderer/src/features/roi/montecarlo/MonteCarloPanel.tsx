import { formatNumber, formatPercent, formatUsd } from '../../../../../shared/format';
import { MonteCarloScreenChart } from '../charts/MonteCarloScreenChart';
import type { MonteCarloSettings, MonteCarloState } from './useMonteCarlo';

interface MonteCarloPanelProps {
  state: MonteCarloState;
  settings: MonteCarloSettings;
  onSettings: (s: MonteCarloSettings) => void;
  notes: string[];
  horizonMonths: number;
}

const DRAWS = [1_000, 10_000, 50_000];
const SPREADS = [0, 0.1, 0.3, 0.5];
const PRICE_SPREADS = [0, 0.1, 0.25, 0.5];
const OVERRUNS = [0, 0.25, 0.5, 1];

interface SpreadSelectProps {
  label: string;
  value: number;
  options: number[];
  testId: string;
  onChange: (v: number) => void;
}

function SpreadSelect({ label, value, options, testId, onChange }: SpreadSelectProps) {
  return (
    <label>
      {label}{' '}
      <select
        className="input input-small"
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {options.map((s) => (
          <option key={s} value={s}>
            {formatPercent(s, 0)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The simulation: settings (seed shown, so a figure can be reproduced), percentiles, histogram. */
export function MonteCarloPanel({
  state,
  settings,
  onSettings,
  notes,
  horizonMonths,
}: MonteCarloPanelProps) {
  const r = state.result;
  return (
    <figure className="chart-box" data-testid="monte-carlo">
      <figcaption>
        Uncertainty: Monte Carlo
        <span className="chart-note" data-testid="mc-status">
          {state.running ? 'simulating…' : r ? `${formatNumber(r.draws)} draws` : ''}
        </span>
      </figcaption>
      <div className="mc-settings">
        <label>
          Draws{' '}
          <select
            className="input input-small"
            value={settings.draws}
            data-testid="mc-draws"
            onChange={(e) => onSettings({ ...settings, draws: Number(e.target.value) })}
          >
            {DRAWS.map((d) => (
              <option key={d} value={d}>
                {formatNumber(d)}
              </option>
            ))}
          </select>
        </label>
        <SpreadSelect
          label="Volume ±"
          value={settings.volumeSpread}
          options={SPREADS}
          testId="mc-spread"
          onChange={(volumeSpread) => onSettings({ ...settings, volumeSpread })}
        />
        <SpreadSelect
          label="Prices ±"
          value={settings.priceSpread}
          options={PRICE_SPREADS}
          testId="mc-price-spread"
          onChange={(priceSpread) => onSettings({ ...settings, priceSpread })}
        />
        <SpreadSelect
          label="Engineering overrun up to"
          value={settings.engineeringOverrun}
          options={OVERRUNS}
          testId="mc-engineering-overrun"
          onChange={(engineeringOverrun) => onSettings({ ...settings, engineeringOverrun })}
        />
        <label>
          Seed{' '}
          <input
            className="input input-num mc-seed"
            type="number"
            value={settings.seed}
            data-testid="mc-seed"
            onChange={(e) =>
              Number.isInteger(Number(e.target.value)) &&
              e.target.value !== '' &&
              onSettings({ ...settings, seed: Number(e.target.value) })
            }
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onSettings({ ...settings, seed: Math.floor(Math.random() * 1_000_000) })}
        >
          New seed
        </button>
      </div>
      {state.error && <p className="warn-text">{state.error}</p>}
      {r && (
        <>
          <div className="mc-figures" data-testid="mc-figures">
            <div>
              <span className="figure-label">
                Monthly saving, money from quality included, P5 / P50 / P95
              </span>
              <strong>
                {formatUsd(r.monthlySavingUsd.p5)} / {formatUsd(r.monthlySavingUsd.p50)} /{' '}
                {formatUsd(r.monthlySavingUsd.p95)}
              </strong>
            </div>
            <div>
              <span className="figure-label">NPV P5 / P50 / P95</span>
              <strong>
                {formatUsd(r.npvUsd.p5)} / {formatUsd(r.npvUsd.p50)} / {formatUsd(r.npvUsd.p95)}
              </strong>
            </div>
            <div>
              <span className="figure-label">Pays back within {horizonMonths} months</span>
              <strong data-testid="mc-payback">
                {formatPercent(r.probabilityPaybackWithinHorizon)}
              </strong>
            </div>
          </div>
          <MonteCarloScreenChart result={r} />
          <p className="chart-foot" data-testid="mc-seed-note">
            Seed {r.seed}, {formatNumber(r.draws)} draws: the same seed gives the same figures.
            Volume triangular ±{formatPercent(settings.volumeSpread, 0)} around today’s.
            {settings.priceSpread > 0 &&
              ` Each side’s prices (service tier, batch) triangular ±${formatPercent(settings.priceSpread, 0)}.`}
            {settings.engineeringOverrun > 0 &&
              ` Engineering cost triangular from −${formatPercent(settings.engineeringOverrun / 4, 0)} to +${formatPercent(settings.engineeringOverrun, 0)}.`}{' '}
            {notes.join(' ')}
          </p>
        </>
      )}
    </figure>
  );
}
