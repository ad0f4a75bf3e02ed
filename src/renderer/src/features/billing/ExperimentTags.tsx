import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { EXPERIMENT_TAG_KEY } from '../../../../shared/billing/billingSchemas';
import type { ExperimentProfileSchema } from '../../../../shared/ipc/billingChannels';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../api/transport';

type Profile = z.infer<typeof ExperimentProfileSchema>;

const callsThrough = (n: number) =>
  n === 1 ? '1 stored call sent through it' : `${n} stored calls sent through it`;

interface ExperimentTagsProps {
  onError: (e: AppError) => void;
}

/**
 * Optional: application inference profiles per experiment, tagged with the experiment, so the
 * bill can be grouped per experiment once the tag is activated for cost allocation (once per
 * account, in the Billing console; AWS shows it from then on, not for earlier days).
 */
export function ExperimentTags({ onError }: ExperimentTagsProps) {
  const [experiments, setExperiments] = useState<ExperimentSummary[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.listExperiments({}).then((r) => {
      if (!r.ok) return;
      setExperiments(r.value);
      setChosen((c) => c || (r.value[0]?.id ?? ''));
    });
  }, []);
  useEffect(() => {
    if (!chosen) return;
    void api.listExperimentProfiles({ experimentId: chosen }).then((r) => {
      if (r.ok) setProfiles(r.value);
    });
  }, [chosen]);

  const create = async () => {
    setBusy(true);
    const r = await api.createExperimentProfiles({ experimentId: chosen });
    setBusy(false);
    if (r.ok) setProfiles(r.value);
    else onError(r.error);
  };

  return (
    <details className="pane bill-tags" data-testid="bill-tags">
      <summary>Match the bill to one experiment (cost allocation tag)</summary>
      <p>
        The app can create an application inference profile for each model of an experiment, copied
        from the model and tagged <code>{EXPERIMENT_TAG_KEY}</code> = the experiment id. From then
        on the experiment&apos;s calls are sent through its profiles (on demand, including the calls
        still to make in a run already going, and batch jobs created from then on) and carry the tag
        onto the bill; results, prices and ROI stay those of the model. Calls made before the
        profiles existed named the model itself and are billed untagged.
      </p>
      <ol>
        <li>
          Once per account, activate the tag: AWS Billing and Cost Management → Cost allocation tags
          → select <code>{EXPERIMENT_TAG_KEY}</code> → Activate (it needs the payer account; the tag
          appears there about a day after the first tagged use).
        </li>
        <li>
          Cost Explorer then groups spend by the tag from activation on, not for earlier days.
        </li>
        <li>Tick “Group by the experiment tag” above and Refresh.</li>
      </ol>
      <div className="row">
        <label>
          <span className="label">Experiment</span>
          <select
            className="input"
            value={chosen}
            data-testid="bill-tag-experiment"
            onChange={(e) => setChosen(e.target.value)}
          >
            {experiments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.config.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={!chosen || busy}
          data-testid="bill-create-profiles"
          onClick={() => void create()}
        >
          {busy ? 'Creating…' : 'Create tagged profiles'}
        </button>
      </div>
      {profiles.length > 0 && (
        <ul data-testid="bill-profiles">
          {profiles.map((p) => (
            <li key={p.modelId}>
              {p.modelId}: {p.profileArn ?? 'not created yet (try again)'}
              {p.profileArn !== null && (
                <span className="hint" data-testid="bill-profile-calls">
                  {' '}
                  ({callsThrough(p.callsThrough)})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
