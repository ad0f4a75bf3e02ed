import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/ipc/result';

/**
 * The answer of `call(key)`, asked `delayMs` after `key` last changed (never while it is null),
 * so that typing does not send a call per keystroke; an answer to an older key is dropped.
 * The key is what the call depends on, as a string (e.g. JSON of the inputs); the call made is
 * the one of the latest render.
 */
export function useDebouncedResult<T>(
  key: string | null,
  call: (key: string) => Promise<Result<T>>,
  delayMs = 250,
): { value: T | null; error: AppError | null } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef(call);
  useEffect(() => {
    latest.current = call;
  });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      void latest.current(key).then((r) => {
        if (!live) return;
        setValue(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, delayMs]);

  return { value, error };
}
