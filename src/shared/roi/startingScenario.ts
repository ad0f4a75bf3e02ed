/**
 * Where the calculator starts with no experiment: the seed study's measured tokens and prices
 * (seedStudyScenario), at a volume and an engineering effort the study does not state. Those
 * two are the analyst's assumptions, set to round figures that make payback and break-even
 * visible from the first screen, and the screen labels them as such.
 */
import { requests, usdPerHour } from '../units';
import type { Scenario } from './scenario';
import { seedStudyScenario } from './scenarioBuilders';

export const STARTING_REQUESTS_PER_MONTH = requests(1_000_000);
export const STARTING_ENGINEERING = { hours: 40, usdPerHour: usdPerHour(100) } as const;

export const STARTING_NOTE =
  'Built-in example: Llama 3 70B → Llama 3 8B used as-is, 69 in / 82 vs 73 out tokens per request (one paragraph measured), at the prices it was measured with. The volume (1,000,000 requests a month) and the engineering effort (40 h at $100/h) are starting assumptions, not measured: set your own.';

export function startingScenario(): Scenario {
  const seed = seedStudyScenario(STARTING_REQUESTS_PER_MONTH);
  return { ...seed, engineering: { ...STARTING_ENGINEERING } };
}
