/**
 * What the CLI and the screens say about calls sent through an experiment's tagged application
 * inference profiles: only those carry the experiment's cost allocation tag onto the bill.
 */
import { formatNumber } from '../format';

export function profileCallsText(throughProfile: number, stored: number): string | null {
  if (throughProfile === 0) return null;
  return `${formatNumber(throughProfile)} of ${formatNumber(stored)} stored calls went through the experiment's tagged inference profiles (billed with its cost allocation tag).`;
}

/** The heading of the per-tag figures: "computed" there counts only calls through the profiles. */
export const TAGGED_HEADING =
  'By cost allocation tag (experiment id; computed: its calls sent through its tagged profiles)';
