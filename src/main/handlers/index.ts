import type { z } from 'zod';
import type { Channel } from '../../shared/ipc/channels';
import type { Contract } from '../../shared/ipc/contract';
import type { HandlerContext } from '../core/context';
import { datasetHandlers } from './datasets';
import { paragraphHandlers } from './paragraphs';
import { experimentHandlers } from './experiments';
import { settingsHandlers } from './settings';
import { qualityHandlers } from './quality';
import { recoveryHandlers } from './recovery';
import { reportHandlers } from './reports';
import { priceHandlers } from './prices';
import { scenarioHandlers } from './scenarios';
import { batchHandlers } from './batch';
import { catalogHandlers } from './catalog';
import { distillHandlers } from './distill';
import { servingHandlers } from './servings';
import { billingHandlers } from './billing';

type Handler<K extends Channel> = (
  ctx: HandlerContext,
  input: z.output<Contract[K]['input']>,
) => z.input<Contract[K]['output']> | Promise<z.input<Contract[K]['output']>>;

export type HandlerTable = { [K in Channel]: Handler<K> };

/** Every channel's implementation; how it is called (Electron IPC, loopback http, CLI) is not its concern. */
export const handlers: HandlerTable = {
  getAppInfo: (ctx) => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
  ...datasetHandlers,
  ...paragraphHandlers,
  ...experimentHandlers,
  ...settingsHandlers,
  ...qualityHandlers,
  ...recoveryHandlers,
  ...reportHandlers,
  ...priceHandlers,
  ...scenarioHandlers,
  ...batchHandlers,
  ...catalogHandlers,
  ...distillHandlers,
  ...servingHandlers,
  ...billingHandlers,
};
