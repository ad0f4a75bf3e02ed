import {
  distilledModel,
  startServingStandIn,
  type ServingStandIn,
} from '../../support/servingStandIn';

/**
 * A fixture body: the control plane that serves custom models, on loopback, holding one
 * distilled model (support-micro: Nova Micro taught by Nova Pro, in us-east-1), closed after the
 * test. Point the host at it with `AWS_ENDPOINT_URL_BEDROCK: control.url`.
 */
export async function withServingControl(
  use: (control: ServingStandIn) => Promise<void>,
): Promise<void> {
  const control = await startServingStandIn({ pollsUntilReady: 3 });
  control.addCustomModel(
    'us-east-1',
    distilledModel('us-east-1', 'support-micro', 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0'),
  );
  try {
    await use(control);
  } finally {
    await control.close();
  }
}
