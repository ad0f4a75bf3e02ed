/**
 * An AWS STS stand-in on 127.0.0.1, speaking STS's documented Query protocol: a form-encoded POST
 * (`Action=AssumeRole&Version=2011-06-15&RoleArn=…`) answered with the AssumeRoleResponse XML
 * (AssumeRoleResult: Credentials, AssumedRoleUser), or AssumeRoleWithWebIdentityResponse, and
 * any other action with STS's ErrorResponse. It records each request (and each connection, so a
 * test can see that nothing at all arrived) with the access key id that signed it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, readBody } from './loopbackServer';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The temporary keys every AssumeRole answer carries. */
export const ASSUMED_KEYS = {
  accessKeyId: 'ASIASTANDINASSUMED01',
  secretAccessKey: 'stand-in-assumed-secret',
  sessionToken: 'stand-in-assumed-session-token',
};

export interface StsRequest {
  action: string | null;
  roleArn: string | null;
  roleSessionName: string | null;
  /** From the Authorization header; AssumeRoleWithWebIdentity is not signed. */
  signedBy: string | undefined;
}

export interface StsStandIn {
  url: string;
  port: number;
  requests: StsRequest[];
  /** TCP connections accepted, whether or not a request followed. */
  connections: () => number;
  close: () => Promise<void>;
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(xml);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function assumed(action: string, roleArn: string, sessionName: string): string {
  const role = roleArn.split('/').pop() ?? 'role';
  const account = roleArn.split(':')[4] ?? '123456789012';
  // An hour from now, as DurationSeconds' default; the SDK refreshes keys about to expire.
  const expiration = new Date(Date.now() + 3_600_000).toISOString();
  return [
    `<${action}Response xmlns="${NS}">`,
    `<${action}Result>`,
    '<AssumedRoleUser>',
    `<Arn>arn:aws:sts::${account}:assumed-role/${escapeXml(role)}/${escapeXml(sessionName)}</Arn>`,
    `<AssumedRoleId>AROASTANDIN0000000001:${escapeXml(sessionName)}</AssumedRoleId>`,
    '</AssumedRoleUser>',
    '<Credentials>',
    `<AccessKeyId>${ASSUMED_KEYS.accessKeyId}</AccessKeyId>`,
    `<SecretAccessKey>${ASSUMED_KEYS.secretAccessKey}</SecretAccessKey>`,
    `<SessionToken>${ASSUMED_KEYS.sessionToken}</SessionToken>`,
    `<Expiration>${expiration}</Expiration>`,
    '</Credentials>',
    '<PackedPolicySize>6</PackedPolicySize>',
    `</${action}Result>`,
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`,
    `</${action}Response>`,
  ].join('');
}

export async function startStsStandIn(): Promise<StsStandIn> {
  const requests: StsRequest[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const form = new URLSearchParams(body);
      const auth = req.headers.authorization ?? '';
      const request: StsRequest = {
        action: form.get('Action'),
        roleArn: form.get('RoleArn'),
        roleSessionName: form.get('RoleSessionName'),
        signedBy: /Credential=([^/]+)\//.exec(auth)?.[1],
      };
      requests.push(request);
      const { action, roleArn, roleSessionName } = request;
      if (
        (action === 'AssumeRole' || action === 'AssumeRoleWithWebIdentity') &&
        roleArn !== null &&
        roleSessionName !== null
      ) {
        return sendXml(res, 200, assumed(action, roleArn, roleSessionName));
      }
      sendXml(
        res,
        400,
        `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code>` +
          `<Message>Could not find operation ${escapeXml(action ?? '')} for version 2011-06-15</Message>` +
          `</Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
      );
    });
  });
  server.on('connection', () => (connections += 1));
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    close: () => closeServer(server),
  };
}
