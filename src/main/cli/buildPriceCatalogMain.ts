/** Entry of out/node/build-price-catalog.cjs (`npm run prices:build-catalog`). */
import { buildPriceCatalogCommand } from './buildPriceCatalog';

void buildPriceCatalogCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
