/**
 * The README's layout section names every folder of src/main and src/shared, one line each, so
 * a new folder cannot arrive without a line saying what it holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = readme.slice(
  readme.indexOf('## Layout'),
  readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
);

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe("the README's layout", () => {
  it('is there', () => {
    expect(layout).toContain('src/main');
  });

  /** The indented lines under `parent` in the layout block, up to the next top-level entry. */
  const linesUnder = (parent: string): string[] => {
    const lines = layout.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${parent} `));
    const rest = lines.slice(start + 1);
    const end = rest.findIndex((l) => !l.startsWith(' '));
    return start < 0 ? [] : rest.slice(0, end < 0 ? rest.length : end);
  };

  it.each([
    ...folders('src/main').map((f) => ['src/main', f]),
    ...folders('src/shared').map((f) => ['src/shared', f]),
  ])('names %s/%s under its parent', (parent, folder) => {
    const words = linesUnder(parent).flatMap((l) => l.trim().split(/[\s,]+/));
    expect(words).toContain(`${folder}/`);
  });
});
