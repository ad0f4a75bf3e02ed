import { useEffect, useState } from 'react';
import { api } from './api/transport';
import { DatasetsScreen } from './features/datasets/DatasetsScreen';

type ScreenId = 'datasets';

const SCREENS: { id: ScreenId; label: string; hint: string }[] = [
  { id: 'datasets', label: 'Paragraphs', hint: 'Write or import the texts to compare on' },
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
      <main className="content">{screen === 'datasets' && <DatasetsScreen />}</main>
    </div>
  );
}
