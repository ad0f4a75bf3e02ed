import { countWords, estimateTokensApprox } from '../../../../shared/io/textStats';

/** Live counts under a text field; the token figure is an estimate and says so. */
export function TextStats({ text, testId }: { text: string; testId?: string }) {
  const words = countWords(text);
  const tokens = estimateTokensApprox(text);
  return (
    <span className="text-stats" data-testid={testId}>
      {words.toLocaleString('en-US')} {words === 1 ? 'word' : 'words'} · ≈
      {tokens.toLocaleString('en-US')} tokens
    </span>
  );
}
