import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineBatches } from './collectOutput';

const linesOf = async (chunks: Buffer[]): Promise<string[]> => {
  const out: string[] = [];
  for await (const batch of lineBatches(Readable.from(chunks))) out.push(...batch);
  return out;
};

describe('lineBatches: output files read a chunk at a time', () => {
  it('rejoins a line and a multi-byte character cut between chunks', async () => {
    const bytes = Buffer.from('{"a":"café"}\r\n{"b":"日本"}\n{"c":1}', 'utf8');
    // Cut inside "é" (2 bytes) and inside "日" (3 bytes).
    const cuts = [10, 22, bytes.length];
    const chunks = cuts.map((end, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], end));
    expect(await linesOf(chunks)).toEqual(['{"a":"café"}\r', '{"b":"日本"}', '{"c":1}']);
  });

  it('yields nothing for an empty file and keeps a blank last line out', async () => {
    expect(await linesOf([])).toEqual([]);
    expect(await linesOf([Buffer.from('x\n')])).toEqual(['x']);
  });
});
