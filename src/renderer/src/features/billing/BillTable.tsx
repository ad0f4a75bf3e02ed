import type { Reconciliation } from '../../../../shared/billing/billingSchemas';
import { TAGGED_HEADING } from '../../../../shared/billing/profileCalls';
import { formatUsd } from '../../../../shared/format';

const signed = (x: number) => (x > 0 ? `+${formatUsd(x)}` : formatUsd(x));

interface BillTableProps {
  reconciliation: Reconciliation;
}

/**
 * Billed against computed per model, each row followed by why the two differ; then the account's
 * other Bedrock usage, the per-experiment tag groups when asked for, and range-wide notes.
 */
export function BillTable({ reconciliation: r }: BillTableProps) {
  return (
    <div className="pane bill-result" data-testid="bill-result">
      <p className="hint" data-testid="bill-updated">
        {r.latestBilledDay
          ? `Billing data through ${r.latestBilledDay}`
          : 'No billing data for these days yet'}
        {r.fetchedAt ? `; fetched ${r.fetchedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}. Cost
        Explorer updates up to three times a day and lags about a day.
      </p>
      <div className="table-scroll">
        <table className="table bill-table" data-testid="bill-table">
          <caption>
            Billed vs computed, {r.from} to {r.to}
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Region</th>
              <th scope="col" className="num">
                Billed (USD)
              </th>
              <th scope="col" className="num">
                Computed (USD)
              </th>
              <th scope="col" className="num">
                Difference (USD)
              </th>
            </tr>
          </thead>
          {r.models.map((m) => (
            <tbody key={`${m.key}|${m.region}`} data-testid="bill-model">
              <tr>
                <th scope="row">{m.name}</th>
                <td>{m.region}</td>
                <td className="num">{formatUsd(m.billedUsd)}</td>
                <td className="num">{formatUsd(m.computedUsd)}</td>
                <td className="num">{signed(m.differenceUsd)}</td>
              </tr>
              <tr className="bill-why">
                <td colSpan={5}>
                  <ul data-testid="bill-explanations">
                    {m.explanations.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td className="num">{formatUsd(r.totals.billedUsd)}</td>
              <td className="num">{formatUsd(r.totals.computedUsd)}</td>
              <td className="num">{signed(r.totals.differenceUsd)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {r.otherUsage.length > 0 && (
        <section data-testid="bill-other-usage">
          <h3>
            Other Bedrock usage in the account: {formatUsd(r.totals.otherUsageUsd)} (models the app
            did not call)
          </h3>
          <ul>
            {r.otherUsage.map((o) => (
              <li key={`${o.name}|${o.region}`}>
                {o.name} ({o.region}): {formatUsd(o.billedUsd)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.tagged.length > 0 && (
        <section data-testid="bill-tagged">
          <h3>{TAGGED_HEADING}</h3>
          <ul>
            {r.tagged.map((t) => (
              <li key={t.tagValue}>
                {t.tagValue || '(untagged)'}: billed {formatUsd(t.billedUsd)}
                {t.computedUsd === null ? '' : `, computed ${formatUsd(t.computedUsd)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.notes.length > 0 && (
        <ul className="bill-notes" data-testid="bill-notes">
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
