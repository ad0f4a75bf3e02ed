import { useState } from 'react';
import type { ServingOfferView } from '../../../../shared/ipc/servingChannels';
import type { ProvisionedTerm } from '../../../../shared/pricing/priceSchemas';
import { servingCostText, TERM_WORDS } from '../../../../shared/serving/servingCost';
import type { CustomModel, Serving, ServingKind } from '../../../../shared/serving/servingDomain';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { NumberField, typedNumber } from './NumberField';

const KIND_WORDS: Record<ServingKind, string> = {
  provisioned: 'Provisioned Throughput (hourly, per model unit)',
  customModelOnDemand: 'On-demand deployment (per token, custom-model rates)',
};

/** The serving options Bedrock sells for one custom model, their cost, and Buy (asks first). */
export function ServeForm({
  model,
  offer,
  onServed,
}: {
  model: CustomModel;
  offer: ServingOfferView;
  onServed: (s: Serving) => void;
}) {
  const offered = offer.options.filter((o) => o.offered);
  const [kind, setKind] = useState<ServingKind>(
    (offered[0]?.kind as ServingKind | undefined) ?? 'provisioned',
  );
  const option = offer.options.find((o) => o.kind === kind);
  const [units, setUnits] = useState('1');
  const [term, setTerm] = useState<ProvisionedTerm>('noCommitment');
  const [hourly, setHourly] = useState(String(offer.usdPerHourPerUnit[term] ?? ''));
  const [inRate, setInRate] = useState(String(offer.customModel?.inputUsdPer1k ?? ''));
  const [outRate, setOutRate] = useState(String(offer.customModel?.outputUsdPer1k ?? ''));
  const [oneOff, setOneOff] = useState(
    model.oneOffCostUsd === null ? '' : String(model.oneOffCostUsd),
  );
  const [armed, setArmed] = useState(false);
  const { run, error, setError, busy } = useCall();

  const unitCount = Math.max(1, Math.floor(typedNumber(units) ?? 1));
  const rates =
    kind === 'provisioned'
      ? {
          usdPerHourPerUnit: typedNumber(hourly) ?? null,
          inputUsdPer1k: null,
          outputUsdPer1k: null,
        }
      : {
          usdPerHourPerUnit: null,
          inputUsdPer1k: typedNumber(inRate) ?? null,
          outputUsdPer1k: typedNumber(outRate) ?? null,
        };
  const priced =
    kind === 'provisioned'
      ? rates.usdPerHourPerUnit !== null
      : rates.inputUsdPer1k !== null && rates.outputUsdPer1k !== null;
  const cost = servingCostText(
    {
      kind,
      modelUnits: kind === 'provisioned' ? unitCount : null,
      term: kind === 'provisioned' ? term : null,
      ...rates,
      acceptedAt: null,
      deletedAt: null,
    },
    new Date().toISOString(),
  );

  const buy = async () => {
    const made = await run(() =>
      api.serveCustomModel({
        customModelArn: model.modelArn,
        region: model.region,
        kind,
        ...(kind === 'provisioned'
          ? { modelUnits: unitCount, term, usdPerHourPerUnit: rates.usdPerHourPerUnit ?? undefined }
          : {
              inputUsdPer1k: rates.inputUsdPer1k ?? undefined,
              outputUsdPer1k: rates.outputUsdPer1k ?? undefined,
            }),
        ...(typedNumber(oneOff) !== undefined ? { oneOffCostUsd: typedNumber(oneOff) } : {}),
        confirmed: true,
      }),
    );
    setArmed(false);
    if (made) onServed(made);
  };

  return (
    <form
      className="serve-form"
      data-testid="serve-form"
      aria-label={`Serve ${model.modelName}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <fieldset className="radio-list">
        <legend>How Bedrock serves it in {model.region}</legend>
        {offer.options.map((o) => (
          <label key={o.kind} className="check">
            <input
              type="radio"
              name={`kind-${model.modelArn}`}
              value={o.kind}
              data-testid={`serve-kind-${o.kind}`}
              disabled={!o.offered}
              checked={kind === o.kind}
              onChange={() => {
                setKind(o.kind as ServingKind);
                setArmed(false);
              }}
            />
            <span>
              {KIND_WORDS[o.kind as ServingKind]}
              {!o.offered && o.reason ? (
                <span className="hint serve-reason">{o.reason}</span>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
      {option?.notes?.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
      {kind === 'provisioned' ? (
        <div className="row serve-fields">
          <NumberField
            label="Model units"
            testId="serve-units"
            value={units}
            onChange={setUnits}
            integer
          />
          <label className="label">
            Commitment
            <select
              className="input"
              data-testid="serve-term"
              value={term}
              onChange={(e) => {
                const t = e.target.value as ProvisionedTerm;
                setTerm(t);
                setHourly(String(offer.usdPerHourPerUnit[t] ?? ''));
              }}
            >
              {(option?.terms ?? []).map((t) => (
                <option key={t} value={t}>
                  {TERM_WORDS[t]}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label="USD per hour per unit"
            testId="serve-hourly"
            value={hourly}
            onChange={setHourly}
            placeholder="from the Bedrock console"
          />
        </div>
      ) : (
        <div className="row serve-fields">
          <NumberField
            label="Input USD per 1,000 tokens"
            testId="serve-input-rate"
            value={inRate}
            onChange={setInRate}
          />
          <NumberField
            label="Output USD per 1,000 tokens"
            testId="serve-output-rate"
            value={outRate}
            onChange={setOutRate}
          />
        </div>
      )}
      <NumberField
        label={
          <>
            What the distillation cost, USD{' '}
            <span className="optional">(optional; for the ROI scenario)</span>
          </>
        }
        testId="serve-one-off"
        value={oneOff}
        onChange={setOneOff}
      />
      <p className="serve-cost" data-testid="serve-cost">
        {priced ? cost : 'Enter the price: the price book has none for this model and option.'}
      </p>
      {armed ? (
        <span className="confirm">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="serve-confirm"
            disabled={busy}
            onClick={() => void buy()}
          >
            Buy it: {cost}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setArmed(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="serve-buy"
          disabled={!priced || !option?.offered}
          onClick={() => setArmed(true)}
        >
          Serve…
        </button>
      )}
    </form>
  );
}
