import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'DISTILL_ROI_DATA_DIR';
const APP_FOLDER = 'Distill ROI';

/** The folder Electron's app.getPath('userData') would give, computed without Electron. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) wins over the environment, which wins over the default. */
export function resolveDataDir(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
  fallback: string = defaultDataDir(process.platform, env),
): string {
  const i = argv.indexOf('--data-dir');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice(11);
  return flag ?? env[DATA_DIR_ENV] ?? fallback;
}

export const databasePath = (dataDir: string): string => join(dataDir, 'distill-roi.sqlite');
