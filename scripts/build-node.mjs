// Bundles the plain-Node entry points (browser host, CLI, benchmark) next to the Electron build.
// Dependencies stay external: they are installed, and native ones must not be bundled.
import { build } from 'esbuild';
import { answerHelp } from './help.mjs';

answerHelp(`
Usage: npm run build:node      (node scripts/build-node.mjs)

Bundles the plain-Node entry points into out/node: host.cjs (the browser host), cli.cjs (the
command line) and the bench-*.cjs benchmarks. npm run build runs it after electron-vite.
`);

const entries = {
  host: 'src/main/host/serve.ts',
  cli: 'src/main/cli/main.ts',
  'build-price-catalog': 'src/main/cli/buildPriceCatalogMain.ts',
  bench: 'bench/runnerBench.ts',
  'bench-report': 'bench/reportBench.ts',
  'bench-roi': 'bench/roiBench.ts',
  'bench-batch': 'bench/batchBench.ts',
  'bench-prices': 'bench/priceListBench.ts',
  'bench-import': 'bench/importBench.ts',
  'bench-bare-sdk': 'bench/bareSdkProcess.ts',
};

await build({
  entryPoints: entries,
  outdir: 'out/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node22.12',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
