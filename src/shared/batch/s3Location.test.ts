import { describe, expect, it } from 'vitest';
import { decodeRecordId, encodeRecordId } from './recordId';
import { checkRoleArn, parseS3Location } from './s3Location';

describe('parseS3Location', () => {
  it('splits bucket and prefix, normalising the prefix to end in a slash', () => {
    expect(parseS3Location('s3://my-bucket/a/b')).toEqual({
      ok: true,
      bucket: 'my-bucket',
      prefix: 'a/b/',
    });
    expect(parseS3Location(' s3://my.bucket ')).toEqual({
      ok: true,
      bucket: 'my.bucket',
      prefix: '',
    });
  });

  it('names the field for a bad location', () => {
    expect(parseS3Location('my-bucket/x', '--s3')).toEqual({
      ok: false,
      message: '--s3 must look like s3://BUCKET/PREFIX, got "my-bucket/x".',
    });
    expect(parseS3Location('s3://My_Bucket/x')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"My_Bucket" is not a valid S3 bucket name'),
    });
  });

  it('checks the role ARN shape', () => {
    expect(checkRoleArn('arn:aws:iam::111122223333:role/service-role/Batch')).toBeNull();
    expect(checkRoleArn('arn:aws:iam::1111:role/x', '--role-arn')).toContain(
      '--role-arn must look like',
    );
  });
});

describe('record ids', () => {
  it('round-trip model index, repeat and paragraph id (which may contain hyphens)', () => {
    const key = { modelIndex: 2, repeatIndex: 11, paragraphId: '6f1c-44-aa' };
    expect(encodeRecordId(key)).toBe('2-11-6f1c-44-aa');
    expect(decodeRecordId(encodeRecordId(key))).toEqual(key);
    expect(decodeRecordId('GEN00000001')).toBeNull();
    expect(decodeRecordId(42)).toBeNull();
  });
});
