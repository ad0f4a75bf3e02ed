/**
 * `--help` (or `-h`) for the bench entry points: prints what the bench measures and the settings
 * it reads, then exits 0 before anything is measured or started.
 */
export function answerHelp(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
