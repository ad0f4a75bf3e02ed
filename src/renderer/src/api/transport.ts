import type { Api } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/channels';
import type { AppEvent } from '../../../shared/ipc/events';
import type { Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_KEY = 'distill-roi-token';

/** The browser host hands its token over in the URL fragment; keep it for reloads, then hide it. */
function takeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const unreachable = <T>(): Result<T> => ({
  ok: false,
  error: {
    code: 'internal',
    message:
      'The app’s local service is not answering. If you started it with `npm run serve`, check that it is still running.',
  },
});

function hostApi(): Api {
  const token = takeToken();
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(`/api/call/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-distill-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return unreachable();
      }
    };
  }
  // One event stream for the whole page: browsers allow only a few connections per host, and
  // every component that listens would otherwise hold one open.
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  api.onEvent = (listener: (event: AppEvent) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (m: MessageEvent<string>) => {
        const event = JSON.parse(m.data) as AppEvent;
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  };
  return api as Api;
}

/** Electron's preload provides `window.api`; the browser host gets the same Api over http. */
export const api: Api = window.api ?? hostApi();
