/**
 * Every string the renderer can send to main has an upper bound: without one a single call can
 * store megabytes that every later list returns (issue 17). Walks each channel's input schema.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from './contract';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string } } }[];
}
type Walked = z.ZodType & { _zod: { def: Def } };

/** Paths of the strings in `schema` with no maximum length. */
function unboundedStrings(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as Walked;
  const def = s._zod.def;
  const walk = (inner: z.ZodType | undefined, at: string) =>
    inner ? unboundedStrings(inner, at, seen) : [];
  switch (def.type) {
    case 'string':
      return (def.checks ?? []).some((c) => c._zod.def.check === 'max_length') ? [] : [path];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'pipe':
      return walk(def.in, path);
    case 'union':
      return (def.options ?? []).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'record':
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case 'tuple':
      return (def.items ?? []).flatMap((o, i) => walk(o, `${path}[${i}]`));
    case 'lazy':
      return walk(def.getter?.(), path);
    default:
      return walk(def.innerType, path);
  }
}

describe('channel inputs', () => {
  it('bound the length of every string', () => {
    const found = Object.entries(contract).flatMap(([name, c]) =>
      unboundedStrings(c.input as z.ZodType, name),
    );
    expect(found).toEqual([]);
  });
});
