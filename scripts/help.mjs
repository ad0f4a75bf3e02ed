// `--help` (or `-h`) for the scripts in this folder: prints the script's usage and exits 0 before
// it installs, builds or starts anything. Plain ESM with no imports: it runs under any Node.

/** Prints `usage` and exits 0 when the command line asks for help; returns otherwise. */
export function answerHelp(usage, argv = process.argv.slice(2)) {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(`${usage.trim()}\n`);
  process.exit(0);
}
