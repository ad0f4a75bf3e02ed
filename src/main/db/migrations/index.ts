import type { Migration } from '../migration';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-experiment-status-reason';
import { migration0030 } from './0030-quality';
import { migration0040 } from './0040-price-overrides';
import { migration0050 } from './0050-run-leases';
import { migration0065 } from './0065-run-attempts';
import { migration0070 } from './0070-redact-stored-errors';
import { migration0071 } from './0071-blind-reveals';
import { migration0075 } from './0075-override-scope';
import { migration0076 } from './0076-paragraph-snapshots';
import { migration0080 } from './0080-model-lists-price-snapshots';
import { migration0081 } from './0081-run-service-tier';
import { migration0090 } from './0090-batch-jobs';
import { migration0100 } from './0100-distill-jobs';
import { migration0101 } from './0101-custom-model-servings';
import { migration0110 } from './0110-bill-reconciliation';
import { migration0111 } from './0111-run-profile-arn';
import { migration0112 } from './0112-redact-control-plane-errors';
import { migration0113 } from './0113-batch-upload-note';
import { migration0114 } from './0114-drop-runs-by-paragraph';

/** Every migration in the order it must run; `checkRegistry` rejects any other order. */
export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0065,
  migration0070,
  migration0071,
  migration0075,
  migration0076,
  migration0080,
  migration0081,
  migration0090,
  migration0100,
  migration0101,
  migration0110,
  migration0111,
  migration0112,
  migration0113,
  migration0114,
];
