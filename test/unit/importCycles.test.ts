import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from '../support/importCycles';
import { makeTempDir } from '../support/tempDir';

const temp = makeTempDir('distill-import-cycles-');
afterAll(() => temp.cleanup());

/** A small source tree written to a temporary folder: path -> text. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(temp.dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import cycles', () => {
  it('src/main has none, type-only imports included', () => {
    expect(importCycles(join(__dirname, '..', '..', 'src', 'main'))).toEqual([]);
  });

  it('finds a cycle across folders, through an index file and a type-only import', () => {
    const root = tree('cycle', {
      'a/one.ts': "import { two } from '../b';\nexport const one = two;\n",
      'b/index.ts': "export { two } from './two';\n",
      'b/two.ts': "import type { Three } from '../c/three';\nexport const two: Three = 2;\n",
      'c/three.ts': "import { one } from '../a/one';\nexport type Three = typeof one;\n",
      'c/alone.ts': "import { one } from '../a/one';\nexport const alone = one;\n",
      'c/alone.test.ts': "import { alone } from './alone';\nimport { x } from './x.test';\n",
    });
    expect(importCycles(root)).toEqual([['a/one.ts', 'b/index.ts', 'b/two.ts', 'c/three.ts']]);
  });

  it('finds a file that imports itself, and nothing in a tree without cycles', () => {
    const self = tree('self', { 'x.ts': "import { x } from './x';\nexport const y = x;\n" });
    expect(importCycles(self)).toEqual([['x.ts']]);
    const acyclic = tree('acyclic', {
      'a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = b + c;\n",
      'b.ts': "import { c } from './c';\nexport const b = c;\n",
      'c.ts': "import { z } from 'zod';\nexport const c = 1;\nexport const zz = z;\n",
    });
    expect(importCycles(acyclic)).toEqual([]);
  });
});
