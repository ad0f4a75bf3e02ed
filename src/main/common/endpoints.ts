/**
 * The endpoint an AWS client will send to, checked before the client is built. Each client
 * factory (bedrock/client.ts, bedrock/controlPlaneClient.ts, batch/awsClients.ts,
 * billing/costExplorerClient.ts, priceList/getProducts.ts) asks credentials/configuredEndpoint.ts,
 * which picks here among the endpoint it was given and the ones the SDK would otherwise read
 * (environment variables, the AWS shared config); each reader of the Price List URL asks here
 * directly. So no endpoint reaches a client unchecked, whichever way it was set. The rule
 * itself is shared/domain/endpoint.ts.
 */
import { endpointProblem } from '../../shared/domain/endpoint';
import { AppFailure } from './failure';

/** An endpoint the rules refuse; the message names the setting, flag or variable it came from. */
export class EndpointRefusedError extends AppFailure {
  constructor(message: string) {
    super('invalid_input', message);
    this.name = 'EndpointRefusedError';
  }
}

/** Where an endpoint may come from, in order: a name (setting, flag, variable) and its value. */
export type EndpointSource = readonly [name: string, url: string | undefined | null];

/**
 * The first source that is set (an empty value counts as unset, as for the SDK), or undefined
 * when none is; throws EndpointRefusedError, naming that source, when the rules refuse it.
 */
export function pickEndpoint(sources: readonly EndpointSource[]): string | undefined {
  for (const [name, url] of sources) {
    if (url === undefined || url === null || url === '') continue;
    const problem = endpointProblem(url, name);
    if (problem !== null) throw new EndpointRefusedError(problem);
    return url;
  }
  return undefined;
}
