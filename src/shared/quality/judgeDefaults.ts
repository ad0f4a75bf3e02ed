/**
 * The rubric and prompts a new judge starts with. The analyst sees and may edit all three; what
 * was actually sent is stored with the scores it produced, so a later edit never relabels them.
 */

export const DEFAULT_RUBRIC = `Score each criterion from 1 (poor) to 5 (excellent).
- faithfulness: every statement in the summary is supported by the paragraph; 5 = nothing invented or distorted, 1 = mostly unsupported.
- coverage: the summary keeps the paragraph's key facts, numbers and names; 5 = nothing important missing, 1 = the main point is missing.
- conciseness: no padding, repetition or needless detail for a two-to-three sentence summary; 5 = tight, 1 = rambling or far too long.
- fluency: grammatical, clear and natural English; 5 = reads like careful human writing, 1 = hard to read.`;

export const DEFAULT_SCORE_PROMPT = `You are grading a summary of a paragraph.

Rubric:
{{rubric}}

Paragraph:
<<<
{{paragraph}}
>>>

Reference summary written by a person (may be "(none)"):
<<<
{{reference}}
>>>

Summary to grade:
<<<
{{output}}
>>>

Answer with one JSON object and nothing else, in exactly this shape, with whole numbers 1 to 5:
{"faithfulness": 1, "coverage": 1, "conciseness": 1, "fluency": 1, "reason": "one short sentence"}`;

export const DEFAULT_PAIRWISE_PROMPT = `You are comparing two summaries of the same paragraph.

Rubric:
{{rubric}}

Paragraph:
<<<
{{paragraph}}
>>>

Summary A:
<<<
{{outputA}}
>>>

Summary B:
<<<
{{outputB}}
>>>

Which summary is better overall under the rubric? Ignore which one comes first.
Answer with one JSON object and nothing else, in exactly this shape:
{"preferred": "A", "reason": "one short sentence"}
where "preferred" is "A", "B" or "tie".`;
