/**
 * 1,000 seeded random payloads per channel through the Electron binding's handler (sender
 * check, then dispatch, exactly as ipcMain would call it): every answer is a Result envelope,
 * nothing throws, and no payload the contract refuses writes anything (SQLite total_changes and
 * the keychain are counted around each call).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzPayloads } from '../../../test/support/fuzzPayloads';
import {
  acceptedBy,
  isEnvelope,
  makeFuzzCore,
  type FuzzCore,
} from '../../../test/support/fuzzCore';
import { CHANNELS } from '../../shared/ipc/channels';
import { coreTarget } from '../service/callTarget';
import { guardedHandler } from './ipcGuard';

const PER_CHANNEL = 1_000;
const APP_URL = 'file:///app/index.html';

let fuzz: FuzzCore;
const escaped: unknown[] = [];
const onEscape = (e: unknown) => escaped.push(e);

beforeAll(async () => {
  fuzz = await makeFuzzCore();
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterAll(async () => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  await fuzz.cleanup();
});

describe('IPC fuzzing through the Electron binding', () => {
  let sent = 0;
  it.each(CHANNELS.map((c, i) => [c, i] as const))(
    '%s: 1,000 payloads, only envelopes, no write from refused input',
    async (channel, index) => {
      const window = { id: 'app' };
      const handler = guardedHandler(
        coreTarget(fuzz.core),
        channel,
        () => window,
        (u) => u === APP_URL,
      );
      const event = { sender: window, senderFrame: { url: APP_URL, parent: null } };
      let refused = 0;
      for (const payload of fuzzPayloads(channel, PER_CHANNEL, 7_000 + index, false)) {
        const valid = acceptedBy(channel, payload);
        const before = fuzz.writes();
        const result = await handler(event, payload);
        sent++;
        expect(isEnvelope(result), JSON.stringify(result)).toBe(true);
        if (!valid) {
          refused++;
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(fuzz.writes(), `a refused ${channel} payload wrote`).toBe(before);
        }
      }
      // Most payloads are invalid; a channel without input accepts `{}` and may legitimately vary.
      expect(refused).toBeGreaterThan(PER_CHANNEL / 3);
      expect(escaped).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('sent 1,000 payloads per channel', () => {
    expect(sent).toBe(CHANNELS.length * PER_CHANNEL);
    console.log(`IPC fuzz: ${sent} payloads over ${CHANNELS.length} channels`);
  });
});
