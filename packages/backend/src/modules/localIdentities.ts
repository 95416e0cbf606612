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
        logger.warn(
          `Local sign-in is ON for ${allowed.join(', ')}; never use this outside development`,
        );
        providers.registerProvider({
          providerId: LOCAL_IDENTITIES_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async (result: { userEntityRef: string }) => ({
                profile: { displayName: result.userEntityRef },
              }),
              initialize: () => ({}),
              async authenticate({ req }) {
                const requested = req.header(LOCAL_IDENTITY_HEADER);
                if (!requested) {
                  throw new InputError(
                    `Missing ${LOCAL_IDENTITY_HEADER} header; choose an identity on the sign-in page`,
                  );
                }
                if (!allowed.includes(requested)) {
                  throw new NotAllowedError(
                    `${requested} is not one of the local identities (${allowed.join(', ')})`,
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
