import { EventEmitter } from 'node:events';
import type { AppEvent } from '../shared/ipc/events';
import type { HandlerContext } from './handlers/context';
import { openDatabase } from './db/open';
import { databasePath } from './paths/dataDir';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  transport: HandlerContext['transport'];
  nativeBinding?: string;
}

export interface AppCore {
  ctx: HandlerContext;
  onEvent(listener: (event: AppEvent) => void): () => void;
  close(): void;
}

/** Everything the app is, minus its window: the store, the handlers' context and the event bus. */
export async function startCore(opts: CoreOptions): Promise<AppCore> {
  const { db } = await openDatabase(
    databasePath(opts.dataDir),
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  );
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  const ctx: HandlerContext = {
    db,
    dataDir: opts.dataDir,
    version: APP_VERSION,
    transport: opts.transport,
    emit: (event) => bus.emit('event', event),
  };
  return {
    ctx,
    onEvent(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    close() {
      bus.removeAllListeners();
      db.close();
    },
  };
}
