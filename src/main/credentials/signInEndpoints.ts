/**
 * The endpoints of the clients the AWS SDK's credential providers build for themselves: STS for
 * an assume-role or web-identity profile (the AssumeRole request is signed with the source
 * profile's keys and its answer is the session token), SSO and SSO OIDC for an SSO profile,
 * Signin for an `aws login` profile. Those inner clients look up their own endpoint
 * (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, a `[services]` entry, a profile's endpoint_url), so
 * the app checks the same lookup here (configuredEndpoint.ts) with the endpoint rules on every
 * call of the provider, before the provider sends anything, and refuses naming the source.
 *
 * Where allowed, the checked endpoint is given to the inner clients as `clientConfig` with their
 * own lookup turned off. fromIni and the default chain hand one `clientConfig` to every inner
 * client (STS, SSO, SSO OIDC alike), so one endpoint can be given only when the services the
 * profile signs in through share it (or none has one: AWS's regional endpoints). When they
 * differ (say AWS_ENDPOINT_URL_STS set and SSO not), the SDK's own lookup stays on, for every
 * one of the four checked first. fromIni's web-identity profiles build their STS client without
 * `clientConfig`; its lookup finds the STS endpoint checked here.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { pickEndpoint } from '../common/endpoints';
import { configuredEndpoint, profileSettings, type AwsServiceId } from './configuredEndpoint';
import { profileKind } from './profiles';

type SignInService = Extract<AwsServiceId, 'STS' | 'SSO' | 'SSO OIDC' | 'Signin'>;
const SIGN_IN_SERVICES: readonly SignInService[] = ['STS', 'SSO', 'SSO OIDC', 'Signin'];

/** What the app gives the SDK's credential providers: the inner clients' `clientConfig`. */
export interface SignInClientConfig {
  ignoreConfiguredEndpointUrls?: true;
  endpoint?: string;
}

/** The inner clients a profile signs in through, following source_profile as fromIni does. */
function servicesOf(
  profile: string,
  env: NodeJS.ProcessEnv,
  seen = new Set<string>(),
): Set<SignInService> {
  if (seen.has(profile)) return new Set();
  seen.add(profile);
  const located = profileSettings(profile, env).settings;
  const settings = new Map([...located].map(([key, { value }]) => [key, value]));
  switch (profileKind(settings)) {
    case 'assume-role': {
      const source = settings.get('source_profile');
      return new Set(['STS', ...(source !== undefined ? servicesOf(source, env, seen) : [])]);
    }
    case 'sso':
      return new Set(['SSO', 'SSO OIDC']);
    case 'unknown':
      return new Set(settings.has('login_session') ? ['Signin'] : []);
    default:
      return new Set();
  }
}

/** The service's configured endpoint, checked: throws EndpointRefusedError naming its source. */
function checked(service: SignInService, env: NodeJS.ProcessEnv): string | undefined {
  const configured = configuredEndpoint(service, env);
  return configured === undefined ? undefined : pickEndpoint([configured]);
}

/**
 * The `clientConfig` for signing in with `profile` (undefined: the SDK's default chain, whose
 * profile is AWS_PROFILE, else `default`, and which signs in through STS with a web identity
 * token when AWS_WEB_IDENTITY_TOKEN_FILE is set). Throws EndpointRefusedError.
 */
export function signInClientConfig(
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SignInClientConfig {
  const services = servicesOf(profile ?? (env.AWS_PROFILE || 'default'), env);
  if (profile === undefined && env.AWS_WEB_IDENTITY_TOKEN_FILE) services.add('STS');
  const endpoints = new Set([...services].map((service) => checked(service, env)));
  if (endpoints.size > 1) {
    // The SDK's lookup stays on, so whatever inner client it builds finds a checked endpoint.
    SIGN_IN_SERVICES.forEach((service) => checked(service, env));
    return {};
  }
  const [endpoint] = endpoints;
  return { ignoreConfiguredEndpointUrls: true, ...(endpoint !== undefined ? { endpoint } : {}) };
}

type CredentialProvider = ReturnType<typeof fromIni>;

/**
 * The SDK's provider for `init.profile` (fromIni), or its default chain without one, with the
 * inner clients' endpoints checked on each call, before anything is sent.
 */
export function checkedCredentials(
  init: Omit<Parameters<typeof fromIni>[0] & object, 'clientConfig'> = {},
  env: NodeJS.ProcessEnv = process.env,
): CredentialProvider {
  return async (props) => {
    const clientConfig = signInClientConfig(init.profile, env);
    const inner =
      init.profile !== undefined
        ? fromIni({ ...init, clientConfig })
        : fromNodeProviderChain({ ...init, clientConfig });
    return inner(props);
  };
}
