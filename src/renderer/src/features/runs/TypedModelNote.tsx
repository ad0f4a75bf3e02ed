import { describeModelResolution } from '../../../../shared/models/modelResolution';
import { parseModelRef } from '../../../../shared/models/modelRef';
import { api } from '../../api/transport';
import { useDebouncedResult } from '../../api/useDebouncedResult';

interface TypedModelNoteProps {
  /** What the user typed (or chose outside the list); empty shows nothing. */
  id: string;
  region: string;
}

/**
 * What a typed id, profile or ARN is (kind, region, the base model it is priced as), from the
 * same resolver as `distill-roi models --resolve`: provisioned throughput, application profiles
 * and deployments are looked up in the account, so the user sees what they are about to call.
 */
export function TypedModelNote({ id, region }: TypedModelNoteProps) {
  const trimmed = id.trim();
  const parsed = trimmed === '' ? null : parseModelRef(trimmed);
  const key = parsed ? JSON.stringify({ id: trimmed, region }) : null;
  const { value, error } = useDebouncedResult(key, (k) => {
    const input = JSON.parse(k) as { id: string; region: string };
    return api.resolveModel({ ...input, offline: false });
  });
  if (!parsed) return null;
  // Until the answer for this very id arrives, say what the text alone says.
  const text =
    value && value.id === trimmed
      ? describeModelResolution(value)
      : error
        ? `Could not look up ${trimmed}: ${error.message}`
        : parsed.ok
          ? 'Looking it up…'
          : parsed.message;
  const ok = value?.id === trimmed ? value.ok : parsed.ok;
  return (
    <p className={ok ? 'hint' : 'hint warn-text'} data-testid="model-resolution" role="status">
      {text}
    </p>
  );
}
