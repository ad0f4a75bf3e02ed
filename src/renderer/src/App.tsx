import { useEffect, useState } from 'react';
import { api } from './api/transport';
import { DatasetsScreen } from './features/datasets/DatasetsScreen';
import { ExperimentsScreen } from './features/runs/ExperimentsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';

type ScreenId = 'datasets' | 'experiments' | 'settings';

const SCREENS: { id: ScreenId; label: string; hint: string }[] = [
  { id: 'datasets', label: 'Paragraphs', hint: 'Write or import the texts to compare on' },
  {
    id: 'experiments',
    label: 'Experiments',
    hint: 'Run teacher and students on Bedrock, side by side',
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
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </div>
  );
}
