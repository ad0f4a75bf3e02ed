import type { ImportPreview } from '../../../../shared/io/importPreview';

const SHOWN = 50;

type OkPreview = Extract<ImportPreview, { ok: true }>;

/** What will land, and every row that will not, with the reason; long lists are cut with a count. */
export function ImportPreviewTables({ preview }: { preview: OkPreview }) {
  return (
    <div className="import-tables">
      <table className="table" data-testid="import-accepted">
        <caption>Will be imported</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Text</th>
            <th scope="col">Reference</th>
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {preview.accepted.slice(0, SHOWN).map((p) => (
            <tr key={p.line}>
              <td className="num">{p.line}</td>
              <td className="clip">{p.text}</td>
              <td className="clip">{p.reference ?? '—'}</td>
              <td>{p.tags.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.accepted.length > SHOWN && (
        <p className="hint">…and {preview.accepted.length - SHOWN} more.</p>
      )}
      {preview.rejected.length > 0 && (
        <table className="table table-rejected" data-testid="import-rejected">
          <caption>Rejected</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Reason</th>
              <th scope="col">Excerpt</th>
            </tr>
          </thead>
          <tbody>
            {preview.rejected.map((r) => (
              <tr key={`${r.line}:${r.reason}`}>
                <td className="num">{r.line}</td>
                <td>{r.reason}</td>
                <td className="clip">{r.excerpt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
