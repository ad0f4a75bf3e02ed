/**
 * How the stand-in answers one scripted call, once it knows which fault (if any) applies:
 * Converse as one JSON body, ConverseStream as timed event-stream frames.
 */
import type { ServerResponse } from 'node:http';
import { httpFaultFor, HTTP_FAULTS } from './standInFaults';
import { splitIntoChunks } from './standInText';
import type { FaultSpec } from './standInTypes';
import {
  badChecksumFrame,
  eventFrame,
  exceptionFrame,
  garbledEventFrame,
  sleepUntil,
  writeError,
  writeJson,
} from './standInWire';

/** Everything about one answer, decided before any byte is written. */
export interface PlannedAnswer {
  modelId: string;
  text: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
  /** Scripted server latency; metadata reports exactly this. */
  latencyMs: number;
  ttftMs: number;
  chunks: number;
  /** performance.now() when the request was fully received: the latency's zero. */
  start: number;
  fault: FaultSpec | undefined;
  /** The tier served, echoed as `serviceTier: {type}` when the request named one. */
  serviceTier: string | undefined;
}

/** Faults that answer with an HTTP error straight away; true when one was written. */
function answerHttpFault(res: ServerResponse, plan: PlannedAnswer, stream: boolean): boolean {
  let fault = plan.fault;
  if (fault === undefined) return false;
  // In-stream exceptions have no place in a plain Converse answer: use their HTTP twins.
  if (!stream && fault === 'streamThrottle') fault = 'throttle';
  if (!stream && fault === 'streamModelError') fault = 'modelError';
  const http = httpFaultFor(fault, plan.modelId);
  if (!http) return false;
  writeError(res, http.status, http.errorType, http.message);
  return true;
}

/** Faults that never answer or drop the connection; true when one applied. */
function answerTransportFault(res: ServerResponse, plan: PlannedAnswer): boolean {
  if (plan.fault === 'hang') return true; // keep the socket open and say nothing
  if (plan.fault === 'reset') {
    res.socket?.destroy();
    return true;
  }
  return false;
}

const tierOf = (p: PlannedAnswer) =>
  p.serviceTier === undefined ? {} : { serviceTier: { type: p.serviceTier } };

const usageOf = (p: PlannedAnswer) => ({
  inputTokens: p.inputTokens,
  outputTokens: p.outputTokens,
  totalTokens: p.inputTokens + p.outputTokens,
});

export async function answerConverse(
  res: ServerResponse,
  plan: PlannedAnswer,
  gone: AbortSignal,
): Promise<void> {
  if (answerHttpFault(res, plan, false) || answerTransportFault(res, plan)) return;
  if (!(await sleepUntil(plan.start + plan.latencyMs, gone))) return;
  const payload = {
    output: { message: { role: 'assistant', content: [{ text: plan.text }] } },
    stopReason: plan.stopReason,
    usage: usageOf(plan),
    metrics: { latencyMs: plan.latencyMs },
    ...tierOf(plan),
  };
  const body = JSON.stringify(payload);
  if (plan.fault === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body.slice(0, Math.floor(body.length / 2)));
    return;
  }
  if (plan.fault === 'badChecksum') {
    // Converse has no frames to garble: a body cut short is its nearest kin.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body.slice(0, Math.floor(body.length / 2)));
    return;
  }
  if (plan.fault === 'stallAfterHeaders') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.flushHeaders();
    return;
  }
  if (plan.fault === 'cutStream' || plan.fault === 'stallStream') {
    // Promise the whole body, send half, then drop the connection or fall silent.
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    const cut = plan.fault === 'cutStream';
    res.write(body.slice(0, Math.floor(body.length / 2)), () => cut && res.socket?.destroy());
    return;
  }
  writeJson(res, payload);
}

export async function answerConverseStream(
  res: ServerResponse,
  plan: PlannedAnswer,
  gone: AbortSignal,
): Promise<void> {
  if (answerHttpFault(res, plan, true) || answerTransportFault(res, plan)) return;
  res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': 'stand-in-stream',
  });
  if (plan.fault === 'stallAfterHeaders') {
    res.flushHeaders(); // the status line and headers go out; no frame ever follows
    return;
  }
  res.write(eventFrame('messageStart', { role: 'assistant' }));

  const pieces = splitIntoChunks(plan.text, plan.chunks);
  // Deltas are spread evenly from the first token to the end of the scripted latency.
  const step = (plan.latencyMs - plan.ttftMs) / pieces.length;
  // Stream faults strike halfway through the deltas; 'malformed' right after the first one.
  const breakAt =
    plan.fault === 'malformed' ? Math.min(1, pieces.length - 1) : Math.floor(pieces.length / 2);
  for (let k = 0; k < pieces.length; k++) {
    if (!(await sleepUntil(plan.start + plan.ttftMs + k * step, gone))) return;
    if (k === breakAt && breakStream(res, plan.fault)) return;
    res.write(
      eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: pieces[k] } }),
    );
  }
  if (!(await sleepUntil(plan.start + plan.latencyMs, gone))) return;
  res.write(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
  res.write(eventFrame('messageStop', { stopReason: plan.stopReason }));
  res.end(
    eventFrame('metadata', {
      usage: usageOf(plan),
      metrics: { latencyMs: plan.latencyMs },
      ...tierOf(plan),
    }),
  );
}

/** Applies a mid-stream fault; true when the stream is over. */
function breakStream(res: ServerResponse, fault: FaultSpec | undefined): boolean {
  switch (fault) {
    case 'cutStream':
      res.socket?.destroy();
      return true;
    case 'stallStream':
      return true; // say nothing more; only the client's idle timeout ends this
    case 'malformed':
      res.end(garbledEventFrame('contentBlockDelta'));
      return true;
    case 'badChecksum':
      res.end(
        badChecksumFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'x' } }),
      );
      return true;
    case 'streamThrottle':
      res.end(exceptionFrame('throttlingException', HTTP_FAULTS.throttle?.message ?? 'throttled'));
      return true;
    case 'streamModelError':
      res.end(exceptionFrame('modelStreamErrorException', 'The model stream failed.'));
      return true;
    default:
      return false;
  }
}
