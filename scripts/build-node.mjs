// Bundles the plain-Node entry points (browser host, CLI, benchmark) next to the Electron build.
// Dependencies stay external: they are installed, and native ones must not be bundled.
import { build } from 'esbuild';

const entries = {
  host: 'src/main/host/serve.ts',
  cli: 'src/main/cli/main.ts',
  'build-price-catalog': 'src/main/cli/buildPriceCatalogMain.ts',
  bench: 'bench/runnerBench.ts',
  'bench-report': 'bench/reportBench.ts',
  'bench-roi': 'bench/roiBench.ts',
  'bench-batch': 'bench/batchBench.ts',
  'bench-prices': 'bench/priceListBench.ts',
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
