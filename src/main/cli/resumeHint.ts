/** What the CLI says about the terminal and how to pick a run up again, from any folder. */
import { join, resolve } from 'node:path';
import { shellWord } from '../../shared/shellWord';
import { MIN_SUMMARY_WIDTH } from './cliSummary';

/** The terminal's width, or the summary's 80 columns when the output is not a terminal. */
export function terminalColumns(out: NodeJS.WritableStream): number {
  const columns = (out as { columns?: unknown }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : MIN_SUMMARY_WIDTH;
}

/**
 * A command that resumes the experiment from any folder: the data folder as an absolute path,
 * and the repository (npm --prefix) or else the CLI bundle itself by its absolute path.
 */
export function resumeCommand(experimentId: string, dataDir: string, bundle?: string): string {
  const tail = `run --resume ${shellWord(experimentId)} --data-dir ${shellWord(resolve(dataDir))}`;
  if (bundle === undefined) return `npm run cli -- ${tail}`;
  const abs = resolve(bundle);
  const repo = resolve(abs, '..', '..', '..');
  return abs === join(repo, 'out', 'node', 'cli.cjs')
    ? `npm --prefix ${shellWord(repo)} run cli -- ${tail}`
    : `node ${shellWord(abs)} ${tail}`;
}
