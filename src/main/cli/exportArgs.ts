/**
 * The command lines of `report`, `export` and `import`, parsed and checked before anything is
 * opened (a mistake costs a message and exit code 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cliArgs';

export const EXPORT_USAGE = `Usage:
  distill-roi report --pdf FILE [--experiment ID] [--scenario ID ...] [--no-appendix] [--paper a4|letter]
  distill-roi export --csv DIR|FILE.csv [--experiment ID] [--scenario ID ...]
  distill-roi export --bundle FILE [--experiment ID]
  distill-roi import BUNDLE
  distill-roi verdict [--experiment ID] [--scenario ID] [--json]

  --experiment ID   which experiment (may be left out when the data folder has only one)
  --scenario ID     a saved scenario to include, in order (default: every saved one, else
                    the scenario the runs measure)
  --csv DIR         writes DIR/runs.csv (one row per call, with scores) and DIR/scenarios.csv;
  --csv FILE.csv    or FILE.csv and FILE-scenarios.csv
  --json            verdict: print the verdict, its reasons and what would settle it as JSON
  --force           replace files that exist (without it, nothing is overwritten)
  --data-dir DIR    or DISTILL_ROI_DATA_DIR

Exit code: 0 done, 1 refused (a file exists, a bundle is invalid, no such experiment), 2 bad usage.`;

export interface ExportArgs {
  dataDir: string | undefined;
  experimentId: string | undefined;
  scenarioIds: string[];
  force: boolean;
  pdf: string | undefined;
  csv: string | undefined;
  bundle: string | undefined;
  includeAppendix: boolean;
  paperSize: 'A4' | 'Letter';
  /** `import`'s positional argument. */
  file: string | undefined;
  json: boolean;
}

export type ExportCommand = 'report' | 'export' | 'import' | 'verdict';
type Command = ExportCommand;

export function parseExportArgs(
  command: Command,
  argv: string[],
  env: NodeJS.ProcessEnv,
): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: command === 'import',
      options: {
        'data-dir': { type: 'string' },
        experiment: { type: 'string' },
        scenario: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        pdf: { type: 'string' },
        csv: { type: 'string' },
        bundle: { type: 'string' },
        'no-appendix': { type: 'boolean' },
        paper: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  const paper = (v.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError('--paper is a4 or letter.');
  if (command === 'report' && !v.pdf) throw new UsageError('report needs --pdf FILE.');
  if (command === 'export' && (v.csv === undefined) === (v.bundle === undefined)) {
    throw new UsageError('export needs either --csv DIR|FILE.csv or --bundle FILE.');
  }
  if (command === 'import' && parsed.positionals.length !== 1) {
    throw new UsageError('import needs one bundle file: distill-roi import BUNDLE.');
  }
  if (command !== 'verdict' && v.json) throw new UsageError('--json goes with verdict.');
  if (command !== 'report' && (v.pdf || v['no-appendix'] || v.paper)) {
    throw new UsageError('--pdf, --no-appendix and --paper go with report.');
  }
  return {
    dataDir: v['data-dir'] ?? env.DISTILL_ROI_DATA_DIR,
    experimentId: v.experiment,
    scenarioIds: v.scenario ?? [],
    force: v.force ?? false,
    pdf: v.pdf,
    csv: v.csv,
    bundle: v.bundle,
    includeAppendix: !(v['no-appendix'] ?? false),
    paperSize: paper === 'letter' ? 'Letter' : 'A4',
    file: parsed.positionals[0],
    json: v.json ?? false,
  };
}
