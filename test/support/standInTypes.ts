/**
 * Types of the Bedrock Runtime stand-in (a test tool; nothing user-facing imports it).
 *
 * The stand-in is scripted per model id: how long a call takes, how the text streams, what
 * the text is, how many tokens it reports, and which faults it injects.
 */

/** The part of a Converse / ConverseStream request body the stand-in reads. */
export interface ConverseBody {
  messages?: { role?: string; content?: { text?: string }[] }[];
  system?: { text?: string }[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number };
  [key: string]: unknown;
}

/** Built-in deterministic output styles (see standInText.ts). */
export type OutputStyleName = 'teacher' | 'student' | 'echo';

/** Turns a request into the model's full output text. Must be deterministic for tests. */
export type OutputGenerator = (body: ConverseBody) => string;

/**
 * Named faults. The HTTP ones answer with status + `x-amzn-errortype` + `{"message"}`; the
 * others break the transport or the stream in the way a real network or service would.
 */
export type FaultKind =
  | 'throttle' // 429 ThrottlingException
  | 'serverError' // 500 InternalServerException
  | 'unavailable' // 503 ServiceUnavailableException
  | 'modelTimeout' // 408 ModelTimeoutException
  | 'modelNotReady' // 429 ModelNotReadyException
  | 'modelError' // 424 ModelErrorException
  | 'accessDenied' // 403 AccessDeniedException
  | 'validation' // 400 ValidationException
  | 'onDemandUnsupported' // 400 ValidationException asking for an inference profile
  | 'notFound' // 404 ResourceNotFoundException
  | 'badCredentials' // 403 UnrecognizedClientException
  | 'expiredToken' // 403 ExpiredTokenException
  | 'hang' // accepts the request and never answers
  | 'reset' // destroys the socket without answering (like a dropped connection)
  | 'malformed' // 200 with a body that is not valid JSON (Converse) or not valid event JSON
  | 'cutStream' // starts answering, then destroys the socket mid-way
  | 'stallStream' // starts answering, then goes silent with the connection left open
  | 'streamThrottle' // in-stream exception frame throttlingException
  | 'streamModelError' // in-stream exception frame modelStreamErrorException
  | 'badChecksum' // an event frame whose prelude CRC32 is wrong (bytes garbled in transit)
  | 'stallAfterHeaders'; // 200 and its headers, then not one frame with the connection left open

/** A fault by name, or any HTTP error the test wants to spell out itself. */
export type FaultSpec = FaultKind | { status: number; errorType: string; message: string };

/** Probability per fault kind for each request, drawn from the seeded generator. Sum ≤ 1. */
export type FaultPlan = Partial<Record<FaultKind, number>>;

export interface ModelScript {
  /** Total server-side latency of a call, also reported as `metrics.latencyMs`. Default 40. */
  latencyMs?: number;
  /** Extra latency in [0, jitter) per request, deterministic from the seed. Default 0. */
  latencyJitterMs?: number;
  /** Stream only: delay before the first contentBlockDelta. Default: a quarter of latency. */
  ttftMs?: number;
  /** Stream only: number of contentBlockDelta frames. Default: min(words, 8). */
  chunks?: number;
  /**
   * Output text: a built-in style, a generator, or a fixed text (the JSON-friendly form, for
   * the control endpoint of a stand-in running as its own process). Default 'student'.
   */
  output?: OutputStyleName | OutputGenerator | { text: string };
  /** Reported input tokens; default is the word count of the system and messages text. */
  inputTokens?: number | ((body: ConverseBody) => number);
  /** Reported output tokens; default is the word count of the output text. */
  outputTokens?: number | ((text: string) => number);
  /** Reported stop reason when the output was not cut by maxTokens. Default 'end_turn'. */
  stopReason?: string;
  /** A fault applied to every call (e.g. 'accessDenied' for a model without access). */
  alwaysFault?: FaultSpec;
  /** Per-model probabilistic faults; replaces the stand-in's global plan for this model. */
  faultPlan?: FaultPlan;
  /**
   * Service tiers (docs/bedrock.md §7): extra latency per served tier, and the tier a request
   * is served at when it differs from the one asked for (e.g. `{ flex: 'default' }`). A request
   * with `serviceTier` gets the served tier echoed in the metadata event; one without gets none.
   */
  tierLatencyMs?: Partial<Record<string, number>>;
  servedTier?: Partial<Record<string, string>>;
}

export interface StandInOptions {
  models?: Record<string, ModelScript>;
  /** Script used for model ids not in `models`; `undefined` answers 400 'invalid identifier'. */
  fallbackModel?: ModelScript;
  /** Seed of the fault and jitter generator. Same seed + same requests = same faults. */
  seed?: number;
  /** Global probabilistic faults for models without their own plan. */
  faultPlan?: FaultPlan;
  /** Access key ids answered with 403 UnrecognizedClientException (simulates wrong keys). */
  badAccessKeyIds?: string[];
  /** Access key ids answered with 403 ExpiredTokenException. */
  expiredAccessKeyIds?: string[];
  /**
   * Access key ids answered with 403 SignatureDoesNotMatch, whose message quotes the canonical
   * request, session token header included (see standInSignature.ts).
   */
  signatureMismatchAccessKeyIds?: string[];
  /** Port to listen on; 0 (default) picks a free one. Always binds 127.0.0.1. */
  port?: number;
  /**
   * Serve the `/__stand-in/...` control endpoints (see standInControl.ts) so that another
   * process (an e2e test, a benchmark) can script the stand-in. Off by default.
   */
  control?: boolean;
}

export type StandInOperation = 'converse' | 'converse-stream';

/** One request as the stand-in received it, for tests to count and inspect. */
export interface RecordedRequest {
  seq: number;
  /** The modelId exactly as the request named it (a model id, or a profile's ARN). */
  modelId: string;
  /** The model that answered, when modelId was an application inference profile's ARN. */
  servedModelId?: string;
  operation: StandInOperation;
  body: ConverseBody | undefined;
  /** performance.now() of the stand-in's process when the body was fully read. */
  receivedAt: number;
  /** The same moment on the wall clock (ms since the epoch), comparable across processes. */
  receivedAtEpochMs: number;
  authScheme: 'sigv4' | 'bearer' | 'none';
  accessKeyId?: string;
  /** Signing region from the SigV4 credential scope. */
  region?: string;
  /** `amz-sdk-invocation-id`: the same for every attempt of one SDK call. */
  invocationId?: string;
  /** Attempt number from `amz-sdk-request: attempt=N; max=M`. */
  attempt?: number;
  /** The fault injected into this request, if any. */
  fault?: FaultSpec;
  /** Server latency scripted for this request (what metadata reports when it completes). */
  latencyMs?: number;
}
