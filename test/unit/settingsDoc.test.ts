/**
 * docs/settings.md names every environment variable the code reads. The reads are found in the
 * syntax tree (TypeScript's parser), not by matching text, so a comment or a string that merely
 * mentions a variable does not count, and a read through a helper's `env` parameter does:
 * `process.env.X`, `env.X`, `io.env.X`, `process.env[NAME_CONST]`, and names destructured
 * from `process.env`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['src', 'scripts', 'bench', 'test/support'];
const SOURCE = /\.(ts|tsx|mjs)$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** `process.env`, or anything called `env` (a parameter, `io.env`, `options.env`). */
function isEnv(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'env';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'env';
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Module-level `const NAME = 'TEXT'` of every file, to resolve `env[NAME]`. */
function stringConstants(files: ts.SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    file.forEachChild(function visit(node) {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer)
      ) {
        out.set(node.name.text, node.initializer.text);
      }
      node.forEachChild(visit);
    });
  }
  return out;
}

function envReads(files: ts.SourceFile[]): Map<string, string[]> {
  const constants = stringConstants(files);
  const reads = new Map<string, string[]>();
  const add = (name: string, file: ts.SourceFile) => {
    if (!ENV_NAME.test(name)) return;
    const where = relative(ROOT, file.fileName);
    reads.set(name, [...new Set([...(reads.get(name) ?? []), where])]);
  };
  for (const file of files) {
    file.forEachChild(function visit(node) {
      if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) {
        add(node.name.text, file);
      } else if (ts.isElementAccessExpression(node) && isEnv(node.expression)) {
        const key = node.argumentExpression;
        if (ts.isStringLiteral(key)) add(key.text, file);
        else if (ts.isIdentifier(key)) add(constants.get(key.text) ?? key.text, file);
      } else if (
        ts.isVariableDeclaration(node) &&
        ts.isObjectBindingPattern(node.name) &&
        node.initializer &&
        isEnv(node.initializer)
      ) {
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key)) add(key.text, file);
        }
      }
      node.forEachChild(visit);
    });
  }
  return reads;
}

const files = FOLDERS.flatMap((f) => filesUnder(join(ROOT, f))).map(parse);
const reads = envReads(files);
const doc = readFileSync(join(ROOT, 'docs', 'settings.md'), 'utf8');

describe('docs/settings.md', () => {
  it('finds the reads it must (the scan itself works)', () => {
    for (const name of ['DISTILL_ROI_PORT', 'DISTILL_ROI_PRICE_LIST_URL', 'DISTILL_ROI_DATA_DIR']) {
      expect(reads.has(name), name).toBe(true);
    }
  });

  it.each([...reads.keys()].sort())('names %s', (name) => {
    expect(doc.includes(`\`${name}\``), `${name} is read in ${reads.get(name)?.join(', ')}`).toBe(
      true,
    );
  });
});
