/**
 * Runs the Bedrock stand-in as its own process, for e2e tests and benchmarks:
 *
 *   npx esbuild test/support/standInMain.ts --bundle --platform=node --format=cjs \
 *     --outfile=.tmp/stand-in.cjs && node .tmp/stand-in.cjs --port 4010
 *
 * (Node strips types but not extensionless imports, so the stand-in runs as one bundle.)
 *
 * Prints `STAND_IN_URL=http://127.0.0.1:PORT` on stdout once listening; point the app at it
 * with AWS_ENDPOINT_URL_BEDROCK_RUNTIME. Script it over HTTP (standInControl.ts).
 * Settings, by flag or environment:
 *   --port N          STAND_IN_PORT           default 0 (any free port)
 *   --seed N          STAND_IN_SEED           default 1
 *   --latency-scale X STAND_IN_LATENCY_SCALE  default 1 (0.1 = ten times faster models)
 *   --fault-plan JSON STAND_IN_FAULT_PLAN     e.g. '{"throttle":0.1}'
 * Unknown model ids answer like any scripted student model. Stops on SIGTERM/SIGINT.
 */
import { startBedrockStandIn } from './bedrockStandIn';
import { defaultModelScripts } from './standInDefaults';
import type { FaultPlan } from './standInTypes';

function setting(flag: string, envName: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? process.env[envName];
}

function numberSetting(flag: string, envName: string, fallback: number): number {
  const raw = setting(flag, envName);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${flag} / ${envName} must be a number, got ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const scale = numberSetting('--latency-scale', 'STAND_IN_LATENCY_SCALE', 1);
  const plan = setting('--fault-plan', 'STAND_IN_FAULT_PLAN');
  const standIn = await startBedrockStandIn({
    port: numberSetting('--port', 'STAND_IN_PORT', 0),
    seed: numberSetting('--seed', 'STAND_IN_SEED', 1),
    models: defaultModelScripts(scale),
    fallbackModel: { latencyMs: Math.round(400 * scale), output: 'student' },
    faultPlan: plan === undefined ? undefined : (JSON.parse(plan) as FaultPlan),
    control: true,
  });
  process.stdout.write(`STAND_IN_URL=${standIn.url}\n`);
  const stop = () => {
    void standIn.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`stand-in failed to start: ${String(e)}\n`);
  process.exit(1);
});
