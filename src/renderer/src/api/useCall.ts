import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../shared/ipc/result';

/**
 * Runs an api call and keeps its error for display; returns the value or null, so callers
 * never have to unpack a Result by hand.
 */
export function useCall() {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await call();
      if (result.ok) {
        setError(null);
        return result.value;
      }
      setError(result.error);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, setError, busy };
}
