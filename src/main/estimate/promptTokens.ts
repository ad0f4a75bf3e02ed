import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { estimateTokensApprox } from '../../shared/io/textStats';
import { findModel } from '../../shared/pricing/models';
import { normalizeModelId } from '../../shared/pricing/modelIds';
import type { ModelPromptTokens } from '../../shared/estimate/runEstimate';

interface Llama3Tokenizer {
  encode(text: string, opts?: { bos?: boolean; eos?: boolean }): number[];
}

// The package's CommonJS bundle carries the vocabulary (~10 MB): load it only when first needed.
let llama3: Llama3Tokenizer | null = null;
function llama3Tokenizer(): Llama3Tokenizer {
  if (!llama3) {
    const req = createRequire(__filename);
    const mod = req('llama3-tokenizer-js/bundle/commonjs-llama3-tokenizer-with-baked-data.cjs') as {
      llama3Tokenizer: Llama3Tokenizer;
    };
    llama3 = mod.llama3Tokenizer;
  }
  return llama3;
}

/**
 * Llama 3 token counts of prompts already counted, by a digest of the prompt: the setup form
 * estimates again on every change, teacher and student often share the tokenizer, and the exact
 * tokenizer takes about 70 µs a prompt (3.5 s for 50,000 paragraphs, on the main process). The
 * digest keeps the memo small (about 100 bytes an entry, not the prompt); it is emptied when it
 * passes MEMO_LIMIT entries.
 */
const memo = new Map<string, number>();
const MEMO_LIMIT = 250_000;

function llama3Count(t: Llama3Tokenizer, prompt: string): number {
  const key = createHash('sha1').update(prompt).digest('base64');
  let n = memo.get(key);
  if (n === undefined) {
    n = t.encode(prompt, { bos: false, eos: false }).length;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, n);
  }
  return n;
}

/**
 * Tokens Bedrock adds around a Llama 3 chat turn: <|begin_of_text|>, the user and assistant
 * headers (<|start_header_id|>role<|end_header_id|> plus "\n\n") and <|eot_id|>. A system block
 * adds its own header and <|eot_id|>.
 */
const LLAMA3_TURN_OVERHEAD = 10;
const LLAMA3_SYSTEM_OVERHEAD = 5;

export const isLlama3Family = (modelId: string): boolean => {
  const info = findModel(normalizeModelId(modelId).modelId);
  return info ? info.family.startsWith('Llama 3') : /meta\.llama3/.test(modelId);
};

/** Input tokens of each prompt as the model would count them: exact tokenizer for Llama 3, else an estimate. */
export function countPromptTokens(
  modelId: string,
  prompts: string[],
  system: string | null,
): ModelPromptTokens {
  if (isLlama3Family(modelId)) {
    const t = llama3Tokenizer();
    const systemTokens = system
      ? t.encode(system, { bos: false, eos: false }).length + LLAMA3_SYSTEM_OVERHEAD
      : 0;
    return {
      modelId,
      tokenizer: 'llama3',
      promptTokens: prompts.map((p) => llama3Count(t, p) + LLAMA3_TURN_OVERHEAD + systemTokens),
    };
  }
  const systemTokens = system ? estimateTokensApprox(system) : 0;
  return {
    modelId,
    tokenizer: 'approximate',
    promptTokens: prompts.map((p) => estimateTokensApprox(p) + systemTokens),
  };
}
