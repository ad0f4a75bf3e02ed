/**
 * A cheap check that the D-Bus session bus answers, made before the keyring binding is touched
 * on Linux. The binding connects synchronously inside its constructor: against a bus socket that
 * accepts but never answers it blocks the whole process (measured: still blocked after 40 s),
 * which in Electron freezes the app. Speaking the first line of the D-Bus handshake ourselves,
 * with a timeout, turns that into a clear "unavailable".
 */
import { connect } from 'node:net';

export type BusCheck = { ok: true } | { ok: false; reason: string };

const NO_KEYCHAIN = 'No desktop keychain is available:';

/** The first `unix:path=` or `unix:abstract=` socket in a D-Bus address list, if any. */
export function unixSocketOf(address: string): string | undefined {
  for (const entry of address.split(';')) {
    const [transport, params = ''] = splitOnce(entry.trim(), ':');
    if (transport !== 'unix') continue;
    for (const pair of params.split(',')) {
      const [key, value] = splitOnce(pair, '=');
      if (value === undefined || value === '') continue;
      const decoded = decodeURIComponent(value);
      if (key === 'path') return decoded;
      // Abstract sockets live in a namespace Node addresses with a leading NUL.
      if (key === 'abstract') return `\0${decoded}`;
    }
  }
  return undefined;
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

export function checkSessionBus(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 2_000,
): Promise<BusCheck> {
  const address = env.DBUS_SESSION_BUS_ADDRESS;
  if (address === undefined || address.trim() === '') {
    return Promise.resolve({
      ok: false,
      reason: `${NO_KEYCHAIN} there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service such as GNOME Keyring or KWallet can be reached.`,
    });
  }
  const socketPath = unixSocketOf(address);
  // Other transports (tcp, systemd, launchd) are rare for a session bus: let the binding try.
  if (socketPath === undefined) return Promise.resolve({ ok: true });
  const shown = socketPath.replace(/^\0/, '@');

  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let settled = false;
    const finish = (result: BusCheck): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `${NO_KEYCHAIN} the D-Bus session bus at ${shown} did not answer within ${timeoutMs} ms.`,
        }),
      timeoutMs,
    );
    // A NUL byte then a bare AUTH: any live bus replies with the mechanisms it accepts.
    socket.on('connect', () => socket.write('\0AUTH\r\n'));
    socket.on('data', () => finish({ ok: true }));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        reason: `${NO_KEYCHAIN} the D-Bus session bus at ${shown} cannot be reached (${e.code ?? e.message}).`,
      }),
    );
    socket.on('close', () =>
      finish({
        ok: false,
        reason: `${NO_KEYCHAIN} the D-Bus session bus at ${shown} closed the connection.`,
      }),
    );
  });
}
