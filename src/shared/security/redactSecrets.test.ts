import { describe, expect, it } from 'vitest';
import { redactNullable, redactSecrets } from './redactSecrets';

describe('redactSecrets', () => {
  it('masks the session token, signature and key id a canonical request quotes', () => {
    const text =
      "SignatureDoesNotMatch: The Canonical String for this request should have been\n'POST\n" +
      '/model/m/converse\n\nhost:127.0.0.1\nx-amz-date:20261207T010203Z\n' +
      'x-amz-security-token:FwoGZXIvYXdzEBYaDK+abc/def==\n\nhost;x-amz-date;x-amz-security-token\n' +
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'";
    const out = redactSecrets(text);
    expect(out).not.toContain('FwoGZXIvYXdzEBYaDK');
    expect(out).toContain('x-amz-security-token:***\n');
    // What is not secret stays readable.
    expect(out).toContain('SignatureDoesNotMatch');
    expect(out).toContain('host;x-amz-date;x-amz-security-token');
  });

  it.each([
    ['X-Amz-Security-Token=abc%2Fdef&X-Amz-Date=1', 'X-Amz-Security-Token=***&X-Amz-Date=1'],
    ['X-Amz-Signature=0123abcd', 'X-Amz-Signature=***'],
    ['Credential=AKIDEXAMPLE/20261207/us-east-1/bedrock/aws4_request, ', 'Credential=***, '],
    ['Signature=' + 'a'.repeat(64), 'Signature=***'],
    ['key AKIAIOSFODNN7EXAMPLE used', 'key *** used'],
    ['temporary ASIAIOSFODNN7EXAMPLE', 'temporary ***'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key = ***'],
    ['"sessionToken":"abc"', '"sessionToken":"***"'],
    ['Authorization: AWS4-HMAC-SHA256 Credential=x', 'Authorization: ***'],
    ['Bearer ABSKQmVkcm9ja0FQSUtleQ', 'Bearer ***'],
    ['https://user:pa55@vpce.example.com/x', 'https://***@vpce.example.com/x'],
    ['blob ' + 'Ab9+/'.repeat(20) + '== end', 'blob *** end'],
  ])('masks %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary messages alone, and null as null', () => {
    const plain = 'Too many requests, please wait before trying again. (user@example.com)';
    expect(redactSecrets(plain)).toBe(plain);
    expect(redactNullable(null)).toBeNull();
  });
});
