/**
 * `manifest.json.out`, the job's own account of its records, checked against what was stored.
 * A disagreement is reported in words, never silently corrected: the stored calls are the ones
 * whose output was actually read.
 */
export interface Manifest {
  totalRecordCount: number | null;
  processedRecordCount: number | null;
  successRecordCount: number | null;
  errorRecordCount: number | null;
  inputTokenCount: number | null;
  outputTokenCount: number | null;
}

const FIELDS = [
  'totalRecordCount',
  'processedRecordCount',
  'successRecordCount',
  'errorRecordCount',
  'inputTokenCount',
  'outputTokenCount',
] as const;

export function parseManifest(text: string): Manifest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const obj = parsed as Record<string, unknown>;
  const out = {} as Record<(typeof FIELDS)[number], number | null>;
  for (const f of FIELDS) {
    const v = obj[f];
    out[f] = typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  }
  return out;
}

export interface CollectedCounts {
  /** Records the job was given. */
  submitted: number;
  /** Lines read as successes / record errors, for records of this job. */
  ok: number;
  errors: number;
  /** Lines that could not be read. */
  unreadable: number;
}

/** Every way the manifest and the collected output disagree, as sentences; empty when they agree. */
export function reconcile(manifest: Manifest | null, c: CollectedCounts): string[] {
  const problems: string[] = [];
  if (c.unreadable > 0) {
    problems.push(`${c.unreadable} output line(s) could not be read (truncated or damaged file).`);
  }
  if (!manifest) {
    problems.push('manifest.json.out is missing or unreadable; counts could not be checked.');
    return problems;
  }
  const check = (label: string, expected: number | null, got: number) => {
    if (expected !== null && expected !== got) {
      problems.push(`The manifest says ${expected} ${label}, the output files hold ${got}.`);
    }
  };
  check('successful records', manifest.successRecordCount, c.ok);
  check('failed records', manifest.errorRecordCount, c.errors);
  if (manifest.totalRecordCount !== null && manifest.totalRecordCount !== c.submitted) {
    problems.push(
      `The manifest counts ${manifest.totalRecordCount} records in all, ${c.submitted} were submitted.`,
    );
  }
  return problems;
}
