/**
 * The stand-in's fault catalogue: what each named fault looks like on the wire. Messages are
 * close to what Bedrock really says so that message-based classification gets exercised.
 */
import type { FaultKind, FaultPlan, FaultSpec } from './standInTypes';

export interface HttpFault {
  status: number;
  errorType: string;
  message: string;
}

export const HTTP_FAULTS: Partial<Record<FaultKind, HttpFault>> = {
  throttle: {
    status: 429,
    errorType: 'ThrottlingException',
    message: 'Too many requests, please wait before trying again.',
  },
  serverError: {
    status: 500,
    errorType: 'InternalServerException',
    message: 'The server encountered an internal error.',
  },
  unavailable: {
    status: 503,
    errorType: 'ServiceUnavailableException',
    message: 'The service is temporarily unavailable.',
  },
  modelTimeout: {
    status: 408,
    errorType: 'ModelTimeoutException',
    message: 'Model has timed out in processing the request.',
  },
  modelNotReady: {
    status: 429,
    errorType: 'ModelNotReadyException',
    message: 'Model is not ready to serve inference requests.',
  },
  modelError: {
    status: 424,
    errorType: 'ModelErrorException',
    message: 'The model returned an error while processing the request.',
  },
  accessDenied: {
    status: 403,
    errorType: 'AccessDeniedException',
    message: "You don't have access to the model with the specified model ID.",
  },
  validation: {
    status: 400,
    errorType: 'ValidationException',
    message: 'Malformed input request, please reformat your input and try again.',
  },
  onDemandUnsupported: {
    status: 400,
    errorType: 'ValidationException',
    message:
      "Invocation of model ID {modelId} with on-demand throughput isn't supported. Retry your " +
      'request with the ID or ARN of an inference profile that contains this model.',
  },
  notFound: {
    status: 404,
    errorType: 'ResourceNotFoundException',
    message: 'Model not found: {modelId}.',
  },
  badCredentials: {
    status: 403,
    errorType: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  },
  expiredToken: {
    status: 403,
    errorType: 'ExpiredTokenException',
    message: 'The security token included in the request is expired',
  },
};

/** Faults that break the transport or the stream rather than answering with an HTTP error. */
export const TRANSPORT_FAULTS: readonly FaultKind[] = [
  'hang',
  'reset',
  'malformed',
  'cutStream',
  'stallStream',
  'streamThrottle',
  'streamModelError',
  // Appended last: PLAN_ORDER below accumulates in this order, so older seeds keep their draws.
  'badChecksum',
  'stallAfterHeaders',
];

/** Fixed order over which a plan's probabilities are accumulated (keeps draws reproducible). */
const PLAN_ORDER: readonly FaultKind[] = [
  ...(Object.keys(HTTP_FAULTS) as FaultKind[]),
  ...TRANSPORT_FAULTS,
];

/** Picks the fault a uniform draw `u` ∈ [0,1) lands on, or undefined for a normal answer. */
export function pickPlannedFault(plan: FaultPlan | undefined, u: number): FaultKind | undefined {
  if (!plan) return undefined;
  let acc = 0;
  for (const kind of PLAN_ORDER) {
    acc += plan[kind] ?? 0;
    if (u < acc) return kind;
  }
  return undefined;
}

/** The HTTP error for a fault, with `{modelId}` filled in; undefined for transport faults. */
export function httpFaultFor(spec: FaultSpec, modelId: string): HttpFault | undefined {
  const base = typeof spec === 'string' ? HTTP_FAULTS[spec] : spec;
  if (!base) return undefined;
  return { ...base, message: base.message.replaceAll('{modelId}', modelId) };
}
