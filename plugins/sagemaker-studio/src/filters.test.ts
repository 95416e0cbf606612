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
  isEntityComplianceCardAvailable,
  isSageMakerStudioContentAvailable,
  isStudioDomainCardAvailable,
  isTeamEnvironmentCardAvailable,
  isUserProfileCardAvailable,
} from './filters';

function entity(
  kind: string,
  annotations: Record<string, string>,
  type?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
    spec: type ? { type } : {},
  };
}

const DOMAIN = { 'sagemaker-studio.aws/domain-id': 'd-1' };
const TEAM = { 'sagemaker-studio.aws/team': 'fraud-detection' };
const PROFILE = {
  'sagemaker-studio.aws/user-profile': 'dana',
  'sagemaker-studio.aws/domain-id': 'd-1',
};

describe('entity filters', () => {
  it('shows the domain card on domain Resources with a domain id only', () => {
    expect(
      isStudioDomainCardAvailable(
        entity('Resource', DOMAIN, 'sagemaker-studio-domain'),
      ),
    ).toBe(true);
    expect(
      isStudioDomainCardAvailable(
        entity('Resource', {}, 'sagemaker-studio-domain'),
      ),
    ).toBe(false);
    // A user profile Resource carries the domain id too, but is no domain.
    expect(
      isStudioDomainCardAvailable(
        entity('Resource', PROFILE, 'sagemaker-studio-user-profile'),
      ),
    ).toBe(false);
    expect(isStudioDomainCardAvailable(entity('User', PROFILE))).toBe(false);
  });

  it('shows the team card on team Groups and team environment Resources', () => {
    expect(isTeamEnvironmentCardAvailable(entity('Group', TEAM))).toBe(true);
    expect(
      isTeamEnvironmentCardAvailable(
        entity('Resource', TEAM, 'sagemaker-studio-team-environment'),
      ),
    ).toBe(true);
    expect(isTeamEnvironmentCardAvailable(entity('Group', {}))).toBe(false);
    // Users and profiles carry the team annotation, but are not the team.
    expect(isTeamEnvironmentCardAvailable(entity('User', TEAM))).toBe(false);
    expect(
      isTeamEnvironmentCardAvailable(
        entity('Resource', TEAM, 'sagemaker-studio-user-profile'),
      ),
    ).toBe(false);
  });

  it('shows the profile card on Users and profile Resources that name a profile, with or without its domain', () => {
    expect(isUserProfileCardAvailable(entity('User', PROFILE))).toBe(true);
    expect(isUserProfileCardAvailable(entity('user', PROFILE))).toBe(true);
    expect(
      isUserProfileCardAvailable(
        entity('Resource', PROFILE, 'sagemaker-studio-user-profile'),
      ),
    ).toBe(true);
    expect(
      isUserProfileCardAvailable(
        entity('User', { 'sagemaker-studio.aws/user-profile': 'dana' }),
      ),
    ).toBe(true);
    expect(isUserProfileCardAvailable(entity('User', {}))).toBe(false);
    expect(isUserProfileCardAvailable(entity('Group', PROFILE))).toBe(false);
  });

  it('shows the compliance card on team Groups, team environment Resources and Users that name a team', () => {
    expect(isEntityComplianceCardAvailable(entity('Group', TEAM))).toBe(true);
    expect(
      isEntityComplianceCardAvailable(
        entity('Resource', TEAM, 'sagemaker-studio-team-environment'),
      ),
    ).toBe(true);
    expect(isEntityComplianceCardAvailable(entity('User', TEAM))).toBe(true);
    expect(isEntityComplianceCardAvailable(entity('Group', {}))).toBe(false);
    expect(isEntityComplianceCardAvailable(entity('User', PROFILE))).toBe(
      false,
    );
    expect(
      isEntityComplianceCardAvailable(
        entity('Resource', TEAM, 'sagemaker-studio-domain'),
      ),
    ).toBe(false);
    expect(isEntityComplianceCardAvailable(entity('Component', TEAM))).toBe(
      false,
    );
  });

  it('shows the tab where any card applies', () => {
    expect(isSageMakerStudioContentAvailable(entity('Group', TEAM))).toBe(true);
    // A team member without a Studio profile still sees their team's compliance.
    expect(isSageMakerStudioContentAvailable(entity('User', TEAM))).toBe(true);
    expect(
      isSageMakerStudioContentAvailable(entity('Component', PROFILE)),
    ).toBe(false);
  });
});
