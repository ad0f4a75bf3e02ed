/**
 * A distillation launch turned into a checked, priced plan without any AWS call: the prompts
 * (rendered from the dataset, or the count the analyst gives for invocation logs), the §3
 * estimate from the price book, the budget question, and the row to store. Nothing is stored
 * here; `launchDistill` stores the plan before its first call.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { parseS3Location, s3Uri } from '../../shared/batch/s3Location';
import { checkDistillLaunch, type FieldProblem } from '../../shared/distill/checkLaunch';
import type {
  DistillBasis,
  DistillLaunchCore,
  DistillPreview,
  DistillSettings,
} from '../../shared/distill/distillDomain';
import { distillCost, overBudget } from '../../shared/distill/distillEstimate';
import {
  checkTrainingJsonl,
  trainingLine,
  type TrainingRecord,
} from '../../shared/distill/trainingRecords';
import { renderPrompt } from '../../shared/domain/experiment';
import { resolvePrice } from '../../shared/pricing/priceBook';
import { getDataset } from '../db/repos/datasets';
import { jobHoldingModelName, type NewDistillJob } from '../db/repos/distillJobs';
import { listParagraphTexts } from '../db/repos/paragraphs';
import { loadPriceBook } from '../db/repos/priceOverrides';
import { countPromptTokens } from '../estimate/promptTokens';
import { bookWithSnapshot } from '../priceList/bookWithSnapshot';

export interface DistillPlan {
  preview: DistillPreview;
  /** Null when there are problems. */
  job: NewDistillJob | null;
  /** The training file's lines (dataset launches only). */
  lines: string[] | null;
}

interface Prompts {
  /** The user text of each record, for counting tokens. */
  texts: string[];
  system: string | null;
  /** The training file's lines, newline included. */
  lines: string[];
}

function datasetPrompts(db: Database, datasetId: string, template: string, system: string | null) {
  const texts = listParagraphTexts(db, datasetId).map((p) => renderPrompt(template, p.text));
  return { texts, system, lines: texts.map((t) => trainingLine(t, system)) };
}

/** A training file as Bedrock would validate it; the first bad line is the problem. */
function filePrompts(path: string, studentId: string): Prompts | FieldProblem {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return { field: 'trainingFile', message: `Training file ${path} cannot be read (${code}).` };
  }
  const check = checkTrainingJsonl(text, studentId);
  if (!check.ok) return { field: 'trainingFile', message: check.message };
  const records = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TrainingRecord);
  return {
    texts: records.map((r) =>
      r.messages.map((m) => m.content.map((c) => c.text).join('')).join('\n'),
    ),
    system: null,
    lines: records.map((r) => `${JSON.stringify(r)}\n`),
  };
}

function promptsOf(db: Database, launch: DistillLaunchCore): Prompts | FieldProblem | null {
  const src = launch.source;
  if (src.kind === 'dataset') {
    if (!getDataset(db, src.datasetId)) {
      return { field: 'datasetId', message: `No dataset ${src.datasetId}.` };
    }
    return datasetPrompts(db, src.datasetId, src.promptTemplate, src.systemPrompt);
  }
  if (src.kind === 'trainingFile') return filePrompts(src.path, launch.studentModelId);
  return null;
}

/** A job name from the model name: unique per launch, within AWS's 63 characters. */
const jobNameFor = (customModelName: string): string =>
  `${customModelName.slice(0, 50)}-${randomUUID().slice(0, 8)}`;

