/** File names for exports: the experiment's name made safe for every file system, and a date. */

export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'experiment';
}

export type ExportKind = 'report' | 'runs' | 'scenarios' | 'bundle';

const EXTENSION: Record<ExportKind, string> = {
  report: 'pdf',
  runs: 'csv',
  scenarios: 'csv',
  bundle: 'distill.json',
};

export function exportFileName(experimentName: string, kind: ExportKind, isoDate: string): string {
  return `${slug(experimentName)}-${kind}-${isoDate.slice(0, 10)}.${EXTENSION[kind]}`;
}
