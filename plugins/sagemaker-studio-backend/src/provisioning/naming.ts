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

import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';

/**
 * Tags on every provisioned product the plugin launches; Service Catalog
 * passes them to the stack. The catalog module reads `BackstageRequestedFor`
 * to give a user profile its owner.
 */
export function provisioningTags(
  request: Pick<
    ProvisioningRequest,
    'id' | 'teamName' | 'requestedBy' | 'requestedFor' | 'parameters'
  >,
): Record<string, string> {
  return {
    ...(request.teamName ? { TeamName: request.teamName } : {}),
    // Lets the catalog name a team environment without reading its outputs.
    ...(request.parameters.EnvType
      ? { EnvType: request.parameters.EnvType }
      : {}),
    BackstageRequestId: request.id,
    BackstageRequestedBy: request.requestedBy,
    BackstageRequestedFor: request.requestedFor ?? request.requestedBy,
  };
}

/**
 * The catalog entity a provisioned product appears as (the names the catalog
 * module gives them).
 */
export function entityRefFor(
  request: Pick<ProvisioningRequest, 'product' | 'teamName' | 'parameters'>,
  outputs: Record<string, string>,
): string | undefined {
  switch (request.product) {
    case 'teamEnvironment':
      return request.teamName
        ? `resource:default/${request.teamName}-${
            request.parameters.EnvType ?? 'dev'
          }-team-environment`
        : undefined;
    case 'userProfile': {
      const profile =
        outputs.UserProfileName ?? request.parameters.StudioUserProfileName;
      return profile ? `resource:default/${profile}-user-profile` : undefined;
    }
    case 'studioDomain':
      return outputs.StudioDomainId ?? outputs.DomainId
        ? `resource:default/${outputs.StudioDomainId ?? outputs.DomainId}`
        : undefined;
    default:
      return undefined;
  }
}
