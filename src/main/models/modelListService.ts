/**
 * One region's model list for the picker and the CLI: fresh from the account when the control
 * plane answers, else the list stored from the last fetch, else the dated list shipped with the
 * app. The answer always says which, and why not a fresh one, so a stale list is never shown as
 * current. A failed fetch leaves the stored list as it was.
 */
import type { Database } from 'better-sqlite3';
import type { ModelList, ModelListAnswer } from '../../shared/models/modelList';
import { SHIPPED_AS_OF, shippedModelList } from '../../shared/models/shippedModelList';
import { controlPlaneMessage } from '../bedrock/controlPlaneErrors';
import { saveModelList, storedModelList } from '../db/repos/modelLists';

export interface ModelListOptions {
  /** Reads the list from the account; absent when working offline on purpose. */
  fetch?: (region: string) => Promise<ModelList>;
}

function fallback(db: Database, region: string, why: string): ModelListAnswer {
  const stored = storedModelList(db, region);
  if (stored) {
    return {
      origin: 'stored',
      list: stored,
      notice: `${why} Showing the list stored from your account on ${stored.fetchedAt.slice(0, 10)}.`,
    };
  }
  const shipped = shippedModelList(region);
  if (shipped) {
    return {
      origin: 'shipped',
      list: shipped,
      notice: `${why} Showing the list shipped with the app (checked ${SHIPPED_AS_OF}); your account may offer other models.`,
    };
  }
  return {
    origin: 'shipped',
    list: { region, fetchedAt: SHIPPED_AS_OF, source: 'none', models: [], profiles: [] },
    notice: `${why} No stored or shipped list for ${region}: type a model id, profile id or ARN.`,
  };
}

export async function loadModelList(
  db: Database,
  region: string,
  options: ModelListOptions = {},
): Promise<ModelListAnswer> {
  if (!options.fetch) return fallback(db, region, 'Working offline.');
  let list: ModelList;
  try {
    list = await options.fetch(region);
  } catch (e) {
    return fallback(db, region, `Could not read the model list: ${controlPlaneMessage(e, region)}`);
  }
  if (list.models.length === 0) {
    return fallback(db, region, `Bedrock lists no models in ${region} for your account.`);
  }
  saveModelList(db, list);
  return { origin: 'account', list, notice: null };
}
