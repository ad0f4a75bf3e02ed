/**
 * The models and inference profiles one region offers, as the Bedrock control plane lists them
 * (ListFoundationModels, ListInferenceProfiles), with when and where the list came from. The
 * same shape holds a list fetched from the user's account, the one stored from the last fetch,
 * and the dated list shipped with the app, so every screen reads them one way.
 */
import { z } from 'zod';

/** Enums kept open: the live API returns values (e.g. INFERENCE_PROFILE) its model lacks. */
const openEnum = z.string().min(1);
const isoTime = z.string().min(1).nullable();

export const ModelLifecycleSchema = z.object({
  /** ACTIVE or LEGACY today; kept open for values AWS may add. */
  status: openEnum,
  legacyTime: isoTime,
  endOfLifeTime: isoTime,
  publicExtendedAccessTime: isoTime,
});
export type ModelLifecycle = z.infer<typeof ModelLifecycleSchema>;

export const FoundationModelEntrySchema = z.object({
  modelId: z.string().min(1).max(140),
  modelName: z.string(),
  providerName: z.string(),
  inputModalities: z.array(openEnum),
  outputModalities: z.array(openEnum),
  /** Null when the list did not say. */
  responseStreamingSupported: z.boolean().nullable(),
  /** ON_DEMAND, PROVISIONED and, from the live API, INFERENCE_PROFILE. */
  inferenceTypesSupported: z.array(openEnum),
  lifecycle: ModelLifecycleSchema,
});
export type FoundationModelEntry = z.infer<typeof FoundationModelEntrySchema>;

export const InferenceProfileEntrySchema = z.object({
  id: z.string().min(1),
  arn: z.string().min(1),
  name: z.string(),
  /** SYSTEM_DEFINED or APPLICATION. */
  type: openEnum,
  status: openEnum,
  /** Foundation-model ARNs the profile routes to (one per region it spans). */
  modelArns: z.array(z.string().min(1)),
});
export type InferenceProfileEntry = z.infer<typeof InferenceProfileEntrySchema>;

export const ModelListOriginSchema = z.enum(['account', 'stored', 'shipped']);
export type ModelListOrigin = z.infer<typeof ModelListOriginSchema>;

export const ModelListSchema = z.object({
  region: z.string().min(1),
  /** When the list was read (ISO 8601 time); for the shipped list, the day it was checked. */
  fetchedAt: z.string().min(1),
  /** Where its facts come from, e.g. "ListFoundationModels + ListInferenceProfiles". */
  source: z.string().min(1),
  models: z.array(FoundationModelEntrySchema),
  profiles: z.array(InferenceProfileEntrySchema),
});
export type ModelList = z.infer<typeof ModelListSchema>;

/** A list as the app presents it: which of the three it is, and a sentence saying so. */
export const ModelListAnswerSchema = z.object({
  origin: ModelListOriginSchema,
  list: ModelListSchema,
  /** Why this list and not a fresh one, e.g. the control plane's error; null for a fresh one. */
  notice: z.string().nullable(),
});
export type ModelListAnswer = z.infer<typeof ModelListAnswerSchema>;
