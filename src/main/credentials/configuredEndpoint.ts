/**
 * The endpoint an AWS client is built with: the one the app was given (a setting, a flag), else
 * the one the AWS SDK would take from outside the app, found here in the SDK's own order
 * (AWS's "Service-specific endpoints" page; @smithy's getEndpointUrlConfig):
 *   1. AWS_ENDPOINT_URL_<SERVICE>, e.g. AWS_ENDPOINT_URL_BEDROCK_RUNTIME
 *   2. AWS_ENDPOINT_URL
 *   3. `<service> = endpoint_url = …` in the `[services NAME]` section the profile names
 *   4. `endpoint_url` in the profile itself
 * unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (else the profile's
 * ignore_configured_endpoint_urls) is `true`. The profile is the SDK's for this lookup:
 * AWS_PROFILE, else `default` (the client's own credentials profile does not enter into it).
 *
 * Each factory then gives the result to its client explicitly and turns the SDK's own lookup
 * off (`ignoreConfiguredEndpointUrls: true`), so the endpoint checked by the rules
 * (shared/domain/endpoint.ts) is the one the signed requests go to, and a refusal names where it
 * came from: the variable, or the file, section and key.
 */
import { readFileSync } from 'node:fs';
import { pickEndpoint, type EndpointSource } from '../common/endpoints';
import { parseIni, type IniSections } from './iniFile';
import { awsFileLocations } from './profiles';

/** The SDK's service ids, as the clients name themselves (`client.config.serviceId`); the last
 * four are the clients the SDK's credential providers build for themselves (signInEndpoints.ts). */
export type AwsServiceId =
  | 'Bedrock Runtime'
  | 'Bedrock'
  | 'S3'
  | 'Service Quotas'
  | 'Cost Explorer'
  | 'Pricing'
  | 'STS'
  | 'SSO'
  | 'SSO OIDC'
  | 'Signin';

/** The SDK's loader swallows every read error (a missing or unreadable file is no file). */
function readIni(path: string): IniSections {
  try {
    return parseIni(readFileSync(path, 'utf8'));
  } catch {
    return new Map();
  }
}

/** `true` or `false` as the SDK reads a boolean setting; anything else counts as unset. */
function flag(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** A profile's settings with where each came from: the config file wins over credentials. */
type Located = Map<string, { value: string; where: string }>;

export function profileSettings(
  profile: string,
  env: NodeJS.ProcessEnv,
): {
  settings: Located;
  config: IniSections;
  configFile: string;
} {
  const files = awsFileLocations({ env });
  const config = readIni(files.configFile);
  const settings: Located = new Map();
  const take = (section: ReadonlyMap<string, string> | undefined, where: string) => {
    for (const [key, value] of section ?? []) settings.set(key, { value, where });
  };
  take(readIni(files.credentialsFile).get(profile), `[${profile}] of ${files.credentialsFile}`);
  // `[profile default]` is read after `[default]`, as the SDK merges them.
  if (profile === 'default') take(config.get('default'), `[default] of ${files.configFile}`);
  for (const name of [`profile ${profile}`, `profile "${profile}"`, `profile '${profile}'`]) {
    take(config.get(name), `[${name}] of ${files.configFile}`);
  }
  return { settings, config, configFile: files.configFile };
}

/**
 * Where the SDK would find `serviceId`'s endpoint outside the app, as a named source (the
 * variable, or the key with its section and file), or undefined when nowhere: the SDK then
 * uses AWS's regional endpoint.
 */
export function configuredEndpoint(
  serviceId: AwsServiceId,
  env: NodeJS.ProcessEnv = process.env,
): EndpointSource | undefined {
  const profile = env.AWS_PROFILE || 'default';
  let file: ReturnType<typeof profileSettings> | undefined;
  const fromFile = () => (file ??= profileSettings(profile, env));
  const ignored =
    flag(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ??
    flag(fromFile().settings.get('ignore_configured_endpoint_urls')?.value) ??
    false;
  if (ignored) return undefined;

  const serviceVariable = ['AWS_ENDPOINT_URL', ...serviceId.toUpperCase().split(' ')].join('_');
  if (env[serviceVariable]) return [serviceVariable, env[serviceVariable]];
  if (env.AWS_ENDPOINT_URL) return ['AWS_ENDPOINT_URL', env.AWS_ENDPOINT_URL];

  const { settings, config, configFile } = fromFile();
  const services = settings.get('services')?.value;
  if (services !== undefined) {
    const section = config.get(`services ${services}`);
    // The SDK then reads no endpoint from the files at all (not even the profile's own).
    if (section === undefined) return undefined;
    const key = `${serviceId.toLowerCase().split(' ').join('_')}.endpoint_url`;
    const url = section.get(key);
    if (url) return [`${key} in [services ${services}] of ${configFile}`, url];
  }
  const own = settings.get('endpoint_url');
  if (own?.value) return [`endpoint_url in ${own.where}`, own.value];
  return undefined;
}

/**
 * The endpoint to build `serviceId`'s client with: `given` when set, else the configured one,
 * checked by the endpoint rules (EndpointRefusedError names the source); undefined for AWS's.
 * The client must be built with `ignoreConfiguredEndpointUrls: true`.
 */
export function clientEndpoint(
  given: EndpointSource,
  serviceId: AwsServiceId,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const explicit = pickEndpoint([given]);
  if (explicit !== undefined) return explicit;
  const configured = configuredEndpoint(serviceId, env);
  return configured === undefined ? undefined : pickEndpoint([configured]);
}
