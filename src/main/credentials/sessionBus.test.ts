import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSessionBus, unixSocketOf } from './sessionBus';

describe('unixSocketOf', () => {
  it('reads the socket of a unix:path address and ignores its other keys', () => {
    expect(unixSocketOf('unix:path=/tmp/dbus-x1,guid=f47adfeb')).toBe('/tmp/dbus-x1');
  });

  it('reads abstract sockets with the leading NUL Node expects', () => {
    expect(unixSocketOf('unix:abstract=/tmp/dbus-abc,guid=1')).toBe('\0/tmp/dbus-abc');
  });

  it('takes the first unix entry of a list and percent-decodes it', () => {
    expect(unixSocketOf('tcp:host=localhost,port=1;unix:path=/run/user/1000/my%20bus')).toBe(
      '/run/user/1000/my bus',
    );
  });

  it('gives nothing for transports it does not check', () => {
    expect(unixSocketOf('tcp:host=localhost,port=12345')).toBeUndefined();
    expect(unixSocketOf('unix:runtime=yes')).toBeUndefined();
  });
});

describe.runIf(process.platform !== 'win32')('checkSessionBus', () => {
  let server: Server | undefined;
  let dir: string | undefined;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function fakeBus(onConnect: (socket: Socket) => void): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'distill-roi-bus-'));
    const path = join(dir, 'bus');
    server = createServer((socket) => {
      sockets.push(socket);
      onConnect(socket);
    });
    await new Promise<void>((resolve) => server?.listen(path, resolve));
    return `unix:path=${path},guid=0123`;
  }

  it('reports a missing D-Bus session', async () => {
    const check = await checkSessionBus({});
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/no D-Bus session/) });
  });

  // The reason tells the two paths apart: a refused socket is "cannot be reached", the timer's
  // answer "did not answer"; how soon either comes is not a unit test's business.
  it('reports a bus socket that does not exist without waiting for the timeout', async () => {
    const check = await checkSessionBus(
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/distill-roi/bus' },
      600_000, // longer than the test may run: only the refused connect can answer in time
    );
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be reached/) });
  });

  it('gives up on a bus that accepts the connection but never answers', async () => {
    const address = await fakeBus(() => {});
    const check = await checkSessionBus({ DBUS_SESSION_BUS_ADDRESS: address }, 300);
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/did not answer/) });
  });

  it('accepts a bus that answers the handshake', async () => {
    const address = await fakeBus((socket) =>
      socket.on('data', () => socket.write('REJECTED EXTERNAL\r\n')),
    );
    expect(await checkSessionBus({ DBUS_SESSION_BUS_ADDRESS: address }, 2_000)).toEqual({
      ok: true,
    });
  });

  it('leaves transports it cannot check to the binding', async () => {
    expect(
      await checkSessionBus({ DBUS_SESSION_BUS_ADDRESS: 'tcp:host=127.0.0.1,port=1' }),
    ).toEqual({ ok: true });
  });
});
