/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /**
   * Local sign-in as one of the people from the example org, with no identity
   * provider. For development only: the backend refuses it unless
   * auth.environment is development.
   */
  localSignIn?: {
    /**
     * Whether the sign-in page offers the local identities.
     * @visibility frontend
     */
    enabled?: boolean;
    /**
     * The people one may sign in as.
     * @visibility frontend
     */
    identities?: Array<{
      /**
       * A user entity ref from the catalog, e.g. user:default/dana-scientist.
       * @visibility frontend
       */
      userEntityRef: string;
      /**
       * What the sign-in page shows.
       * @visibility frontend
       */
      title?: string;
    }>;
  };
}