export function planDistill(
  db: Database,
  launch: DistillLaunchCore,
  settings: DistillSettings,
): DistillPlan {
  const problems: FieldProblem[] = [];
  const src = launch.source;
  // The training file's key is the model name's (so a relaunch after a kill finds its own
  // leftover upload): a name still in use must not have its file overwritten.
  const holder = jobHoldingModelName(db, launch.customModelName.trim());
  if (holder) {
    problems.push({
      field: 'customModelName',
      message:
        holder.phase === 'ended'
          ? `A custom model named ${launch.customModelName.trim()} exists already (job ${holder.jobName} completed); choose another name.`
          : `Job ${holder.jobName} is training a custom model named ${launch.customModelName.trim()}; choose another name, or stop that job first.`,
    });
  }
  const read = promptsOf(db, launch);
  const prompts = read && 'texts' in read ? read : null;
  if (read && 'field' in read) problems.push(read);
  const promptCount =
    src.kind === 'invocationLogs' ? src.promptCount : (prompts?.texts.length ?? null);
  const checked = checkDistillLaunch(launch, settings, promptCount);
  problems.push(...checked.problems);

  const book = bookWithSnapshot(loadPriceBook(db), db, launch.region);
  const teacher = resolvePrice(book, launch.teacherModelId, launch.region);
  if (!teacher.found) {
    problems.push({ field: 'teacherModelId', message: teacher.message });
  }
  const entry = teacher.found ? resolvePrice(book, launch.studentModelId, launch.region) : null;
  const studentEntry = entry?.found ? entry.entry : null;
  const training =
    launch.trainingUsdPer1kTokens ?? studentEntry?.trainingUsdPer1kTokens.value ?? null;
  const storage = launch.storageUsdPerMonth ?? studentEntry?.storageUsdPerMonth.value ?? null;
  if (training === null) {
    problems.push({
      field: 'trainingUsdPer1kTokens',
      message:
        'Training price per 1,000 tokens: the price book has none for this student; type it.',
    });
  }
  if (storage === null) {
    problems.push({
      field: 'storageUsdPerMonth',
      message: 'Storage per month: the price book has none for this custom model; type it.',
    });
  }

  const dataSource =
    src.kind === 'invocationLogs' && src.usePromptResponse ? 'invocationLogs' : 'teacherGenerates';
  let basis: DistillBasis | null = null;
  if (teacher.found && training !== null && storage !== null && promptCount !== null) {
    const counted =
      prompts && prompts.texts.length > 0
        ? countPromptTokens(launch.teacherModelId, prompts.texts, prompts.system).promptTokens
        : null;
    basis = {
      prompts: promptCount,
      inputTokensPerPrompt: counted
        ? counted.reduce((a, b) => a + b, 0) / counted.length
        : src.kind === 'invocationLogs'
          ? src.promptTokensPerPrompt
          : 0,
      inputTokensSource: counted ? 'counted' : 'typed',
      outputTokensPerResponse: launch.maxResponseLength,
      teacherInputUsdPer1k: teacher.inputUsdPer1k,
      teacherOutputUsdPer1k: teacher.outputUsdPer1k,
      trainingUsdPer1kTokens: training,
      storageUsdPerMonth: storage,
      expansionFactor: launch.expansionFactor,
      epochs: launch.epochs,
      dataSource,
    };
  }
  const estimate = basis ? costOf(basis) : null;
  const needsConfirmation = estimate !== null && overBudget(estimate, settings.budgetUsd);
  const preview: DistillPreview = {
    problems,
    notes: [
      ...checked.notes,
      'Teacher answers are priced at the response-length ceiling, so the estimate is an upper bound.',
    ],
    prompts: promptCount,
    estimate,
    basis,
    budgetUsd: settings.budgetUsd,
    needsConfirmation,
  };
  if (problems.length > 0 || !basis || !estimate) return { preview, job: null, lines: null };

  const loc = parseS3Location(settings.s3Uri ?? '');
  if (!loc.ok) return { preview, job: null, lines: null };
  const jobName = jobNameFor(launch.customModelName);
  // One folder per custom model name, the same at every launch of it: a launch killed while
  // writing the training file left its multipart upload at this key, and the next launch of the
  // same model aborts it there. The job's output goes under the job's own name.
  const folder = `${loc.prefix}distill/${launch.customModelName.trim()}/`;
  return {
    preview,
    lines: prompts ? prompts.lines : null,
    job: {
      id: randomUUID(),
      jobName,
      customModelName: launch.customModelName,
      clientRequestToken: randomUUID(),
      teacherModelId: launch.teacherModelId,
      studentModelId: launch.studentModelId,
      region: launch.region,
      roleArn: (settings.roleArn ?? '').trim(),
      sourceKind: src.kind,
      datasetId: src.kind === 'dataset' ? src.datasetId : null,
      trainingUri:
        src.kind === 'invocationLogs'
          ? src.s3Uri.trim()
          : s3Uri(loc.bucket, `${folder}training.jsonl`),
      usePromptResponse: src.kind === 'invocationLogs' && src.usePromptResponse,
      outputUri: s3Uri(loc.bucket, `${folder}${jobName}/output/`),
      maxResponseLength: launch.maxResponseLength,
      promptCount: basis.prompts,
      basis,
      estimate,
    },
  };
}

/** The §3 cost of a stored basis: the estimate at launch, the actual one at completion. */
export const costOf = (b: DistillBasis) =>
  distillCost({
    prompts: b.prompts,
    expansionFactor: b.expansionFactor,
    dataSource: b.dataSource,
    epochs: b.epochs,
    inputTokensPerPrompt: b.inputTokensPerPrompt,
    outputTokensPerResponse: b.outputTokensPerResponse,
    teacherPrice: {
      inputUsdPer1k: b.teacherInputUsdPer1k,
      outputUsdPer1k: b.teacherOutputUsdPer1k,
    },
    trainingUsdPer1kTokens: b.trainingUsdPer1kTokens,
    storageUsdPerMonth: b.storageUsdPerMonth,
  });
