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

import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import CloudIcon from '@material-ui/icons/Cloud';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import ListAltIcon from '@material-ui/icons/ListAlt';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { sageMakerStudioApiRef } from './api/SageMakerStudioApi';
import { SageMakerStudioClient } from './api/SageMakerStudioClient';
import {
  isEntityComplianceCardAvailable,
  isSageMakerStudioContentAvailable,
  isStudioDomainCardAvailable,
  isTeamEnvironmentCardAvailable,
  isUserProfileCardAvailable,
} from './filters';
import {
  complianceRouteRef,
  entityContentRouteRef,
  myRequestsRouteRef,
  reviewRouteRef,
  rootRouteRef,
} from './routes';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sageMakerStudioApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SageMakerStudioClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/sagemaker-studio',
    title: 'SageMaker Studio',
    icon: <CloudIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/SageMakerStudioPage').then(m => (
        <m.SageMakerStudioPage />
      )),
  },
});

const reviewPage = PageBlueprint.makeWithOverrides({
  name: 'review',
  factory(originalFactory) {
    return originalFactory({
      path: '/sagemaker-studio-review',
      title: 'Studio reviews',
      icon: <AssignmentTurnedInIcon />,
      routeRef: convertLegacyRouteRef(reviewRouteRef),
      loader: () =>
        import('./components/ReviewQueuePage').then(m => <m.ReviewQueuePage />),
    });
  },
});

const myRequestsPage = PageBlueprint.makeWithOverrides({
  name: 'my-requests',
  factory(originalFactory) {
    return originalFactory({
      path: '/sagemaker-studio-requests',
      title: 'My Studio requests',
      icon: <ListAltIcon />,
      routeRef: convertLegacyRouteRef(myRequestsRouteRef),
      loader: () =>
        import('./components/MyRequestsPage').then(m => <m.MyRequestsPage />),
    });
  },
});

const compliancePage = PageBlueprint.makeWithOverrides({
  name: 'compliance',
  factory(originalFactory) {
    return originalFactory({
      path: '/sagemaker-studio-compliance',
      title: 'Studio compliance',
      icon: <VerifiedUserIcon />,
      routeRef: convertLegacyRouteRef(complianceRouteRef),
      loader: () =>
        import('./components/CompliancePage').then(m => <m.CompliancePage />),
    });
  },
});

const domainCard = EntityCardBlueprint.make({
  name: 'domain',
  params: {
    filter: isStudioDomainCardAvailable,
    loader: () =>
      import('./components/StudioDomainCard').then(m => <m.StudioDomainCard />),
  },
});

const teamEnvironmentCard = EntityCardBlueprint.make({
  name: 'team-environment',
  params: {
    filter: isTeamEnvironmentCardAvailable,
    loader: () =>
      import('./components/TeamEnvironmentCard').then(m => (
        <m.TeamEnvironmentCard />
      )),
  },
});

const userProfileCard = EntityCardBlueprint.make({
  name: 'user-profile',
  params: {
    filter: isUserProfileCardAvailable,
    loader: () =>
      import('./components/UserProfileCard').then(m => <m.UserProfileCard />),
  },
});

const complianceCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    filter: isEntityComplianceCardAvailable,
    loader: () =>
      import('./components/EntityComplianceCard').then(m => (
        <m.EntityComplianceCard />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'sagemaker-studio',
    title: 'SageMaker Studio',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: isSageMakerStudioContentAvailable,
    loader: () =>
      import('./components/StudioEntityContent').then(m => (
        <m.StudioEntityContent />
      )),
  },
});

/** Shows the signed-in person, read-only, in the user profile template. */
const signedInUserField = FormFieldBlueprint.make({
  name: 'signed-in-user',
  params: {
    field: () =>
      import('./components/SignedInUserField/formField').then(
        m => m.signedInUserFormField,
      ),
  },
});

/**
 * The SageMaker Studio plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'sagemaker-studio',
  title: 'SageMaker Studio',
  icon: <CloudIcon />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    review: convertLegacyRouteRef(reviewRouteRef),
    myRequests: convertLegacyRouteRef(myRequestsRouteRef),
    entityContent: convertLegacyRouteRef(entityContentRouteRef),
    compliance: convertLegacyRouteRef(complianceRouteRef),
  },
  extensions: [
    api,
    page,
    reviewPage,
    myRequestsPage,
    compliancePage,
    domainCard,
    teamEnvironmentCard,
    userProfileCard,
    complianceCard,
    entityContent,
    signedInUserField,
  ],
});
