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
  APPROVED_IMAGE_ARN,
  cloudTrailFixtures,
  fraudStudioContext,
  OTHER_TEAM_ROLE_ARN,
  ROGUE_IMAGE_ARN,
  SAGEMAKER_DISTRIBUTION_IMAGE_ARN,
} from '../__fixtures__/cloudTrailRequests';
import { describeFixtures } from '../__fixtures__/describeOutputs';
import { evaluateWorkload, failedFindings } from '../evaluateWorkload';
import { fromCloudTrailRequest } from '../fromCloudTrailRequest';
import { fromDescribeOutput } from '../fromDescribeOutput';
import { ComplianceContext, SageMakerWorkload } from '../types';
import {
  sageMakerApprovedExecutionRoleRule,
  sageMakerApprovedImageRule,
  sageMakerSpaceSharingRule,
} from './studio';

const ct = (
  kind: 'Space' | 'App' | 'UserProfile' | 'Domain',
  compliant: boolean,
) => {
  const f = cloudTrailFixtures[kind];
  return fromCloudTrailRequest(
    f.eventName,
    compliant ? f.compliant : f.nonCompliant,
    f.responseElements,
  )!;
};

const failedIds = (workload: SageMakerWorkload, context?: ComplianceContext) =>
  failedFindings(evaluateWorkload(workload, undefined, context)).map(
    f => f.ruleId,
  );

