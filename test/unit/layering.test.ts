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
