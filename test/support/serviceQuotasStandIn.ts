/**
 * A loopback stand-in for Service Quotas' ListServiceQuotas (awsJson 1.1: `POST /` with
 * `X-Amz-Target: ServiceQuotasV20190624.ListServiceQuotas`, `application/x-amz-json-1.1`, errors
 * as `{"__type","Message"}` with status 400). It pages `pageSize` quotas at a time with an opaque
 * NextToken and answers only ServiceCode `bedrock`. A test tool.
 */
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, readBody, sendJson } from './loopbackServer';
import { signatureMismatchMessage } from './standInSignature';

export interface StandInQuota {
  name: string;
  value: number;
}

export interface ServiceQuotasStandIn {
  readonly url: string;
  /** Request bodies received, in order (to see the NextToken each page sent). */
  readonly bodies: Record<string, unknown>[];
  /** The account's quotas from now on, `pageSize` to a page (default: as started). */
  setQuotas(quotas: StandInQuota[], pageSize?: number): void;
  /**
   * Every following request answers this error (e.g. 'AccessDeniedException'); null clears.
   * 'InvalidSignatureException' answers 403 with a message quoting the canonical request,
   * session token included, as AWS does for a signature it did not accept.
   */
  failWith(type: string | null): void;
  close(): Promise<void>;
}

const TARGET = 'ServiceQuotasV20190624.ListServiceQuotas';

const send = (res: ServerResponse, status: number, value: unknown) =>
  sendJson(res, status, value, 'application/x-amz-json-1.1', {
    'x-amzn-requestid': `sq-${Date.now()}`,
  });

/** Quota codes look like AWS's (`L-` and 8 hex digits); derived from the position, stable. */
const code = (i: number) => `L-${(0x00ca92aa + i).toString(16).toUpperCase().padStart(8, '0')}`;

export async function startServiceQuotasStandIn(
  options: { quotas?: StandInQuota[]; pageSize?: number } = {},
): Promise<ServiceQuotasStandIn> {
  let quotas = options.quotas ?? [];
  let failure: string | null = null;
  let pageSize = options.pageSize ?? 100;
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(raw || '{}') as Record<string, unknown>;
      bodies.push(input);
      if (req.headers['content-type'] !== 'application/x-amz-json-1.1') {
        return send(res, 400, { __type: 'SerializationException', Message: 'Bad content type' });
      }
      if (failure === 'InvalidSignatureException') {
        return send(res, 403, { __type: failure, message: signatureMismatchMessage(req, raw) });
      }
      if (failure) {
        return send(res, 400, {
          __type: `com.amazonaws.servicequotas#${failure}`,
          Message:
            'User: arn:aws:iam::111122223333:user/analyst is not authorized to perform: servicequotas:ListServiceQuotas',
        });
      }
      if (target !== TARGET) {
        return send(res, 400, { __type: 'UnknownOperationException', Message: target });
      }
      if (input.ServiceCode !== 'bedrock') {
        return send(res, 400, { __type: 'NoSuchResourceException', Message: 'No such service' });
      }
      const max = Math.min(pageSize, Number(input.MaxResults ?? pageSize));
      const token = typeof input.NextToken === 'string' ? input.NextToken : null;
      const start = token ? Number(Buffer.from(token, 'base64').toString('utf8').slice(5)) : 0;
      if (!Number.isInteger(start) || start < 0 || start > quotas.length) {
        return send(res, 400, { __type: 'InvalidPaginationTokenException', Message: 'Bad token' });
      }
      const page = quotas.slice(start, start + max).map((q, i) => ({
        ServiceCode: 'bedrock',
        ServiceName: 'Amazon Bedrock',
        QuotaCode: code(start + i),
        QuotaArn: `arn:aws:servicequotas:us-east-1:111122223333:bedrock/${code(start + i)}`,
        QuotaName: q.name,
        Value: q.value,
        Unit: 'None',
        Adjustable: true,
        GlobalQuota: false,
      }));
      const next = start + max < quotas.length ? start + max : null;
      return send(res, 200, {
        Quotas: page,
        ...(next !== null ? { NextToken: Buffer.from(`page-${next}`).toString('base64') } : {}),
      });
    });
  });
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    setQuotas: (q, size) => {
      quotas = q;
      if (size !== undefined) pageSize = size;
    },
    failWith: (t) => {
      failure = t;
    },
    close: () => closeServer(server),
  };
}
