/**
 * Default scripts for the model ids the app offers, used when the stand-in runs as its own
 * process. Larger models answer more slowly and at greater length ('teacher' style); smaller
 * ones faster and shorter ('student'), so that a demo run shows the trade-off the app measures.
 * Figures are plausible orders of magnitude, not measurements of Bedrock.
 */
import type { ModelScript } from './standInTypes';

interface Tier {
  latencyMs: number;
  ttftMs: number;
  jitterMs: number;
  output: 'teacher' | 'student';
}

const LARGE: Tier = { latencyMs: 1200, ttftMs: 350, jitterMs: 300, output: 'teacher' };
const MEDIUM: Tier = { latencyMs: 700, ttftMs: 200, jitterMs: 150, output: 'teacher' };
const SMALL: Tier = { latencyMs: 350, ttftMs: 100, jitterMs: 80, output: 'student' };

const TIERS: [string, Tier][] = [
  ['meta.llama3-70b-instruct-v1:0', LARGE],
  ['meta.llama3-1-70b-instruct-v1:0', LARGE],
  ['meta.llama3-1-405b-instruct-v1:0', LARGE],
  ['meta.llama3-3-70b-instruct-v1:0', LARGE],
  ['meta.llama3-2-90b-instruct-v1:0', LARGE],
  ['meta.llama3-2-11b-instruct-v1:0', MEDIUM],
  ['meta.llama3-8b-instruct-v1:0', SMALL],
  ['meta.llama3-1-8b-instruct-v1:0', SMALL],
  ['meta.llama3-2-3b-instruct-v1:0', SMALL],
  ['meta.llama3-2-1b-instruct-v1:0', SMALL],
  ['amazon.nova-premier-v1:0', LARGE],
  ['amazon.nova-pro-v1:0', MEDIUM],
  ['amazon.nova-lite-v1:0', SMALL],
  ['amazon.nova-micro-v1:0', SMALL],
  ['anthropic.claude-3-5-sonnet-20240620-v1:0', LARGE],
  ['anthropic.claude-3-5-sonnet-20241022-v2:0', LARGE],
  ['anthropic.claude-3-haiku-20240307-v1:0', SMALL],
];

/** Every id also answers under its US inference-profile id (`us.` prefix). */
export function defaultModelScripts(latencyScale = 1): Record<string, ModelScript> {
  const scripts: Record<string, ModelScript> = {};
  for (const [id, tier] of TIERS) {
    const script: ModelScript = {
      latencyMs: Math.round(tier.latencyMs * latencyScale),
      ttftMs: Math.round(tier.ttftMs * latencyScale),
      latencyJitterMs: Math.round(tier.jitterMs * latencyScale),
      output: tier.output,
    };
    scripts[id] = script;
    scripts[`us.${id}`] = script;
  }
  return scripts;
}
