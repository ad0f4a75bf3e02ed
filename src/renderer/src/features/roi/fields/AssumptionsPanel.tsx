import type { PriceCatalog } from '../../../../../shared/pricing/priceSchemas';
import type { Draft } from '../draft';
import { InvestmentFields } from './InvestmentFields';
import { QualityFields } from './QualityFields';
import { ServingFields } from './ServingFields';
import { TokenFields } from './TokenFields';
import { VolumeFields } from './VolumeFields';

interface AssumptionsPanelProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
  tokenOrigin: string;
}

/** Every assumption of the scenario, grouped as an analyst thinks about them. */
export function AssumptionsPanel({ draft, onChange, book, tokenOrigin }: AssumptionsPanelProps) {
  return (
    <aside className="roi-assumptions" aria-label="Assumptions" data-testid="assumptions">
      <VolumeFields draft={draft} onChange={onChange} />
      <TokenFields draft={draft} onChange={onChange} book={book} origin={tokenOrigin} />
      <ServingFields draft={draft} onChange={onChange} book={book} />
      <InvestmentFields draft={draft} onChange={onChange} book={book} />
      <QualityFields draft={draft} onChange={onChange} />
    </aside>
  );
}
