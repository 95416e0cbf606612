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
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { sageMakerStudioApiRef } from './api/SageMakerStudioApi';
import { SageMakerStudioClient } from './api/SageMakerStudioClient';
import {
  complianceRouteRef,
  entityContentRouteRef,
  myRequestsRouteRef,
  reviewRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The SageMaker Studio frontend plugin (legacy frontend system).
 *
 * @public
 */
export const sageMakerStudioPlugin = createPlugin({
  id: 'sagemaker-studio',
  apis: [
    createApiFactory({
      api: sageMakerStudioApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SageMakerStudioClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    review: reviewRouteRef,
    myRequests: myRequestsRouteRef,
    entityContent: entityContentRouteRef,
    compliance: complianceRouteRef,
  },
});

/**
 * Domains and the caller's own requests.
 *
 * @public
 */
export const SageMakerStudioPage = sageMakerStudioPlugin.provide(
  createRoutableExtension({
    name: 'SageMakerStudioPage',
    component: () =>
      import('./components/SageMakerStudioPage').then(
        m => m.SageMakerStudioPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The admins' review queue.
 *
 * @public
 */
export const SageMakerStudioReviewPage = sageMakerStudioPlugin.provide(
  createRoutableExtension({
    name: 'SageMakerStudioReviewPage',
    component: () =>
      import('./components/ReviewQueuePage').then(m => m.ReviewQueuePage),
    mountPoint: reviewRouteRef,
  }),
);

/**
 * Everyone's own requests: status, timeline, outcome, and cancel while pending.
 *
 * @public
 */
export const SageMakerStudioMyRequestsPage = sageMakerStudioPlugin.provide(
  createRoutableExtension({
    name: 'SageMakerStudioMyRequestsPage',
    component: () =>
      import('./components/MyRequestsPage').then(m => m.MyRequestsPage),
    mountPoint: myRequestsRouteRef,
  }),
);

/**
 * The admins' estate compliance: summary, open findings over time, and every
 * finding with filters (needs `sagemaker-studio.estate.read`).
 *
 * @public
 */
export const SageMakerStudioCompliancePage = sageMakerStudioPlugin.provide(
  createRoutableExtension({
    name: 'SageMakerStudioCompliancePage',
    component: () =>
      import('./components/CompliancePage').then(m => m.CompliancePage),
    mountPoint: complianceRouteRef,
  }),
);

/**
 * The Studio domain card, for a `sagemaker-studio-domain` Resource page (use
 * with `isStudioDomainCardAvailable` in an `EntitySwitch`).
 *
 * @public
 */
export const EntitySageMakerStudioDomainCard = sageMakerStudioPlugin.provide(
  createComponentExtension({
    name: 'EntitySageMakerStudioDomainCard',
    component: {
      lazy: () =>
        import('./components/StudioDomainCard').then(m => m.StudioDomainCard),
    },
  }),
);

/**
 * The team environment card, for a team's Group page or a
 * `sagemaker-studio-team-environment` Resource page (use with
 * `isTeamEnvironmentCardAvailable` in an `EntitySwitch`).
 *
 * @public
 */
export const EntitySageMakerStudioTeamEnvironmentCard =
  sageMakerStudioPlugin.provide(
    createComponentExtension({
      name: 'EntitySageMakerStudioTeamEnvironmentCard',
      component: {
        lazy: () =>
          import('./components/TeamEnvironmentCard').then(
            m => m.TeamEnvironmentCard,
          ),
      },
    }),
  );

/**
 * The user profile card with "Open Studio", for a User page or a
 * `sagemaker-studio-user-profile` Resource page (use with
 * `isUserProfileCardAvailable` in an `EntitySwitch`).
 *
 * @public
 */
export const EntitySageMakerStudioUserProfileCard =
  sageMakerStudioPlugin.provide(
    createComponentExtension({
      name: 'EntitySageMakerStudioUserProfileCard',
      component: {
        lazy: () =>
          import('./components/UserProfileCard').then(m => m.UserProfileCard),
      },
    }),
  );

/**
 * The compliance card, for a team's Group page, a
 * `sagemaker-studio-team-environment` Resource page or a User page (use with
 * `isEntityComplianceCardAvailable` in an `EntitySwitch`).
 *
 * @public
 */
export const EntitySageMakerStudioComplianceCard =
  sageMakerStudioPlugin.provide(
    createComponentExtension({
      name: 'EntitySageMakerStudioComplianceCard',
      component: {
        lazy: () =>
          import('./components/EntityComplianceCard').then(
            m => m.EntityComplianceCard,
          ),
      },
    }),
  );

/**
 * The "SageMaker Studio" entity tab gathering the cards that apply (use with
 * `isSageMakerStudioContentAvailable` as the `EntityLayout.Route`'s `if`).
 *
 * @public
 */
export const EntitySageMakerStudioContent = sageMakerStudioPlugin.provide(
  createRoutableExtension({
    name: 'EntitySageMakerStudioContent',
    component: () =>
      import('./components/StudioEntityContent').then(
        m => m.StudioEntityContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);
