import { useEffect, useState } from 'react';
import type { DistillJobView } from '../../../../shared/distill/distillDomain';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/** The job list, kept current by the jobs main pushes as it tracks them. */
export function useDistillJobs() {
  const [jobs, setJobs] = useState<DistillJobView[]>([]);
  useQuery(() => api.listDistillJobs({}), [], { onData: setJobs });
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type !== 'distillJob') return;
        setJobs((all) =>
          all.some((j) => j.id === e.job.id)
            ? all.map((j) => (j.id === e.job.id ? e.job : j))
            : [e.job, ...all],
        );
      }),
    [],
  );
  const upsert = (job: DistillJobView) =>
    setJobs((all) =>
      all.some((j) => j.id === job.id)
        ? all.map((j) => (j.id === job.id ? job : j))
        : [job, ...all],
    );
  return { jobs, upsert };
}
