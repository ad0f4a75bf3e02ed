import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  startControlPlaneStandIn,
  wireModel,
  wireSystemProfile,
  type ControlPlaneStandIn,
} from '../../../test/support/controlPlaneStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { pickableModels } from '../../shared/models/modelListView';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { fetchModelList } from '../bedrock/listModels';
import { openDatabase } from '../db/open';
import { storedModelList } from '../db/repos/modelLists';
import { loadModelList } from './modelListService';

const CREDS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const US = ['us-east-1', 'us-east-2', 'us-west-2'];

let standIn: ControlPlaneStandIn;
let db: Database;
let cleanup: () => void;

beforeEach(async () => {
  standIn = await startControlPlaneStandIn(
    {
      'us-east-1': {
        models: [
          wireModel('us-east-1', 'amazon.nova-pro-v1:0', 'Nova Pro', 'Amazon', [
            'ON_DEMAND',
            'PROVISIONED',
          ]),
          wireModel('us-east-1', SONNET, 'Claude Sonnet 4.5', 'Anthropic', ['INFERENCE_PROFILE']),
          wireModel(
            'us-east-1',
            'anthropic.claude-3-5-haiku-20241022-v1:0',
            'Claude 3.5 Haiku',
            'Anthropic',
            ['INFERENCE_PROFILE'],
            {
              status: 'LEGACY',
              legacyTime: '2025-12-19T00:00:00Z',
              endOfLifeTime: '2027-06-19T00:00:00Z',
              publicExtendedAccessTime: '2027-01-19T00:00:00Z',
            },
          ),
          wireModel('us-east-1', 'mistral.mistral-large-3-v1:0', 'Mistral Large 3', 'Mistral AI', [
            'ON_DEMAND',
          ]),
        ],
        profiles: [
          wireSystemProfile('us-east-1', 'global', SONNET, ['us-east-1']),
          wireSystemProfile('us-east-1', 'us', SONNET, US),
          wireSystemProfile('us-east-1', 'us', 'anthropic.claude-3-5-haiku-20241022-v1:0', US),
        ],
      },
    },
    // Small pages, so the listing must follow nextToken to see every profile.
    { profilePageSize: 1 },
  );
  const t = makeTempDir();
  cleanup = t.cleanup;
  db = (await openDatabase(join(t.dir, 'db.sqlite'))).db;
});

afterEach(async () => {
  db.close();
  cleanup();
  await standIn.close();
});

const fetchFrom = (region: string) =>
  fetchModelList(
    createControlPlaneClient({ region, endpoint: standIn.url, credentials: CREDS }),
    region,
  );

describe('loadModelList against the control-plane stand-in', () => {
  it("shows the account's models with profile needs and lifecycle, and stores the list", async () => {
    const answer = await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    expect(answer.origin).toBe('account');
    expect(answer.notice).toBeNull();
    expect(answer.list.profiles).toHaveLength(3);
    expect(standIn.requests.filter((r) => r.path.startsWith('/inference-profiles'))).toHaveLength(
      3,
    );
    const rows = pickableModels(answer.list, '2026-12-07');
    expect(rows.find((r) => r.modelId === SONNET)).toMatchObject({
      invokeId: `us.${SONNET}`,
      needsProfile: true,
    });
    expect(rows.find((r) => r.name === 'Mistral Large 3')).toMatchObject({ needsProfile: false });
    expect(rows.find((r) => r.name === 'Claude 3.5 Haiku')?.warning).toMatch(
      /Legacy; end of life 2027-06-19; higher prices from 2027-01-19/,
    );
    expect(storedModelList(db, 'us-east-1')?.models).toHaveLength(4);
  });

  it('on AccessDenied keeps and shows the stored list, saying why', async () => {
    await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    standIn.queueFaults(['accessDenied']);
    const answer = await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    expect(answer.origin).toBe('stored');
    expect(answer.notice).toMatch(
      /denied listing models in us-east-1.*bedrock:ListFoundationModels/,
    );
    expect(answer.list.models).toHaveLength(4);
  });

  it('offline on a fresh data folder shows the shipped dated list and says so', async () => {
    await standIn.setOffline(true);
    const answer = await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    expect(answer.origin).toBe('shipped');
    expect(answer.notice).toMatch(/shipped with the app \(checked 2026-12-07\)/);
    expect(answer.list.models.length).toBeGreaterThan(20);
    expect(storedModelList(db, 'us-east-1')).toBeNull();
  });

  it('a garbled answer or a region without Bedrock ends in a message and loses nothing', async () => {
    await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    standIn.queueFaults(['garbled']);
    const garbled = await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    expect(garbled.origin).toBe('stored');
    expect(garbled.notice).toMatch(/^Could not read the model list: /);

    const nowhere = await loadModelList(db, 'af-south-1', { fetch: fetchFrom });
    expect(nowhere.origin).toBe('shipped');
    expect(nowhere.list.models).toEqual([]);
    expect(nowhere.notice).toMatch(/No stored or shipped list for af-south-1/);
    expect(storedModelList(db, 'us-east-1')?.models).toHaveLength(4);
  });

  it('never puts the secret key in a notice', async () => {
    standIn.queueFaults(['accessDenied']);
    const answer = await loadModelList(db, 'us-east-1', { fetch: fetchFrom });
    expect(answer.notice).not.toContain(CREDS.secretAccessKey);
  });
});
