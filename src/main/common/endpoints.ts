/**
 * The endpoint an AWS client will send to, checked before the client is built. Each client
 * factory (bedrock/client.ts, bedrock/controlPlaneClient.ts, batch/awsClients.ts,
 * billing/costExplorerClient.ts, priceList/getProducts.ts) and each reader of the Price List
 * URL asks here, with the endpoint it was given and the environment variables the SDK would
 * otherwise read, so no endpoint reaches a client unchecked, whichever way it was set. The rule
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

/**
 * The endpoint a client is given: the first of `sources` that is set (the given one, then the
 * service's own variable, e.g. AWS_ENDPOINT_URL_S3), checked. When none is set the SDK falls
 * back on AWS_ENDPOINT_URL, for every service, by itself: that one is checked too, and left to
 * the SDK to apply.
 */
export function clientEndpoint(
  sources: readonly EndpointSource[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const url = pickEndpoint(sources);
  if (url === undefined) pickEndpoint([['AWS_ENDPOINT_URL', env.AWS_ENDPOINT_URL]]);
  return url;
}
