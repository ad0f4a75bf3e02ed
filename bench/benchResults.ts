/**
 * bench/results.json holds every benchmark's figures as `{ entries: [{ name, value, unit, goal }] }`.
 * Each benchmark owns the names under its prefix (e.g. `runner.`): it replaces those, drops the
 * ones it no longer reports, and keeps everyone else's entries untouched and in place.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchEntry {
  name: string;
  value: number;
  unit: string;
  /** What "good" is, in words a reader can check against the value (e.g. "≤ 3"). */
  goal: string;
}

export function mergeResults(file: string, ownedPrefix: string, mine: BenchEntry[]): BenchEntry[] {
  let entries: BenchEntry[] = [];
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: BenchEntry[] };
    entries = Array.isArray(parsed.entries) ? parsed.entries : [];
  }
  const reported = new Set(mine.map((e) => e.name));
  entries = entries.filter((e) => !e.name.startsWith(ownedPrefix) || reported.has(e.name));
  for (const entry of mine) {
    const at = entries.findIndex((e) => e.name === entry.name);
    if (at >= 0) entries[at] = entry;
    else entries.push(entry);
  }
  writeFileSync(file, `${JSON.stringify({ entries }, null, 2)}\n`);
  return entries;
}
