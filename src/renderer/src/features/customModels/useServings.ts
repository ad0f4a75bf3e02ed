import { useCallback, useEffect, useState } from 'react';
import type { Serving } from '../../../../shared/serving/servingDomain';
import { isPending } from '../../../../shared/serving/servingDomain';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/** How often the list is re-read while a serving is being created (main polls AWS). */
const PENDING_REFRESH_MS = 1_000;
/** How often the hourly cost of live servings is re-drawn. */
const COST_TICK_MS = 30_000;

/** The stored servings, re-read while any is pending, and a clock for costs that accrue. */
export function useServings() {
  const [servings, setServings] = useState<Serving[]>([]);
  const [now, setNow] = useState(() => new Date().toISOString());
  const reload = useCallback(async () => {
    const r = await api.listServings({});
    if (r.ok) setServings(r.value);
    setNow(new Date().toISOString());
  }, []);
  useQuery(() => api.listServings({}), [], { onData: setServings });
  const pending = servings.some((s) => isPending(s.phase));
  useEffect(() => {
    const every = pending ? PENDING_REFRESH_MS : COST_TICK_MS;
    const t = setInterval(() => void reload(), every);
    return () => clearInterval(t);
  }, [pending, reload]);
  const replace = (s: Serving) =>
    setServings((all) =>
      [s, ...all.filter((x) => x.id !== s.id)].sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      ),
    );
  return { servings, now, reload, replace };
}
