/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotAllowedError, InputError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The header the local sign-in page sends with the chosen identity. */
export const LOCAL_IDENTITY_HEADER = 'x-sagemaker-studio-local-identity';

/** The auth provider id (GET /api/auth/localIdentities/refresh). */
export const LOCAL_IDENTITIES_PROVIDER_ID = 'localIdentities';

/**
 * Whether local sign-in may be offered at all: only with
 * `localSignIn.enabled`, `auth.environment: development`, and never when
 * NODE_ENV is production. The production config turns it off; this check is
 * the second lock.
 */
export function localSignInAllowed(config: Config): boolean {
  return (
    config.getOptionalBoolean('localSignIn.enabled') === true &&
    (config.getOptionalString('auth.environment') ?? 'development') ===
      'development' &&
    process.env.NODE_ENV !== 'production'
  );
}

/** Host names that always mean this machine. */
const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Where a local sign-in may come from. A token goes only to a request whose
 * `Host` names this machine (a loopback name, or the host of `app.baseUrl`
 * or `backend.baseUrl`) and, when it carries an `Origin`, whose origin is
 * `app.baseUrl`'s.
 *
 * The Host check is what stops DNS rebinding: a page on a hostile name that
 * resolves to 127.0.0.1 looks same-origin to the browser, which then sends
 * no Origin on a GET, but its Host is the hostile name. The Origin check
 * stops every other page in the browser; a browser always sends Origin on
 * cross-origin requests. A request without Origin (curl, the scripts, the
 * e2e wait loop, or the app when the backend serves it) is accepted once its
 * Host passes.
 */
export interface LocalSignInSources {
  hostnames: string[];
  origin: string;
}

/** Reads {@link LocalSignInSources} from `app.baseUrl` and `backend.baseUrl`. */
export function readLocalSignInSources(config: Config): LocalSignInSources {
  const app = new URL(config.getString('app.baseUrl'));
  const backend = new URL(config.getString('backend.baseUrl'));
  return {
    hostnames: [
      ...new Set([...LOOPBACK_HOSTNAMES, app.hostname, backend.hostname]),
    ],
    origin: app.origin,
  };
}

function hostnameOf(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}`);
    // Anything but host[:port] (credentials, a path) is not a Host header.
    return url.host === host.toLowerCase() ||
      `${url.hostname}:80` === host.toLowerCase()
      ? url.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Throws NotAllowedError unless the request's `Host` and `Origin` headers
 * fit {@link LocalSignInSources}.
 */
export function assertLocalSignInSource(
  headers: { host?: string; origin?: string },
  sources: LocalSignInSources,
): void {
  const hostname = headers.host ? hostnameOf(headers.host) : undefined;
  if (!hostname || !sources.hostnames.includes(hostname)) {
    throw new NotAllowedError(
      `Local sign-in answers only requests to ${sources.hostnames.join(
        ', ',
      )}; this one was for ${JSON.stringify(headers.host ?? '')}`,
    );
  }
  if (headers.origin !== undefined && headers.origin !== sources.origin) {
    throw new NotAllowedError(
      `Local sign-in answers only the app at ${
        sources.origin
      }; this request came from ${JSON.stringify(headers.origin)}`,
    );
  }
}

/** The identities (user entity refs) people may sign in as locally. */
export function readLocalIdentities(config: Config): string[] {
  return (config.getOptionalConfigArray('localSignIn.identities') ?? []).map(
    identity => identity.getString('userEntityRef'),
  );
}

/**
 * Sign-in as one of a few people from the org data in the repository,
 * without any external identity provider, for local development and tests.
 * The person must exist in the catalog, so their groups (and the admin
 * permissions that come with them) are the real ones.
 */
export const authModuleLocalIdentities = createBackendModule({
  pluginId: 'auth',
  moduleId: 'local-identities',
  register(env) {
    env.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (!localSignInAllowed(config)) {
          logger.info('Local sign-in is off');
          return;
        }
        const allowed = readLocalIdentities(config);
        const sources = readLocalSignInSources(config);
        logger.warn(
          `Local sign-in is ON for ${allowed.join(
            ', ',
          )}; never use this outside development`,
        );
        providers.registerProvider({
          providerId: LOCAL_IDENTITIES_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async (result: {
                userEntityRef: string;
              }) => ({
                profile: { displayName: result.userEntityRef },
              }),
              initialize: () => ({}),
              async authenticate({ req }) {
                assertLocalSignInSource(req.headers, sources);
                const requested = req.header(LOCAL_IDENTITY_HEADER);
                if (!requested) {
                  throw new InputError(
                    `Missing ${LOCAL_IDENTITY_HEADER} header; choose an identity on the sign-in page`,
                  );
                }
                if (!allowed.includes(requested)) {
                  throw new NotAllowedError(
                    `${requested} is not one of the local identities (${allowed.join(
                      ', ',
                    )})`,
                  );
                }
                return { result: { userEntityRef: requested } };
              },
            }),
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
