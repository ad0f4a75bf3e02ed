import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppFailure } from '../common/failure';

/**
 * Where the built renderer (and its print page, report.html) is. Bundled entry points sit in
 * out/node or out/main, beside out/renderer; run from the sources (tests) or from a bundle built
 * elsewhere (the CLI tests' .tmp copy), the repository's out/renderer is found by walking up.
 */

export const REPORT_PAGE = 'report.html';

function candidates(): string[] {
  const list: string[] = [];
  const fromEnv = process.env.DISTILL_ROI_RENDERER_DIR;
  if (fromEnv) list.push(fromEnv);
  list.push(join(__dirname, '..', 'renderer'));
  for (let dir = __dirname; ; dir = dirname(dir)) {
    list.push(join(dir, 'out', 'renderer'));
    if (dirname(dir) === dir) break;
  }
  list.push(join(process.cwd(), 'out', 'renderer'));
  return list;
}

export function findRendererDir(): string {
  const found = candidates().find((dir) => existsSync(join(dir, REPORT_PAGE)));
  if (!found) {
    throw new AppFailure(
      'internal',
      'The report page is not built, so no PDF can be printed. Build the app (`npm run build`) and try again.',
    );
  }
  return found;
}
