/**
 * Control endpoints for a stand-in running as its own process (standInMain.ts), so that an
 * e2e test or a benchmark can script it over HTTP. Only served with `control: true`, and only
 * JSON-expressible scripts (output as a style name or `{ "text": ... }`, no functions).
 *
 *   POST /__stand-in/models/{modelId}   body: ModelScript
 *   POST /__stand-in/faults/{modelId}   body: FaultSpec[]      ('*' = any model)
 *   POST /__stand-in/outputs/{modelId}  body: string[]
 *   POST /__stand-in/fault-plan         body: FaultPlan | null
 *   POST /__stand-in/reset              forget requests and queues
 *   GET  /__stand-in/requests           the recorded requests
 */
import type { ServerResponse } from 'node:http';
import type { BedrockStandIn } from './bedrockStandIn';
import type { FaultPlan, FaultSpec, ModelScript } from './standInTypes';

function reply(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

export function handleControl(
  standIn: BedrockStandIn,
  method: string,
  path: string,
  raw: string,
  res: ServerResponse,
): void {
  const [, , what, encodedId] = path.split('/');
  const modelId = encodedId === undefined ? undefined : decodeURIComponent(encodedId);
  let body: unknown;
  try {
    body = raw.length > 0 ? JSON.parse(raw) : undefined;
  } catch {
    return reply(res, 400, { message: 'body is not JSON' });
  }
  if (method === 'GET' && what === 'requests') return reply(res, 200, standIn.requests);
  if (method !== 'POST') return reply(res, 405, { message: `${method} not allowed` });
  switch (what) {
    case 'reset':
      standIn.clearRequests();
      standIn.clearQueues();
      return reply(res, 200, { ok: true });
    case 'fault-plan':
      standIn.setFaultPlan((body ?? undefined) as FaultPlan | undefined);
      return reply(res, 200, { ok: true });
  }
  if (modelId === undefined) return reply(res, 404, { message: `unknown control ${path}` });
  switch (what) {
    case 'models':
      standIn.setModel(modelId, body as ModelScript);
      return reply(res, 200, { ok: true });
    case 'faults':
      standIn.queueFaults(modelId, body as FaultSpec[]);
      return reply(res, 200, { ok: true });
    case 'outputs':
      standIn.queueOutputs(modelId, body as string[]);
      return reply(res, 200, { ok: true });
    default:
      return reply(res, 404, { message: `unknown control ${path}` });
  }
}
