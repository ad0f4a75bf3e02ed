/**
 * Bedrock Runtime's wire format as the stand-in writes it: restJson1 errors and
 * `application/vnd.amazon.eventstream` frames (AWS's documented shapes: an error type in
 * `x-amzn-ErrorType` and a `message` body; prelude and message CRC32 on every frame).
 */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

const str = (value: string) => ({ type: 'string' as const, value });

/** One event frame, e.g. `eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } })`. */
export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': str('event'),
      ':event-type': str(eventType),
      ':content-type': str('application/json'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** A modeled in-stream error, e.g. `exceptionFrame('throttlingException', 'slow down')`. */
export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': str('exception'),
      ':exception-type': str(exceptionType),
      ':content-type': str('application/json'),
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** An event frame whose payload is not JSON: valid framing, broken content. */
export function garbledEventFrame(eventType: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': str('event'),
      ':event-type': str(eventType),
      ':content-type': str('application/json'),
    },
    body: fromUtf8('{"contentBlockIndex":0,"delta":{"text":'),
  });
}

/**
 * An event frame garbled in transit: its prelude CRC32 (bytes 8–11) no longer matches the
 * prelude, which the SDK's event-stream decoder rejects before reading anything else.
 */
export function badChecksumFrame(eventType: string, payload: unknown): Uint8Array {
  const frame = eventFrame(eventType, payload).slice();
  frame[8] = (frame[8] ?? 0) ^ 0xff;
  return frame;
}

/** A restJson1 error: status, `x-amzn-errortype` header and `{"message"}` body. */
export function writeError(
  res: ServerResponse,
  status: number,
  errorType: string,
  message: string,
): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': errorType,
    'x-amzn-requestid': `stand-in-${errorType}`,
  });
  res.end(body);
}

export function writeJson(res: ServerResponse, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': 'stand-in-ok',
  });
  res.end(body);
}

/**
 * Waits until performance.now() ≥ deadline. Timers may fire a fraction of a millisecond
 * early, and the whole point of the stand-in's latency is that clients never see less than
 * what was scripted, so it re-arms until the deadline has really passed.
 * Resolves false if `signal` aborts first (the client went away).
 */
export async function sleepUntil(deadline: number, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const left = deadline - performance.now();
    if (left <= 0) return true;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.ceil(left));
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
