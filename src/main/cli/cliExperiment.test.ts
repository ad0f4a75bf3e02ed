import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from '../db/open';
import { insertDataset } from '../db/repos/datasets';
import { appendParagraphs } from '../db/repos/paragraphs';
import { getExperiment } from '../db/repos/experiments';
import { parseRunArgs } from './cliArgs';
import { prepareExperiment } from './cliExperiment';

let cleanup = () => {};
afterEach(() => cleanup());

describe('prepareExperiment', () => {
  it('calls a model by the inference profile its region needs, and says so', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const { db } = await openDatabase(join(t.dir, 'db.sqlite'));
    const datasetId = insertDataset(db, 'd');
    appendParagraphs(db, datasetId, [{ text: 'A paragraph.', reference: null, tags: [] }]);
    const said: string[] = [];
    const args = parseRunArgs(
      [
        '--dataset-id',
        datasetId,
        '--teacher',
        'meta.llama3-70b-instruct-v1:0',
        '--student',
        'meta.llama3-1-8b-instruct-v1:0',
      ],
      {},
    );
    const id = prepareExperiment(db, args, (l) => said.push(l));
    const config = getExperiment(db, id)?.config;
    // Llama 3.1 8B needs us. in us-east-1 (shipped list, as nothing is stored yet).
    expect(config?.studentModelIds).toEqual(['us.meta.llama3-1-8b-instruct-v1:0']);
    expect(config?.teacherModelId).toBe('meta.llama3-70b-instruct-v1:0');
    expect(config?.prices.map((p) => p.modelId)).toEqual([
      'meta.llama3-70b-instruct-v1:0',
      'us.meta.llama3-1-8b-instruct-v1:0',
    ]);
    expect(said).toContain(
      'note: us-east-1 serves meta.llama3-1-8b-instruct-v1:0 only through an inference profile: us.meta.llama3-1-8b-instruct-v1:0 is used.',
    );
    db.close();
  });
});
