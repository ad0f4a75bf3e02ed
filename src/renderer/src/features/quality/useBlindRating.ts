import { useCallback, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { BlindPreference, Label, RatingSession } from '../../../../shared/quality/ratings';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/**
 * The rater's blind session with one student: items, and saving a rating or a preference. Each
 * save returns the whole set, since the last rating unmasks every paragraph at once.
 */
export function useBlindRating(experimentId: string, studentModelId: string, rater: string) {
  const [session, setSession] = useState<RatingSession | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useQuery(
    () => api.getRatingSession({ experimentId, studentModelId, rater }),
    [experimentId, studentModelId, rater],
    { onData: setSession, onError: setError },
  );

  const rate = useCallback(
    async (paragraphId: string, label: Label, rating: number) => {
      const r = await api.rateOutput({
        experimentId,
        studentModelId,
        paragraphId,
        label,
        rating,
        rater,
      });
      if (r.ok) setSession(r.value);
      else setError(r.error);
      return r.ok;
    },
    [experimentId, studentModelId, rater],
  );

  const prefer = useCallback(
    async (paragraphId: string, preferred: BlindPreference) => {
      const r = await api.ratePreference({
        experimentId,
        studentModelId,
        paragraphId,
        preferred,
        rater,
      });
      if (r.ok) setSession(r.value);
      else setError(r.error);
      return r.ok;
    },
    [experimentId, studentModelId, rater],
  );

  /** Unmasks the set before it is finished (recorded with how much was rated). */
  const reveal = useCallback(async () => {
    const r = await api.revealBlindRatings({ experimentId, studentModelId, rater });
    if (r.ok) setSession(r.value);
    else setError(r.error);
    return r.ok;
  }, [experimentId, studentModelId, rater]);

  return { session, error, setError, rate, prefer, reveal };
}