describe('SAGEMAKER_APPROVED_IMAGE', () => {
  const rule = sageMakerApprovedImageRule;

  it('is not applicable, never passed, when no approved images are configured', () => {
    expect(rule.evaluate(ct('App', false), {})).toMatchObject({
      status: 'NOT_APPLICABLE',
      reason: 'No approved custom images are configured.',
    });
    expect(rule.evaluate(ct('App', true))).toMatchObject({
      status: 'NOT_APPLICABLE',
    });
  });

  it('passes an app on the approved image, by ARN or by name', () => {
    expect(rule.evaluate(ct('App', true), fraudStudioContext).status).toBe(
      'PASSED',
    );
    expect(
      rule.evaluate(ct('App', true), {
        approvedImageNames: ['ds-custom-image'],
      }).status,
    ).toBe('PASSED');
  });

  it('fails an app on an unapproved custom image, reading image version ARNs as their image', () => {
    expect(rule.evaluate(ct('App', false), fraudStudioContext)).toEqual({
      status: 'FAILED',
      reason: `ResourceSpec.SageMakerImageArn uses ${ROGUE_IMAGE_ARN}, which is not an approved custom image.`,
    });
  });

  it("passes an app on SageMaker's own image, which is not a custom image", () => {
    const workload = {
      ...ct('App', true),
      imageArns: [SAGEMAKER_DISTRIBUTION_IMAGE_ARN],
    };
    expect(rule.evaluate(workload, fraudStudioContext).status).toBe('PASSED');
  });

  it('cannot tell a custom image when the app account is unknown', () => {
    const workload = {
      ...ct('App', true),
      arn: undefined,
      imageArns: [SAGEMAKER_DISTRIBUTION_IMAGE_ARN],
    };
    expect(rule.evaluate(workload, fraudStudioContext).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('is not applicable to an app that names no image', () => {
    const workload = { ...ct('App', true), imageArns: undefined };
    expect(rule.evaluate(workload, fraudStudioContext)).toMatchObject({
      status: 'NOT_APPLICABLE',
      reason: expect.stringContaining('default image'),
    });
  });

  it('judges the images a space or profile offers', () => {
    expect(rule.evaluate(ct('Space', true), fraudStudioContext).status).toBe(
      'PASSED',
    );
    expect(rule.evaluate(ct('Space', false), fraudStudioContext)).toMatchObject(
      { status: 'FAILED', reason: expect.stringContaining(ROGUE_IMAGE_ARN) },
    );
    const profile = fromDescribeOutput('UserProfile', {
      ...describeFixtures.UserProfile.compliant,
      UserSettings: {
        CodeEditorAppSettings: {
          CustomImages: [{ ImageName: 'unvetted', AppImageConfigName: 'x' }],
        },
      },
    })!;
    expect(rule.evaluate(profile, fraudStudioContext)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('unvetted'),
    });
  });
});

describe('SAGEMAKER_APPROVED_EXECUTION_ROLE', () => {
  const rule = sageMakerApprovedExecutionRoleRule;

  it('is not applicable when no roles are configured', () => {
    expect(rule.evaluate(ct('UserProfile', true)).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it("passes the team's role and fails another team's role", () => {
    expect(
      rule.evaluate(ct('UserProfile', true), fraudStudioContext).status,
    ).toBe('PASSED');
    const profile = {
      ...ct('UserProfile', true),
      executionRoleArn: OTHER_TEAM_ROLE_ARN,
    };
    expect(rule.evaluate(profile, fraudStudioContext)).toEqual({
      status: 'FAILED',
      reason: `UserSettings.ExecutionRole is ${OTHER_TEAM_ROLE_ARN}, which is not approved for the team.`,
    });
  });

  it("judges a domain's default user role", () => {
    const domain = fromDescribeOutput('Domain', {
      ...describeFixtures.Domain.compliant,
      DefaultUserSettings: { ExecutionRole: OTHER_TEAM_ROLE_ARN },
    })!;
    expect(rule.evaluate(domain, fraudStudioContext)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('DefaultUserSettings.ExecutionRole'),
    });
  });

  it("leaves a profile without a role of its own to the domain's rule", () => {
    const profile = { ...ct('UserProfile', true), executionRoleArn: undefined };
    expect(rule.evaluate(profile, fraudStudioContext).status).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('SAGEMAKER_SPACE_SHARING', () => {
  const rule = sageMakerSpaceSharingRule;

  it('is not applicable when the policy does not say', () => {
    expect(rule.evaluate(ct('Space', false)).status).toBe('NOT_APPLICABLE');
  });

  it('fails a shared space when sharing is not allowed, and passes it when it is', () => {
    expect(rule.evaluate(ct('Space', false), fraudStudioContext)).toEqual({
      status: 'FAILED',
      reason:
        'SpaceSharingSettings.SharingType is Shared, but the team does not allow shared spaces.',
    });
    expect(
      rule.evaluate(ct('Space', false), { allowSharedSpaces: true }).status,
    ).toBe('PASSED');
    expect(rule.evaluate(ct('Space', true), fraudStudioContext).status).toBe(
      'PASSED',
    );
  });

  it('does not guess when the sharing type is not given', () => {
    const space = { ...ct('Space', true), sharingType: undefined };
    expect(rule.evaluate(space, fraudStudioContext).status).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('Studio fixtures against the team Studio policy', () => {
  it.each(['Space', 'App'] as const)(
    'a compliant %s passes and the non-compliant one fails, from CloudTrail and Describe alike',
    kind => {
      const expected =
        kind === 'Space'
          ? ['SAGEMAKER_APPROVED_IMAGE', 'SAGEMAKER_SPACE_SHARING']
          : ['SAGEMAKER_APPROVED_IMAGE'];
      expect(failedIds(ct(kind, true), fraudStudioContext)).toEqual([]);
      expect(failedIds(ct(kind, false), fraudStudioContext)).toEqual(expected);
      expect(
        failedIds(
          fromDescribeOutput(kind, describeFixtures[kind].compliant)!,
          fraudStudioContext,
        ),
      ).toEqual([]);
      expect(
        failedIds(
          fromDescribeOutput(kind, describeFixtures[kind].nonCompliant)!,
          fraudStudioContext,
        ),
      ).toEqual(expected);
    },
  );

  it('keeps the approved image ARN in the fixtures', () => {
    expect(fraudStudioContext.approvedImageArns).toEqual([APPROVED_IMAGE_ARN]);
  });
});
