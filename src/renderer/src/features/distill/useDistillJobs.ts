import { useEffect, useState } from 'react';
import type { DistillJobView } from '../../../../shared/distill/distillDomain';
import { api } from '../../api/transport';

/** The job list, kept current by the jobs main pushes as it tracks them. */
export function useDistillJobs() {
  const [jobs, setJobs] = useState<DistillJobView[]>([]);
  useEffect(() => {
    let live = true;
    void api.listDistillJobs({}).then((r) => {
      if (live && r.ok) setJobs(r.value);
    });
    const off = api.onEvent((e) => {
      if (e.type !== 'distillJob') return;
      setJobs((all) =>
        all.some((j) => j.id === e.job.id)
          ? all.map((j) => (j.id === e.job.id ? e.job : j))
          : [e.job, ...all],
      );
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  const upsert = (job: DistillJobView) =>
    setJobs((all) =>
      all.some((j) => j.id === job.id)
        ? all.map((j) => (j.id === job.id ? job : j))
        : [job, ...all],
    );
  return { jobs, upsert };
}
