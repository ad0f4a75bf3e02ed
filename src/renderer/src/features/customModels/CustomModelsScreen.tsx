import { Fragment, useCallback, useEffect, useState } from 'react';
import type { ServingOfferView } from '../../../../shared/ipc/servingChannels';
import type { CustomModel } from '../../../../shared/serving/servingDomain';
import { modelName } from '../../../../shared/report/names';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { REGIONS } from '../runs/ExperimentSetup';
import { ServeForm } from './ServeForm';
import { ServingCard } from './ServingCard';
import { useServings } from './useServings';
import './customModels.css';

interface Listed {
  model: CustomModel;
  offer: ServingOfferView;
}

/**
 * The account's custom (distilled) models in a region, the ways Bedrock serves each with what
 * they cost, and the servings the app bought: followed until in service, evaluated, deleted.
 */
export function CustomModelsScreen() {
  const [region, setRegion] = useState('us-east-1');
  const [models, setModels] = useState<Listed[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { run, error, setError, busy } = useCall();
  const { servings, now, reload, replace } = useServings();

  useEffect(() => {
    void api.getCredentialStatus({}).then((r) => {
      if (r.ok) setRegion(r.value.settings.defaultRegion);
    });
  }, []);

  const load = useCallback(
    async (r: string) => {
      const list = await run(() => api.listCustomModels({ region: r }));
      setModels(list);
    },
    [run],
  );

  return (
    <section className="screen custom-models" data-testid="custom-models-screen">
      <h1>Custom models</h1>
      <p className="lede">
        Serve a distilled model the ways Bedrock sells it, see what it costs while it exists,
        evaluate it against its teacher, and delete it when done.
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="row">
        <label className="label">
          Region
          <select
            className="input"
            data-testid="custom-models-region"
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          >
            {[...new Set([region, ...REGIONS])].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          data-testid="custom-models-load"
          disabled={busy}
          onClick={() => void load(region)}
        >
          List custom models
        </button>
      </div>
      {models && models.length === 0 && (
        <p className="empty-note">This account has no custom models in {region}.</p>
      )}
      {models && models.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="custom-models">
            <caption>Custom models in {region}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Student (base)</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map(({ model, offer }) => (
                <Fragment key={model.modelArn}>
                  <tr data-testid="custom-model">
                    <td>{model.modelName}</td>
                    <td>{model.baseModelId ? modelName(model.baseModelId) : '—'}</td>
                    <td>{model.status ?? '—'}</td>
                    <td>{model.createdAt ? model.createdAt.slice(0, 10) : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="custom-model-serve"
                        aria-expanded={open === model.modelArn}
                        onClick={() => setOpen(open === model.modelArn ? null : model.modelArn)}
                      >
                        Serve…
                      </button>
                    </td>
                  </tr>
                  {open === model.modelArn && (
                    <tr>
                      <td colSpan={5}>
                        <ServeForm
                          model={model}
                          offer={offer}
                          onServed={(s) => {
                            replace(s);
                            setOpen(null);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Servings</h2>
      {servings.length === 0 ? (
        <p className="empty-note">Nothing served yet.</p>
      ) : (
        <div className="servings" data-testid="servings">
          {servings.map((s) => (
            <ServingCard
              key={s.id}
              serving={s}
              now={now}
              onChange={(changed) => (changed ? replace(changed) : void reload())}
            />
          ))}
        </div>
      )}
    </section>
  );
}
