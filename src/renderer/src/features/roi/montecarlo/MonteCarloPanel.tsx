import { formatMs } from '../../../../../shared/formatTime';
import { formatNumber, formatPercent, formatUsd } from '../../../../../shared/format';
import { MonteCarloChart } from '../charts/MonteCarloChart';
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
          {state.running
            ? 'simulating…'
            : state.ms !== null
              ? `${formatNumber(r?.draws ?? 0)} draws in ${formatMs(state.ms)}`
              : ''}
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
        <label>
          Volume ±{' '}
          <select
            className="input input-small"
            value={settings.volumeSpread}
            data-testid="mc-spread"
            onChange={(e) => onSettings({ ...settings, volumeSpread: Number(e.target.value) })}
          >
            {SPREADS.map((s) => (
              <option key={s} value={s}>
                {formatPercent(s, 0)}
              </option>
            ))}
          </select>
        </label>
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
          <MonteCarloChart result={r} />
          <p className="chart-foot" data-testid="mc-seed-note">
            Seed {r.seed}, {formatNumber(r.draws)} draws: the same seed gives the same figures.
            Volume triangular ±{formatPercent(settings.volumeSpread, 0)} around today’s.{' '}
            {notes.join(' ')}
            {state.preparedMs !== null &&
              ` Token resampling prepared once in ${formatMs(state.preparedMs)}.`}
          </p>
        </>
      )}
    </figure>
  );
}
