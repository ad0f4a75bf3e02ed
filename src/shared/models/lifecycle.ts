/**
 * Model lifecycle in the user's words. AWS moves models from ACTIVE to LEGACY and then to end of
 * life; new customers cannot use a Legacy model and no new Provisioned Throughput can be bought
 * for it (model-lifecycle.html), so an experiment or a scenario built on one deserves a warning.
 */
import type { ModelLifecycle } from './modelList';

const day = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);

/** A warning for a Legacy or ended model, or null for an active one. `today` is YYYY-MM-DD. */
export function lifecycleWarning(
  name: string,
  lifecycle: ModelLifecycle,
  today: string,
): string | null {
  const end = day(lifecycle.endOfLifeTime);
  if (end !== null && end <= today) {
    return `${name} reached end of life on ${end}: Bedrock no longer serves it; pick another model.`;
  }
  if (lifecycle.status.toUpperCase() !== 'LEGACY') return null;
  const extended = day(lifecycle.publicExtendedAccessTime);
  const parts = [
    `${name} is Legacy`,
    end ? `end of life ${end}` : 'end of life not announced',
    ...(extended ? [`higher prices from ${extended} (extended access)`] : []),
  ];
  return `${parts.join('; ')}. New customers cannot use it and no new Provisioned Throughput can be bought for it.`;
}
