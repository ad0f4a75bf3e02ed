/**
 * The Price List catalog, as the price book meets it. A snapshot (one region, one refresh, its
 * publicationDate and source) is stored by main (main/priceList/refreshPrices.ts) and read over
 * IPC (getPriceSnapshot / listPriceSnapshots); these pure functions turn it into prices:
 *
 * - snapshotCatalog(snapshot, names): PriceCatalog entries (source tag 'aws-price-list', asOf =
 *   publication date); a figure the Price List lacks is `{ value: null, unknownReason }`.
 * - withSnapshotCatalogs(base, catalogs): the catalog with snapshot entries laid over it.
 * - tierPrices(snapshot, modelId, names, scope): Standard/Batch/Flex/Priority token prices.
 * - tiersOffered / applyServiceTiers: an experiment's service tiers and their prices.
 * - diffSnapshots(before, after): what changed between two snapshots.
 *
 * `names` maps model ids to display names (from the model lists, shared/models), since the Price
 * List names models by display name.
 */
export * from './priceRow';
export * from './priceSnapshot';
export * from './snapshotPrices';
export * from './experimentTiers';
export { classifyPriceRow } from './classifyPriceRow';
export * from './shippedSnapshot';
