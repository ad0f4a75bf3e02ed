import { formatNumber, formatUsd } from '../../../../../shared/format';
import type { PriceCatalog } from '../../../../../shared/pricing/priceSchemas';
import { PROTOTYPE_STORAGE_ASSUMPTION } from '../../../../../shared/pricing/priceCatalog';
import { MAX_DISTILLATION_PAIRS, trainingPairsOf } from '../../../../../shared/roi';
import {
  type Draft,
  type DistillationKind,
  distillationOfferOf,
  withDistillationKind,
  writeDraft,
} from '../draft';
import { AssumptionField } from './AssumptionField';
import { Segmented } from './Segmented';

interface InvestmentFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
}

const KINDS: { value: DistillationKind; label: string }[] = [
  { value: 'baseModelAsIs', label: 'Base model as-is' },
  { value: 'distill', label: 'Distil' },
];
const SOURCES = [
  { value: 'teacherGenerates', label: 'Teacher answers the prompts' },
  { value: 'invocationLogs', label: 'Reuse invocation logs' },
];

/** Pairs trained on and teacher calls made, in words (docs/roi-model.md §3). */
function pairsHint(prompts: number, expansion: number, source: string | undefined): string {
  const { pairs, capped } = trainingPairsOf(prompts, expansion);
  const cap = capped ? `, capped at ${formatNumber(MAX_DISTILLATION_PAIRS)} per job` : '';
  const calls =
    source === 'invocationLogs'
      ? 'no teacher calls (responses reused from the logs)'
      : `${formatNumber(pairs)} teacher calls at its on-demand price`;
  return `${formatNumber(pairs)} pairs after augmentation${cap}; ${calls}.`;
}

/** The one-off investment: distillation (prompts, epochs, training, storage) and engineering. */
export function InvestmentFields({ draft, onChange, book }: InvestmentFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const d = draft.distillation;
  const storage = draft.student.storageUsdPerMonth ?? 0;
  const e = draft.engineering;
  const offer = distillationOfferOf(draft);
  // Distillation is offered only for a pair AWS lists; one already chosen stays visible.
  const kinds = offer.ok || d.kind === 'distill' ? KINDS : KINDS.slice(0, 1);
  return (
    <fieldset className="assumption-group" data-testid="group-investment">
      <legend>One-off investment</legend>
      <div className="assumption">
        <div className="assumption-head">
          <span id="distillation-label">Student</span>
        </div>
        <Segmented
          labelledBy="distillation-label"
          testId="distillation"
          value={d.kind}
          options={kinds}
          onChange={(k) => onChange(withDistillationKind(draft, k as DistillationKind, book))}
        />
        <p
          className={offer.ok ? 'assumption-hint' : 'assumption-hint warn-text'}
          data-testid="distill-offer"
        >
          {offer.ok
            ? ['Bedrock distils this pair.', ...offer.notes].join(' ')
            : `Distillation not offered: ${offer.reason}`}
        </p>
      </div>
      {d.kind === 'distill' && d.actualCostUsd !== undefined && (
        <p className="assumption-hint" data-testid="distill-actual">
          Already distilled: it cost {formatUsd(d.actualCostUsd)}
          {d.actualCostSource ? ` (${d.actualCostSource})` : ''}, counted instead of an estimate
          from prompts, epochs and the training price.{' '}
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              const { actualCostUsd: _cost, actualCostSource: _source, ...estimate } = d;
              onChange({ ...draft, distillation: estimate });
            }}
          >
            Estimate instead
          </button>
        </p>
      )}
      {d.kind === 'distill' && d.actualCostUsd === undefined && (
        <>
          <div className="assumption">
            <div className="assumption-head">
              <span id="data-source-label">Training data</span>
            </div>
            <Segmented
              labelledBy="data-source-label"
              testId="data-source"
              value={d.dataSource ?? 'teacherGenerates'}
              options={SOURCES}
              onChange={(v) =>
                onChange({
                  ...draft,
                  distillation: { ...d, dataSource: v as 'teacherGenerates' | 'invocationLogs' },
                })
              }
            />
          </div>
          <AssumptionField
            id="prompts"
            label="Distillation prompts"
            value={d.prompts}
            onChange={set('distillation.prompts')}
            min={100}
            max={100_000}
            scale="log"
            integer
            unit="prompts"
            display={formatNumber(d.prompts)}
          />
          <AssumptionField
            id="expansion"
            label="Expansion factor"
            value={d.expansionFactor ?? 1}
            onChange={set('distillation.expansionFactor')}
            min={1}
            max={10}
            unit="pairs/prompt"
            display={formatNumber(d.expansionFactor ?? 1, 2)}
            hint={pairsHint(d.prompts, d.expansionFactor ?? 1, d.dataSource)}
          />
          <AssumptionField
            id="epochs"
            label="Training epochs"
            value={d.epochs}
            onChange={set('distillation.epochs')}
            min={1}
            max={10}
            integer
            unit="epochs"
          />
          <AssumptionField
            id="training-price"
            label="Training price"
            value={d.trainingUsdPer1kTokens}
            onChange={set('distillation.trainingUsdPer1kTokens')}
            min={0.0001}
            max={0.1}
            scale="log"
            unit="$/1K tok"
            display={formatUsd(d.trainingUsdPer1kTokens)}
            missing="Not found in sources; enter it."
          />
        </>
      )}
      {d.kind === 'distill' && (
        <>
          <AssumptionField
            id="storage"
            label="Custom model storage"
            value={storage}
            onChange={set('student.storageUsdPerMonth')}
            min={0.1}
            max={100}
            scale="log"
            unit="$/mo"
            display={formatUsd(storage)}
            missing="Not found in sources; enter it."
            hint={
              Number.isNaN(storage) ? (
                <button
                  type="button"
                  className="btn-link"
                  data-testid="storage-prototype"
                  onClick={() =>
                    set('student.storageUsdPerMonth')(PROTOTYPE_STORAGE_ASSUMPTION.usdPerMonth)
                  }
                >
                  Use the prototype’s $1.95/month (an assumption, not an AWS price)
                </button>
              ) : undefined
            }
          />
        </>
      )}
      <AssumptionField
        id="eng-hours"
        label="Engineering hours"
        value={e.hours}
        onChange={set('engineering.hours')}
        min={0}
        max={1_000}
        unit="h"
        display={formatNumber(e.hours, 1)}
      />
      <AssumptionField
        id="eng-rate"
        label="Engineering rate"
        value={e.usdPerHour}
        onChange={set('engineering.usdPerHour')}
        min={0}
        max={300}
        unit="$/h"
        display={`${formatUsd(e.usdPerHour)} · ${formatUsd(e.hours * e.usdPerHour)} in all`}
      />
    </fieldset>
  );
}
