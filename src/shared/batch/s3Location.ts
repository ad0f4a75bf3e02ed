/**
 * `s3://bucket/prefix` as the user types it, checked before anything is created, with a message
 * that names the field. Bucket names follow S3's general-purpose rules (3–63 characters, lower
 * case letters, digits, dots and hyphens, starting and ending with a letter or digit); dotted
 * names are accepted but not IP-shaped ones.
 */
export interface S3Location {
  bucket: string;
  /** Empty, or ending in '/'. */
  prefix: string;
}

export type S3LocationResult = ({ ok: true } & S3Location) | { ok: false; message: string };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Location(raw: string, field = 'S3 location'): S3LocationResult {
  const text = raw.trim();
  if (!text.startsWith('s3://')) {
    return { ok: false, message: `${field} must look like s3://BUCKET/PREFIX, got "${text}".` };
  }
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (!BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    return {
      ok: false,
      message: `${field}: "${bucket}" is not a valid S3 bucket name (3–63 lower-case letters, digits, dots or hyphens).`,
    };
  }
  const prefix = (slash < 0 ? '' : rest.slice(slash + 1)).replace(/^\/+/, '');
  if (prefix.length > 900) {
    return { ok: false, message: `${field}: the prefix is too long (at most 900 characters).` };
  }
  return {
    ok: true,
    bucket,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
}

export const s3Uri = (bucket: string, key: string): string => `s3://${bucket}/${key}`;

/** The IAM role Bedrock assumes to read and write the bucket: `arn:aws:iam::ACCOUNT:role/NAME`. */
export function checkRoleArn(raw: string, field = 'Service role ARN'): string | null {
  return /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(raw.trim())
    ? null
    : `${field} must look like arn:aws:iam::123456789012:role/NAME, got "${raw.trim()}".`;
}
