/**
 * One Bedrock control-plane endpoint as AWS has it: customization jobs, custom models and their
 * servings behind the same URL, sharing one account. A distillation job the customization
 * stand-in completes becomes a custom model that ListCustomModels and GetCustomModel answer, as
 * on AWS (docs/bedrock.md §5), so a test can launch a job, then serve and evaluate what it made.
 * Requests are passed on unchanged (headers and signature included) to the stand-in that owns
 * their path. A test tool only.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  startCustomizationStandIn,
  type CustomizationStandIn,
  type StandInCustomizationJob,
} from './customizationStandIn';
import { closeServer, listenOnLoopback } from './loopbackServer';
import { startServingStandIn, type ServingStandIn, type WireCustomModel } from './servingStandIn';

export interface LinkedControlPlane {
  readonly url: string;
  readonly customization: CustomizationStandIn;
  readonly serving: ServingStandIn;
  close(): Promise<void>;
}

/** A foundation-model id or ARN as the ARN a custom model names for its base (no profile prefix). */
const foundationArn = (region: string, id: string): string =>
  id.startsWith('arn:')
    ? id
    : `arn:aws:bedrock:${region}::foundation-model/${id.replace(/^(us|eu|apac|global)\./, '')}`;

/** The custom model a completed distillation job leaves in the account. */
export function customModelOf(job: StandInCustomizationJob): WireCustomModel | null {
  if (job.status !== 'Completed' || !job.outputModelArn) return null;
  return {
    modelArn: job.outputModelArn,
    modelName: job.customModelName,
    baseModelArn: foundationArn(job.region, job.baseModelIdentifier),
    jobArn: job.jobArn,
    creationTime: job.endTime ?? job.creationTime,
    customizationType: 'DISTILLATION',
    modelStatus: 'Active',
    teacherModelIdentifier: foundationArn(job.region, job.teacherModelIdentifier),
  };
}

const ownedByCustomization = (path: string) => path.startsWith('/model-customization-jobs');

export async function startLinkedControlPlane(
  options: { pollsUntilReady?: number } = {},
): Promise<LinkedControlPlane> {
  const customization = await startCustomizationStandIn();
  const serving = await startServingStandIn(options);
  const published = new Set<string>();

  /** Every job completed so far is a custom model of the account. */
  const publish = () => {
    for (const job of customization.jobs) {
      const model = customModelOf(job);
      if (model && !published.has(model.modelArn)) {
        published.add(model.modelArn);
        serving.addCustomModel(job.region, model);
      }
    }
  };

  const pass = (req: IncomingMessage, res: ServerResponse) => {
    publish();
    const path = req.url ?? '/';
    const target = new URL(path, ownedByCustomization(path) ? customization.url : serving.url);
    const out = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  const server = createServer(pass);
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    customization,
    serving,
    async close() {
      await closeServer(server);
      await customization.close();
      await serving.close();
    },
  };
}
