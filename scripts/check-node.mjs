// Runs before `npm start`, `npm run serve` and `npm run cli`: under a Node older than the floor,
// one sentence says what is needed and how to get it, instead of a crash in the SQLite driver.
import { floorText, meetsFloor } from './node-runtime.mjs';
import { answerHelp } from './help.mjs';

answerHelp(`
Usage: node scripts/check-node.mjs

Exits 0 under Node 22.12 or newer; otherwise says, in one sentence, how to get one, and exits 1.
npm start, npm run serve and npm run cli run it first.
`);

if (!meetsFloor(process.version)) {
  process.stderr.write(
    `Distill ROI needs Node ${floorText()} or newer and this is Node ${process.version}: run \`node scripts/install-and-start.mjs\`, which fetches Node 24 from the npm registry and uses it.\n`,
  );
  process.exit(1);
}
