import { describe, expect, it } from 'vitest';
import { checkTrainingJsonl, trainingLine } from './trainingRecords';

const LLAMA = 'meta.llama3-1-8b-instruct-v1:0';
const NOVA = 'amazon.nova-micro-v1:0';

describe('training records', () => {
  it('a prompt becomes one bedrock-conversation-2024 line that the check accepts', () => {
    const line = trainingLine('why is the sky blue', 'Be brief.');
    expect(JSON.parse(line)).toEqual({
      schemaVersion: 'bedrock-conversation-2024',
      system: [{ text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ text: 'why is the sky blue' }] }],
    });
    expect(checkTrainingJsonl(line + trainingLine('second', null), LLAMA)).toEqual({
      ok: true,
      records: 2,
    });
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['{"schemaVersion":"bedrock-conversion-2024","messages":[]}', 'schemaVersion'],
    ['{"schemaVersion":"bedrock-conversation-2024","messages":[]}', 'messages'],
    [
      '{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"assistant","content":[{"text":"x"}]}]}',
      'role "user"',
    ],
    [
      '{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"user","content":"x"}]}',
      'content',
    ],
  ])('names the line of a malformed record: %s', (bad, said) => {
    const text = `${trainingLine('ok', null)}\n${trainingLine('ok too', null)}${bad}\n`;
    const r = checkTrainingJsonl(text, NOVA);
    expect(r).toMatchObject({ ok: false, line: 4 });
    expect(r.ok ? '' : r.message).toContain('line 4');
    expect(r.ok ? '' : r.message).toContain(said);
  });

  it('multi-turn records are fine for Nova, not for a Llama student', () => {
    const turn = (role: string, text: string) => ({ role, content: [{ text }] });
    const multi = JSON.stringify({
      schemaVersion: 'bedrock-conversation-2024',
      messages: [turn('user', 'a'), turn('assistant', 'b'), turn('user', 'c')],
    });
    expect(checkTrainingJsonl(multi, NOVA)).toEqual({ ok: true, records: 1 });
    expect(checkTrainingJsonl(multi, LLAMA)).toMatchObject({ ok: false, line: 1 });
  });
});
