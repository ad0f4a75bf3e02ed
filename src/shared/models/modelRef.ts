/**
 * Whatever a user can pass to Bedrock as `modelId` (a foundation-model id, a system inference
 * profile id, or the ARN of a foundation model, a system or application inference profile, a
 * provisioned model, a custom model or a custom-model deployment), parsed into what it is and,
 * where the text alone says so, the base model it bills against. Application profiles,
 * provisioned models and deployments carry opaque ids: their base model comes from the
 * control plane's list (see resolveBaseModel in modelListView.ts) or from the user.
 */

/** Geography prefixes of system inference profiles; `amazon.` etc. are providers, not these. */
export const PROFILE_GEOS = ['us', 'us-gov', 'eu', 'apac', 'ca', 'jp', 'au', 'global'] as const;
export type ProfileGeo = (typeof PROFILE_GEOS)[number];

export type ModelRefKind =
  | 'foundationModel'
  | 'systemProfile'
  | 'applicationProfile'
  | 'provisionedModel'
  | 'customModel'
  | 'customModelDeployment';

export interface ModelRef {
  kind: ModelRefKind;
  /** The text as given, trimmed: what the runtime call sends. */
  invokeId: string;
  /** The foundation model prices are looked up by, or null when only the account knows it. */
  baseModelId: string | null;
  /** From an ARN; null for a bare id (the call's region applies). */
  region: string | null;
  accountId: string | null;
  /** The geography of a system profile (`us`, `eu`, `jp`, ..., `global`). */
  geo: ProfileGeo | null;
  /** The part after the resource type: the profile id, the 12-character opaque id, ... */
  resourceId: string;
}

export type ParsedModelRef = { ok: true; ref: ModelRef } | { ok: false; message: string };

const ARN = /^arn:(aws[a-z-]*):bedrock:([a-z0-9-]*):(\d*):([a-z-]+)\/(.+)$/;
/** `…-v1:0:128k`: a foundation model's context/customization variant of `…-v1:0`. */
const CONTEXT_SUFFIX = /^(.+:\d+):\d+k$/;
/** Bedrock model ids: `provider.name` with letters, digits and `-_.:` (max 140 per the API). */
const MODEL_ID = /^[a-z0-9][a-z0-9-]*\.[A-Za-z0-9._:-]+$/;

/** Strips the `:128k`-style variant suffix: prices are keyed by the plain model id. */
export function stripContextSuffix(modelId: string): string {
  return CONTEXT_SUFFIX.exec(modelId)?.[1] ?? modelId;
}

function splitGeo(id: string): { geo: ProfileGeo | null; rest: string } {
  const dot = id.indexOf('.');
  const prefix = dot > 0 ? id.slice(0, dot) : '';
  return (PROFILE_GEOS as readonly string[]).includes(prefix)
    ? { geo: prefix as ProfileGeo, rest: id.slice(dot + 1) }
    : { geo: null, rest: id };
}

function bare(id: string): ParsedModelRef {
  if (!MODEL_ID.test(id)) {
    return {
      ok: false,
      message: `"${id}" is not a Bedrock model id, inference profile id or ARN (expected e.g. amazon.nova-pro-v1:0, us.anthropic.claude-sonnet-4-5-20250929-v1:0 or arn:aws:bedrock:…).`,
    };
  }
  const { geo, rest } = splitGeo(id);
  const common = { invokeId: id, region: null, accountId: null, resourceId: id };
  return geo
    ? {
        ok: true,
        ref: { ...common, kind: 'systemProfile', geo, baseModelId: stripContextSuffix(rest) },
      }
    : {
        ok: true,
        ref: { ...common, kind: 'foundationModel', geo: null, baseModelId: stripContextSuffix(id) },
      };
}

export function parseModelRef(raw: string): ParsedModelRef {
  const id = raw.trim();
  if (id === '') return { ok: false, message: 'The model id is empty.' };
  if (!id.startsWith('arn:')) return bare(id);
  const m = ARN.exec(id);
  if (!m) {
    return {
      ok: false,
      message: `"${id}" is not a Bedrock ARN (expected arn:aws:bedrock:<region>:<account>:<type>/<id>).`,
    };
  }
  const [, , region = '', account = '', type = '', resource = ''] = m;
  const common = {
    invokeId: id,
    region: region || null,
    accountId: account || null,
    resourceId: resource,
  };
  switch (type) {
    case 'foundation-model':
      return {
        ok: true,
        ref: {
          ...common,
          kind: 'foundationModel',
          geo: null,
          baseModelId: stripContextSuffix(resource),
        },
      };
    case 'inference-profile': {
      const { geo, rest } = splitGeo(resource);
      return {
        ok: true,
        ref: { ...common, kind: 'systemProfile', geo, baseModelId: stripContextSuffix(rest) },
      };
    }
    case 'application-inference-profile':
      return {
        ok: true,
        ref: { ...common, kind: 'applicationProfile', geo: null, baseModelId: null },
      };
    case 'provisioned-model':
      return {
        ok: true,
        ref: { ...common, kind: 'provisionedModel', geo: null, baseModelId: null },
      };
    case 'custom-model-deployment':
      return {
        ok: true,
        ref: { ...common, kind: 'customModelDeployment', geo: null, baseModelId: null },
      };
    case 'custom-model': {
      // custom-model/<base model id>/<12 chars>: the base is in the path (docs/bedrock.md §6).
      const slash = resource.lastIndexOf('/');
      const base = slash > 0 ? resource.slice(0, slash) : null;
      return {
        ok: true,
        ref: {
          ...common,
          kind: 'customModel',
          geo: null,
          baseModelId: base ? stripContextSuffix(base) : null,
        },
      };
    }
    default:
      return {
        ok: false,
        message: `"${id}" names a Bedrock ${type}, which cannot be called as a model.`,
      };
  }
}

/** The model's own geographies for a region, most specific first; `global` is the fallback. */
export function profileGeosForRegion(region: string): ProfileGeo[] {
  if (region.startsWith('us-gov-')) return ['us-gov'];
  if (region.startsWith('us-')) return ['us', 'global'];
  if (region.startsWith('eu-')) return ['eu', 'global'];
  if (region.startsWith('ca-')) return ['ca', 'us', 'global'];
  if (region === 'ap-northeast-1' || region === 'ap-northeast-3') return ['jp', 'apac', 'global'];
  if (region === 'ap-southeast-2' || region === 'ap-southeast-4') return ['au', 'apac', 'global'];
  if (region.startsWith('ap-')) return ['apac', 'global'];
  return ['global'];
}
