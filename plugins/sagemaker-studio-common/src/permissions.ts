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
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Resource type of a provisioning request (a templated ask for a Studio
 * domain, a team environment or a user profile).
 *
 * @public
 */
export const SAGEMAKER_STUDIO_REQUEST_RESOURCE_TYPE =
  'sagemaker-studio-request';

/**
 * Resource type of a compliance finding (one rule failed by one SageMaker
 * resource, attributed to a team). Conditional decisions on it use the
 * backend plugin's `HAS_TEAM` rule.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE =
  'sagemaker-studio-compliance-finding';

/**
 * A permission that applies to one provisioning request.
 *
 * @public
 */
export type SageMakerStudioRequestPermission = ResourcePermission<
  typeof SAGEMAKER_STUDIO_REQUEST_RESOURCE_TYPE
>;

/**
 * Create a provisioning request (what the scaffolder actions do on behalf of
 * the person running a template). Denied users see the template fail with a
 * 403 naming this permission.
 *
 * @public
 */
export const sageMakerStudioRequestCreatePermission = createPermission({
  name: 'sagemaker-studio.request.create',
  attributes: { action: 'create' },
});

/**
 * Read one provisioning request and its timeline. Policies usually allow the
 * requester and admins; denied users get a 404-free 403.
 *
 * @public
 */
export const sageMakerStudioRequestReadPermission = createPermission({
  name: 'sagemaker-studio.request.read',
  attributes: { action: 'read' },
  resourceType: SAGEMAKER_STUDIO_REQUEST_RESOURCE_TYPE,
});

/**
 * Approve or reject provisioning requests. Admin-only by default; nobody may
 * review their own request whatever the policy says (four-eyes is enforced in
 * the backend, not by the policy). Denied users do not see the review queue.
 * A basic permission, so the UI can ask "may this person review at all?".
 *
 * @public
 */
export const sageMakerStudioRequestReviewPermission = createPermission({
  name: 'sagemaker-studio.request.review',
  attributes: { action: 'update' },
});

/**
 * See the whole estate: every team's environment, every request and every
 * compliance finding. Denied users see only their own team's status.
 *
 * @public
 */
export const sageMakerStudioEstateReadPermission = createPermission({
  name: 'sagemaker-studio.estate.read',
  attributes: { action: 'read' },
});

/**
 * Read compliance findings, their summary and history. Policies usually
 * allow admins outright and everyone else conditionally, on the findings of
 * their own teams (the backend turns the condition into a database filter).
 * `GET /compliance/findings` needs it unconditionally (an admin's view);
 * with a conditional decision a team or user page shows only the findings of
 * the teams the condition names, and with a denial nothing (403).
 *
 * @public
 */
export const sageMakerStudioComplianceReadPermission = createPermission({
  name: 'sagemaker-studio.compliance.read',
  attributes: { action: 'read' },
  resourceType: SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
});

/**
 * Open SageMaker Studio (get a presigned URL). Only ever for the caller's own
 * user profile; the backend checks ownership in addition to this permission.
 *
 * @public
 */
export const sageMakerStudioOpenPermission = createPermission({
  name: 'sagemaker-studio.studio.open',
  attributes: { action: 'read' },
});

/**
 * Permissions that a data-science admin holds and others do not.
 *
 * @public
 */
export const sageMakerStudioAdminPermissions = [
  sageMakerStudioRequestReviewPermission,
  sageMakerStudioEstateReadPermission,
];

/**
 * Every permission this plugin declares.
 *
 * @public
 */
export const sageMakerStudioPermissions = [
  sageMakerStudioRequestCreatePermission,
  sageMakerStudioRequestReadPermission,
  sageMakerStudioRequestReviewPermission,
  sageMakerStudioEstateReadPermission,
  sageMakerStudioComplianceReadPermission,
  sageMakerStudioOpenPermission,
];
