import { useEffect, useState } from 'react';
import { api } from './api/transport';
import { DatasetsScreen } from './features/datasets/DatasetsScreen';
import { ExperimentsScreen } from './features/runs/ExperimentsScreen';
import { QualityScreen } from './features/quality/QualityScreen';
import { ReportScreen } from './features/report/ReportScreen';
import { RoiScreen } from './features/roi/RoiScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';

type ScreenId = 'datasets' | 'experiments' | 'quality' | 'roi' | 'report' | 'settings';

const SCREENS: { id: ScreenId; label: string; hint: string }[] = [
  { id: 'datasets', label: 'Paragraphs', hint: 'Write or import the texts to compare on' },
  {
    id: 'experiments',
    label: 'Experiments',
    hint: 'Run teacher and students on Bedrock, side by side',
  },
  {
    id: 'quality',
    label: 'Quality',
    hint: 'ROUGE, an LLM judge and your own blind ratings, with confidence intervals',
  },
  {
    id: 'roi',
    label: 'ROI',
    hint: 'What-if: break-even, payback and NPV as you move the assumptions',
  },
  {
    id: 'report',
    label: 'Report',
    hint: 'The PDF for stakeholders, CSV exports and experiment bundles',
  },
  { id: 'settings', label: 'Settings', hint: 'AWS credentials, region and endpoint' },
];

export function App() {
  const [screen, setScreen] = useState<ScreenId>('datasets');
  const [version, setVersion] = useState('');

  useEffect(() => {
    void api.getAppInfo({}).then((r) => {
      if (r.ok) setVersion(r.value.version);
    });
  }, []);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>Distill ROI</span>
        </div>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === screen ? 'nav-item active' : 'nav-item'}
                data-testid={`nav-${s.id}`}
                aria-current={s.id === screen ? 'page' : undefined}
                title={s.hint}
                onClick={() => setScreen(s.id)}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">{version ? `v${version}` : ''}</div>
      </nav>
      <main className="content">
        {screen === 'datasets' && <DatasetsScreen />}
        {screen === 'experiments' && <ExperimentsScreen />}
        {screen === 'quality' && <QualityScreen />}
        {screen === 'roi' && <RoiScreen />}
        {screen === 'report' && <ReportScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </div>
  );
}
