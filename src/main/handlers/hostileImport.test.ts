/**
 * The hostile corpus (test/support/hostileCorpus.ts) through every importer: the shared file
 * parser the renderer previews with, the importParagraphs channel that stores the preview, and
 * the CLI's `--dataset FILE`, and the experiment-bundle importer. Nothing throws, a refused file says why in one short message,
 * what is read is stored exactly (markup, right-to-left text and emoji as plain text), and no
 * prototype is polluted. Hostile strings also go through the paragraph editor's channels.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_STRINGS,
  hostileFiles,
  SCRIPT_PAYLOADS,
} from '../../../test/support/hostileCorpus';
import { makeTestCore } from '../../../test/support/testCore';
import { parseParagraphFile } from '../../shared/io/importParagraphs';
import { MAX_IMPORT_ROWS } from '../../shared/domain/limits';
import { CHANNELS } from '../../shared/ipc/channels';
import { parseRunArgs, UsageError } from '../cli/cliArgs';
import { prepareExperiment } from '../cli/cliExperiment';

const files = hostileFiles();
let t: Awaited<ReturnType<typeof makeTestCore>>;
beforeAll(async () => {
  t = await makeTestCore();
});
afterAll(() => t.cleanup());

const unpolluted = () => {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('text');
};

describe('hostile files through every importer', () => {
  it('has at least 50 hostile inputs in all', () => {
    expect(files.length + HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(50);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s', async (_name, file) => {
    const preview = parseParagraphFile({ fileName: file.fileName, bytes: file.bytes });
    unpolluted();
    if (file.expect === 'refused') {
      expect(preview.ok).toBe(false);
      if (!preview.ok) {
        expect(preview.message.length).toBeGreaterThan(10);
        expect(preview.message.length).toBeLessThan(400);
      }
    } else {
      expect(preview.ok, preview.ok ? '' : preview.message).toBe(true);
    }

    // The app stores what the preview accepted, exactly as text.
    if (preview.ok && preview.accepted.length > 0) {
      for (const r of preview.rejected) expect(r.reason.length).toBeLessThan(400);
      const rows = preview.accepted.map((p) => ({
        text: p.text,
        reference: p.reference,
        tags: p.tags,
      }));
      const stored = await t.callRaw('importParagraphs', {
        target: { kind: 'new', name: file.name.slice(0, 100) },
        rows,
      });
      unpolluted();
      if (rows.length > MAX_IMPORT_ROWS) {
        expect(stored).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(JSON.stringify(stored)).toMatch(/At most/);
      } else {
        expect(stored.ok, JSON.stringify(stored).slice(0, 300)).toBe(true);
        const datasetId = (stored as { value: { datasetId: string } }).value.datasetId;
        const back = await t.value('listParagraphs', { datasetId });
        expect(back.map((p) => p.text)).toEqual(rows.map((r) => r.text));
        expect(back.map((p) => p.reference)).toEqual(rows.map((r) => r.reference));
      }
    }

    // The CLI's importer: a refusal is a usage error with the same message, never a crash.
    // Same base name as the original, in a folder of its own.
    const folder = mkdtempSync(join(t.dir, 'cli-'));
    const path = join(folder, basename(file.fileName.replaceAll('\\', '/')));
    writeFileSync(path, file.bytes);
    const args = parseRunArgs(
      [
        '--dataset',
        path,
        '--teacher',
        'meta.llama3-70b-instruct-v1:0',
        '--student',
        'meta.llama3-8b-instruct-v1:0',
      ],
      {},
    );
    const importable =
      preview.ok && preview.accepted.length > 0 && preview.accepted.length <= MAX_IMPORT_ROWS;
    const run = () => prepareExperiment(t.core.ctx.db, args, () => undefined);
    if (importable || (preview.ok && preview.accepted.length > MAX_IMPORT_ROWS)) {
      // The CLI has no row cap of its own: a file the parser reads becomes an experiment.
      expect(typeof run()).toBe('string');
    } else {
      expect(run).toThrow(UsageError);
    }
    unpolluted();
  });
});

/** The experiment-bundle importer, where this build has one (its channel takes the file's text). */
const BUNDLE_IMPORTERS = CHANNELS.filter((c) => c === 'importBundle');
const HOSTILE_BUNDLES: [string, string][] = [
  ...files.map((f): [string, string] => [
    f.name,
    new TextDecoder().decode(f.bytes.subarray(0, 4_000_000)),
  ]),
  [
    'a bundle head with __proto__',
    '{"format":"distill-roi-bundle","__proto__":{"polluted":true},"payload":{}}',
  ],
  [
    'constructor.prototype payload',
    '{"constructor":{"prototype":{"polluted":true}},"digest":"x","payload":{"constructor":{"prototype":{"polluted":true}}}}',
  ],
  ['nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  [
    'script in every string',
    JSON.stringify({
      format: SCRIPT_PAYLOADS[0],
      version: SCRIPT_PAYLOADS[1],
      payload: { name: SCRIPT_PAYLOADS[2] },
    }),
  ],
];

describe.each(BUNDLE_IMPORTERS)('hostile files through %s', (channel) => {
  it.each(HOSTILE_BUNDLES)('%s is refused with a message, writing nothing', async (_name, text) => {
    const changes = t.core.ctx.db.prepare('SELECT total_changes() AS n').pluck();
    const before = changes.get();
    const r = await t.callRaw(channel, { text });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['import_rejected', 'invalid_input']).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(10);
      expect(r.error.message.length).toBeLessThan(600);
    }
    expect(changes.get()).toBe(before);
    unpolluted();
  });
});

describe('hostile strings through the editor channels', () => {
  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 40), s] as const))('%s', async (_n, text) => {
    const d = await t.value('createDataset', { name: text.slice(0, 100) });
    const added = await t.value('addParagraph', {
      datasetId: d.id,
      text,
      reference: text,
      tags: [],
    });
    expect(added.text).toBe(text);
    const updated = await t.value('updateParagraph', {
      id: added.id,
      text: `${text} (edited)`,
      reference: null,
      tags: ['x'],
    });
    expect(updated.text).toBe(`${text} (edited)`);
    const renamed = await t.value('renameDataset', { id: d.id, name: `${text.slice(0, 50)} ✓` });
    expect(renamed.name).toBe(`${text.slice(0, 50)} ✓`.trim());
    unpolluted();
  });
});
