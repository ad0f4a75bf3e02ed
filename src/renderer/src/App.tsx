import { useEffect, useRef, useState } from 'react';
import { api } from './api/transport';
import { DatasetsScreen } from './features/datasets/DatasetsScreen';
import { DistillScreen } from './features/distill/DistillScreen';
import { ExperimentsScreen } from './features/runs/ExperimentsScreen';
import { CustomModelsScreen } from './features/customModels/CustomModelsScreen';
import { QualityScreen } from './features/quality/QualityScreen';
import { ReportScreen } from './features/report/ReportScreen';
import { RoiScreen } from './features/roi/RoiScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { BillScreen } from './features/billing/BillScreen';
import { NavigateProvider, SCREENS, type ScreenId } from './navigation';

export function App() {
  const [screen, setScreen] = useState<ScreenId>('datasets');
  const [version, setVersion] = useState('');
  const main = useRef<HTMLElement>(null);
  const navigated = useRef(false);

  // After the user picks another screen, focus goes to its heading (once it has rendered), so a
  // keyboard or screen-reader user starts there rather than on the sidebar button.
  useEffect(() => {
    if (!navigated.current) return;
    const root = main.current;
    if (!root) return;
    const focusHeading = (): boolean => {
      const h = root.querySelector<HTMLElement>('h1');
      if (!h) return false;
      h.tabIndex = -1;
      h.focus();
      return true;
    };
    if (focusHeading()) return;
    const watch = new MutationObserver(() => {
      if (focusHeading()) watch.disconnect();
    });
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [screen]);

  const goTo = (id: ScreenId) => {
    navigated.current = true;
    setScreen(id);
  };

  useEffect(() => {
    void api.getAppInfo({}).then((r) => {
      if (r.ok) setVersion(r.value.version);
    });
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" data-testid="skip-link">
        Skip to main content
      </a>
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
                onClick={() => goTo(s.id)}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">{version ? `v${version}` : ''}</div>
      </nav>
      <main className="content" id="main-content" tabIndex={-1} ref={main}>
        <NavigateProvider value={goTo}>
          {screen === 'datasets' && <DatasetsScreen />}
          {screen === 'experiments' && <ExperimentsScreen />}
          {screen === 'customModels' && <CustomModelsScreen />}
          {screen === 'quality' && <QualityScreen />}
          {screen === 'roi' && <RoiScreen />}
          {screen === 'distill' && <DistillScreen />}
          {screen === 'report' && <ReportScreen />}
          {screen === 'bill' && <BillScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </NavigateProvider>
      </main>
    </div>
  );
}
