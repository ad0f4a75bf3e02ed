import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_VERSION, checkBundleHead } from './bundleSchema';

describe('the first look at a bundle', () => {
  it('accepts this version', () => {
    expect(checkBundleHead({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION })).toEqual({
      ok: true,
    });
  });

  it('refuses a newer version with a clear message', () => {
    const r = checkBundleHead({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION + 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/newer version of Distill ROI .*Update the app/);
  });

  it('says when a file is not a bundle at all', () => {
    for (const raw of [null, [], { format: 'other', version: 1 }, { version: 1 }, 'text']) {
      const r = checkBundleHead(raw);
      expect(!r.ok && r.message).toBe('This file is not a Distill ROI experiment bundle.');
    }
    expect(checkBundleHead({ format: BUNDLE_FORMAT, version: 0.5 }).ok).toBe(false);
  });
});
