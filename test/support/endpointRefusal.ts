/**
 * Builds a client by its factory and tells whether the endpoint rules refused it: the tests of
 * every way an endpoint can be set (a setting, a flag, a variable, the AWS config files) ask this.
 */
import { EndpointRefusedError } from '../../src/main/common/endpoints';

/** The refusal `build` throws, or undefined when the client is built (and closed again). */
export function refusal(build: () => { destroy(): void }): EndpointRefusedError | undefined {
  try {
    build().destroy();
    return undefined;
  } catch (e) {
    if (e instanceof EndpointRefusedError) return e;
    throw e;
  }
}
