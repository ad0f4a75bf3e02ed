/**
 * A loopback stand-in for Bedrock's CreateInferenceProfile (docs/bedrock.md §3): rest-json
 * `POST /inference-profiles` → 201 `{inferenceProfileArn, status}`, idempotent on
 * `clientRequestToken` (the same token returns the same profile), at most 50 tags, and
 * `GET /inference-profiles/{id}` for the system profiles it knows. Errors carry
 * `x-amzn-ErrorType` and `{"message"}` with their fixed status. A test tool.
 */
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, readBody, sendJson } from './loopbackServer';

export interface CreatedProfile {
  name: string;
  copyFrom: string;
  tags: { key: string; value: string }[];
  arn: string;
}

export interface InferenceProfileStandIn {
  readonly url: string;
  /** Profiles created, once per idempotency token. */
  readonly created: CreatedProfile[];
  /** CreateInferenceProfile requests received (retries with a known token included). */
  readonly createRequests: number;
  /** Every following create answers AccessDeniedException (true) or works again (false). */
  deny(on: boolean): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, value: unknown, errorType?: string) =>
  sendJson(
    res,
    status,
    value,
    'application/json',
    errorType ? { 'x-amzn-errortype': errorType } : {},
  );

export async function startInferenceProfileStandIn(
  region = 'us-east-1',
): Promise<InferenceProfileStandIn> {
  const byToken = new Map<string, CreatedProfile>();
  const created: CreatedProfile[] = [];
  let requests = 0;
  let denied = false;
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method === 'GET' && path.startsWith('/inference-profiles/')) {
        const id = path.slice('/inference-profiles/'.length);
        return send(res, 200, {
          inferenceProfileId: id,
          inferenceProfileArn: `arn:aws:bedrock:${region}:111122223333:inference-profile/${id}`,
          inferenceProfileName: id,
          status: 'ACTIVE',
          type: 'SYSTEM_DEFINED',
          models: [],
        });
      }
      if (req.method !== 'POST' || path !== '/inference-profiles') {
        return send(
          res,
          404,
          { message: `Not served: ${req.method} ${path}` },
          'UnknownOperationException',
        );
      }
      requests++;
      if (denied) {
        return send(
          res,
          403,
          { message: 'User is not authorized to perform: bedrock:CreateInferenceProfile' },
          'AccessDeniedException',
        );
      }
      const input = JSON.parse(raw || '{}') as {
        inferenceProfileName?: string;
        clientRequestToken?: string;
        modelSource?: { copyFrom?: string };
        tags?: { key: string; value: string }[];
      };
      if (!input.inferenceProfileName || !input.modelSource?.copyFrom) {
        return send(
          res,
          400,
          { message: 'inferenceProfileName and modelSource are required' },
          'ValidationException',
        );
      }
      if ((input.tags ?? []).length > 50) {
        return send(res, 400, { message: 'Too many tags' }, 'TooManyTagsException');
      }
      const token = input.clientRequestToken ?? `none-${requests}`;
      let p = byToken.get(token);
      if (!p) {
        if (created.some((c) => c.name === input.inferenceProfileName)) {
          return send(
            res,
            400,
            { message: 'A profile with this name exists' },
            'ConflictException',
          );
        }
        p = {
          name: input.inferenceProfileName,
          copyFrom: input.modelSource.copyFrom,
          tags: input.tags ?? [],
          arn: `arn:aws:bedrock:${region}:111122223333:application-inference-profile/p${created.length + 1}x9q2m7w1`,
        };
        byToken.set(token, p);
        created.push(p);
      }
      return send(res, 201, { inferenceProfileArn: p.arn, status: 'ACTIVE' });
    });
  });
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    created,
    get createRequests() {
      return requests;
    },
    deny: (on) => {
      denied = on;
    },
    close: () => closeServer(server),
  };
}
