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

import { Entity } from '@backstage/catalog-model';
import {
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  isSageMakerStudioDomainAvailable,
  isSageMakerStudioTeamAvailable,
  isSageMakerStudioUserProfileAvailable,
} from './annotations';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dana', annotations },
    spec: {},
  };
}

describe('annotation guards', () => {
  it('shows the domain card only with a non-blank domain id', () => {
    expect(
      isSageMakerStudioDomainAvailable(
        entity({ [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: 'd-abc123def456' }),
      ),
    ).toBe(true);
    expect(
      isSageMakerStudioDomainAvailable(
        entity({ [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: '  ' }),
      ),
    ).toBe(false);
    expect(isSageMakerStudioDomainAvailable(entity({}))).toBe(false);
  });

  it('shows the team card when the team annotation is set', () => {
    expect(
      isSageMakerStudioTeamAvailable(
        entity({ [SAGEMAKER_STUDIO_TEAM_ANNOTATION]: 'fraud-detection' }),
      ),
    ).toBe(true);
  });

  it('needs the profile name for the profile card; the domain is optional', () => {
    expect(isSageMakerStudioUserProfileAvailable(entity({}))).toBe(false);
    expect(
      isSageMakerStudioUserProfileAvailable(
        entity({ [SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION]: 'dana' }),
      ),
    ).toBe(true);
    expect(
      isSageMakerStudioUserProfileAvailable(
        entity({
          [SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION]: 'dana',
          [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: 'd-abc123def456',
        }),
      ),
    ).toBe(true);
  });
});
