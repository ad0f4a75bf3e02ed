import { createContext, useContext } from 'react';

export type ScreenId =
  | 'datasets'
  | 'experiments'
  | 'quality'
  | 'roi'
  | 'distill'
  | 'customModels'
  | 'report'
  | 'bill'
  | 'settings';

/** The screens, in sidebar order, with the names every other text uses for them. */
export const SCREENS: readonly { id: ScreenId; label: string; hint: string }[] = [
  { id: 'datasets', label: 'Paragraphs', hint: 'Write or import the texts to compare on' },
  {
    id: 'experiments',
    label: 'Experiments',
    hint: 'Run teacher and students on Bedrock, side by side',
  },
  {
    id: 'quality',
    label: 'Quality',
    hint: 'ROUGE, an LLM judge and your own blind ratings, with confidence intervals',
  },
  {
    id: 'roi',
    label: 'ROI',
    hint: 'What-if: break-even, payback and NPV as you move the assumptions',
  },
  {
    id: 'distill',
    label: 'Distill',
    hint: 'Launch a Bedrock distillation job and follow it to the custom model',
  },
  {
    id: 'customModels',
    label: 'Custom models',
    hint: 'Serve a distilled model, evaluate it against its teacher, delete it',
  },
  {
    id: 'report',
    label: 'Report',
    hint: 'The PDF for stakeholders, CSV exports and experiment bundles',
  },
  {
    id: 'bill',
    label: 'Bill',
    hint: 'What AWS billed (Cost Explorer) against what the app computed, per model and day',
  },
  { id: 'settings', label: 'Settings', hint: 'AWS credentials, region and endpoint' },
];

/** The sidebar's name for a screen. */
export const screenLabel = (id: ScreenId): string => SCREENS.find((s) => s.id === id)?.label ?? id;

const NavigateContext = createContext<(id: ScreenId) => void>(() => undefined);
export const NavigateProvider = NavigateContext.Provider;

/** Opens another screen, as its sidebar button does. */
export const useNavigate = (): ((id: ScreenId) => void) => useContext(NavigateContext);
