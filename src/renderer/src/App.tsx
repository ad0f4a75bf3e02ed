import { useEffect, useState } from 'react';
import { api } from './api/transport';
import { DatasetsScreen } from './features/datasets/DatasetsScreen';
import { ExperimentsScreen } from './features/runs/ExperimentsScreen';
import { QualityScreen } from './features/quality/QualityScreen';
import { ReportScreen } from './features/report/ReportScreen';
import { RoiScreen } from './features/roi/RoiScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { NavigateProvider, SCREENS, type ScreenId } from './navigation';

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
        <NavigateProvider value={setScreen}>
          {screen === 'datasets' && <DatasetsScreen />}
          {screen === 'experiments' && <ExperimentsScreen />}
          {screen === 'quality' && <QualityScreen />}
          {screen === 'roi' && <RoiScreen />}
          {screen === 'report' && <ReportScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </NavigateProvider>
      </main>
    </div>
  );
}
