/**
 * An account's application inference profile, provisioned model, custom-model deployment and
 * custom model in one region, as the control-plane stand-in serves them: the ARNs whose text does
 * not name their base model, for the resolver's tests.
 */
import type { RegionData, WireInferenceProfile } from './controlPlaneStandIn';

export function accountArns(region: string) {
  const acct = `arn:aws:bedrock:${region}:111122223333`;
  const fm = (id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
  const arns = {
    APP: `${acct}:application-inference-profile/abc123abc123`,
    PT: `${acct}:provisioned-model/p1p1p1p1p1p1`,
    DEPLOY: `${acct}:custom-model-deployment/d1d1d1d1d1d1`,
    CUSTOM: `${acct}:custom-model/zzzzzzzzzzzz`,
  };
  const app: WireInferenceProfile = {
    inferenceProfileName: 'team-a',
    inferenceProfileArn: arns.APP,
    inferenceProfileId: 'abc123abc123',
    models: [{ modelArn: fm('amazon.nova-lite-v1:0') }],
    status: 'ACTIVE',
    type: 'APPLICATION',
  };
  /** Nova Lite behind the profile, Llama 3.1 8B provisioned, Nova Micro (128k) deployed. */
  const data: RegionData = {
    models: [],
    profiles: [app],
    provisioned: {
      [arns.PT]: {
        modelArn: fm('meta.llama3-1-8b-instruct-v1:0'),
        foundationModelArn: fm('meta.llama3-1-8b-instruct-v1:0'),
      },
    },
    deployments: { [arns.DEPLOY]: { modelArn: arns.CUSTOM } },
    customModels: { [arns.CUSTOM]: { baseModelArn: fm('amazon.nova-micro-v1:0:128k') } },
  };
  return { ...arns, data };
}
