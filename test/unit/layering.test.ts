import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('layering is enforced by lint', () => {
  it.each([
    [
      'src/shared/roi/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['src/shared/roi/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['src/shared/roi/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    [
      'src/renderer/src/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    ],
    [
      'src/renderer/src/x.ts',
      "import { dispatch } from '../../main/service/dispatch';\nexport const x = dispatch;\n",
    ],
    [
      'src/renderer/src/x.ts',
      "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nexport const x = BedrockRuntimeClient;\n",
    ],
    ['src/main/handlers/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'src/main/export/x.ts',
      "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n",
    ],
    ['src/preload/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['test/support/x.ts', "import { it } from 'vitest';\nexport const x = it;\n"],
  ])('%s: a forbidden import is a lint error', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/shared/roi/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['src/main/handlers/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    [
      'src/main/electron/window.ts',
      "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n",
    ],
  ])('%s: an allowed import passes', async (file, code) => {
    expect(await ruleIdsFor(file, code)).not.toContain('no-restricted-imports');
  });
});

/** One file per zone of src/main: an import from a layer above (or beside) it, and one it may make. */
const zones: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'src/main/common/x.ts',
    forbidden: [
      '../handlers/experiments',
      '../bedrock/errors',
      '../core/context',
      '../service/dispatch',
    ],
    allowed: ['../db/repos/experiments', './failure', '../../shared/ipc/result'],
  },
  {
    file: 'src/main/db/repos/x.ts',
    forbidden: ['../../handlers/experiments', '../../core/context', '../../service/dispatch'],
    allowed: ['../open', '../../log', '../../common/failure'],
  },
  {
    file: 'src/main/export/x.ts',
    forbidden: [
      '../handlers/experiments',
      '../service/dispatch',
      '../electron/window',
      '../cli/cliIo',
    ],
    allowed: ['../common/lookups', '../quality/rougeScoring', '../pages/rendererDir'],
  },
  {
    file: 'src/main/runner/x.ts',
    forbidden: ['../handlers', '../host/static', '../core/startCore'],
    allowed: ['../bedrock/errors', '../common/failure'],
  },
  {
    file: 'src/main/core/x.ts',
    forbidden: ['../handlers/settings', '../service/dispatch', '../electron/window'],
    allowed: ['../bedrock/awsSettings', './context', '../runner'],
  },
  {
    file: 'src/main/handlers/x.ts',
    forbidden: ['../service/dispatch', '../host/server', '../cli/main'],
    allowed: ['../core/context', '../export/reportData', '../common/lookups'],
  },
  {
    file: 'src/main/service/x.ts',
    forbidden: ['../host/server', '../electron/bindIpc', '../cli/main'],
    allowed: ['../handlers', '../core/startCore', '../common/inputErrors'],
  },
  {
    file: 'src/main/host/x.ts',
    forbidden: ['../handlers', '../core/startCore', '../db/open', '../electron/window'],
    allowed: ['../service/callTarget', '../pages/rendererFiles', '../paths/dataDir'],
  },
  {
    file: 'src/main/electron/x.ts',
    forbidden: ['../handlers', '../core/startCore', '../db/open', '../host/static'],
    allowed: ['../service/appService', '../pages/rendererDir', '../export/pdfLayout', 'electron'],
  },
  {
    file: 'src/main/cli/x.ts',
    forbidden: ['../handlers/experiments', '../service/dispatch', '../core/startCore'],
    allowed: ['../export/exportFiles', '../db/open', '../common/failure'],
  },
];

describe('layers inside src/main are enforced by lint', () => {
  const importOf = (from: string) => `import * as m from '${from}';\nexport const x = m;\n`;
  it.each(zones.flatMap((z) => z.forbidden.map((from) => [z.file, from] as const)))(
    '%s may not import %s',
    async (file, from) => {
      expect(await ruleIdsFor(file, importOf(from))).toContain('no-restricted-imports');
    },
  );
  it.each(zones.flatMap((z) => z.allowed.map((from) => [z.file, from] as const)))(
    '%s may import %s',
    async (file, from) => {
      expect(await ruleIdsFor(file, importOf(from))).not.toContain('no-restricted-imports');
    },
  );
  it('only src/main/electron imports electron, type-only imports included', async () => {
    for (const z of zones.filter((zone) => !zone.file.startsWith('src/main/electron/'))) {
      expect(await ruleIdsFor(z.file, importOf('electron')), z.file).toContain(
        'no-restricted-imports',
      );
    }
    expect(await ruleIdsFor('src/main/handlers/x.test.ts', importOf('electron'))).toContain(
      'no-restricted-imports',
    );
  });
});
