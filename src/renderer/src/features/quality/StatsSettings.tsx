import { useState } from 'react';
import { METRICS, type MetricKey } from '../../../../shared/quality/metricKeys';
import type { QualitySettings } from '../../../../shared/quality/qualitySettings';

interface StatsSettingsProps {
  settings: QualitySettings;
  onSave: (s: QualitySettings) => void;
}

/**
 * The bootstrap seed (stored with the report, so anyone can reproduce its intervals), whether
 * ROUGE stems words first (every ROUGE value is recomputed when it changes), and the metric
 * whose bar defines a failed output for the ROI calculator's failure shares.
 */
export function StatsSettings({ settings, onSave }: StatsSettingsProps) {
  const [seed, setSeed] = useState(String(settings.seed));
  // Shown at once; the report re-read after the save (every ROUGE value rescored) follows.
  const [stem, setStem] = useState(settings.rougeStemmed);
  const seedOk = /^\d{1,10}$/.test(seed.trim()) && Number(seed) <= 2_147_483_647;
  return (
    <div className="toolbar stats-settings">
      <label className="row">
        Metric whose bar counts a failed output (for ROI)
        <select
          className="input"
          data-testid="failure-metric"
          value={settings.failureMetric}
          onChange={(e) => onSave({ ...settings, failureMetric: e.target.value as MetricKey })}
        >
          {METRICS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.group}: {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        <input
          type="checkbox"
          data-testid="rouge-stemmed"
          checked={stem}
          onChange={(e) => {
            setStem(e.target.checked);
            onSave({ ...settings, rougeStemmed: e.target.checked });
          }}
        />
        ROUGE with Porter stemming (rouge-score’s use_stemmer)
      </label>
      <label className="row">
        Bootstrap seed
        <input
          className="input input-num"
          data-testid="bootstrap-seed"
          inputMode="numeric"
          value={seed}
          aria-invalid={!seedOk}
          onChange={(e) => setSeed(e.target.value)}
          onBlur={() => {
            if (seedOk && Number(seed) !== settings.seed)
              onSave({ ...settings, seed: Number(seed) });
          }}
        />
      </label>
    </div>
  );
}
