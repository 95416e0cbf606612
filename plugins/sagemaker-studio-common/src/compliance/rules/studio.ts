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

import { ComplianceContext, ComplianceRule, SageMakerWorkload } from '../types';
import { failed, notApplicable, passed } from './results';

/** The account of an ARN, or undefined when `arn` is not an ARN. */
function accountOf(arn: string | undefined): string | undefined {
  const parts = arn?.split(':');
  return parts && parts.length >= 6 && parts[0] === 'arn'
    ? parts[4] || undefined
    : undefined;
}

function imageName(imageArn: string): string {
  return imageArn.slice(imageArn.lastIndexOf('/') + 1);
}

function isApprovedImageArn(imageArn: string, context: ComplianceContext) {
  return (
    (context.approvedImageArns ?? []).includes(imageArn) ||
    (context.approvedImageNames ?? []).includes(imageName(imageArn))
  );
}

function isApprovedImageName(name: string, context: ComplianceContext) {
  return (
    (context.approvedImageNames ?? []).includes(name) ||
    (context.approvedImageArns ?? []).some(arn => imageName(arn) === name)
  );
}

/**
 * Custom images are owned by the account that runs them; SageMaker's own
 * images (SageMaker Distribution and the like) are owned by AWS accounts.
 * Returns undefined when the workload's account is unknown.
 */
function isCustomImage(
  imageArn: string,
  workload: SageMakerWorkload,
): boolean | undefined {
  const own = accountOf(workload.arn);
  const owner = accountOf(imageArn);
  return own && owner ? own === owner : undefined;
}

const IMAGE_FIELD: Partial<Record<SageMakerWorkload['kind'], string>> = {
  App: 'ResourceSpec.SageMakerImageArn',
  Space: 'SpaceSettings.<App>AppSettings',
  UserProfile: 'UserSettings.<App>AppSettings',
};

/**
 * Studio apps may run only the custom images approved for the estate
 * (`ComplianceContext.approvedImageArns` / `approvedImageNames`), and user
 * profiles and spaces may offer no others (`CustomImages`, or a custom image
 * as `DefaultResourceSpec`). SageMaker's own images pass: they are not
 * custom images. Not applicable when the context names no approved images,
 * or when the resource names no image (an app then runs the default image
 * of its space or profile, which this rule judges there).
 *
 * @public
 */
export const sageMakerApprovedImageRule: ComplianceRule = {
  id: 'SAGEMAKER_APPROVED_IMAGE',
  title: 'SageMaker Studio apps must run approved custom images only',
  description:
    'A custom image decides what software runs next to the user’s data and credentials; only images that were reviewed and approved for the domain may be run in JupyterLab, Code Editor or kernel gateway apps, or offered by profiles and spaces.',
  severity: 'HIGH',
  appliesTo: ['App', 'Space', 'UserProfile'],
  evaluate(workload, context) {
    if (!context?.approvedImageArns && !context?.approvedImageNames) {
      return notApplicable('No approved custom images are configured.');
    }
    const where = IMAGE_FIELD[workload.kind] ?? 'image';
    const arns = workload.imageArns ?? [];
    const names = workload.customImageNames ?? [];
    if (arns.length === 0 && names.length === 0) {
      return notApplicable(
        workload.kind === 'App'
          ? `${where} is not set, so the app runs the default image of its space or profile.`
          : `${where} names no image.`,
      );
    }
    const unapproved: string[] = [];
    const unknownOwner: string[] = [];
    for (const arn of arns) {
      if (isApprovedImageArn(arn, context)) {
        continue;
      }
      const custom = isCustomImage(arn, workload);
      if (custom === undefined) {
        unknownOwner.push(arn);
      } else if (custom) {
        unapproved.push(arn);
      }
    }
    unapproved.push(...names.filter(n => !isApprovedImageName(n, context)));
    if (unapproved.length > 0) {
      return failed(
        `${where} uses ${unapproved.join(
          ', ',
        )}, which is not an approved custom image.`,
      );
    }
    if (unknownOwner.length > 0) {
      return notApplicable(
        `The ${
          workload.kind
        }'s account is unknown, so it cannot be told whether ${unknownOwner.join(
          ', ',
        )} is a custom image.`,
      );
    }
    return passed(
      `${where} uses only approved custom images or SageMaker's own images.`,
    );
  },
};

const ROLE_FIELD: Partial<Record<SageMakerWorkload['kind'], string>> = {
  UserProfile: 'UserSettings.ExecutionRole',
  Domain: 'DefaultUserSettings.ExecutionRole',
};

/**
 * When the context lists the execution roles of the team (or estate), a user
 * profile, or a domain's default user settings, may name no other role.
 *
 * @public
 */
export const sageMakerApprovedExecutionRoleRule: ComplianceRule = {
  id: 'SAGEMAKER_APPROVED_EXECUTION_ROLE',
  title: 'SageMaker Studio profiles must use an approved execution role',
  description:
    "The execution role decides which data and services a user's apps and jobs reach; a profile given another team's role, or an unreviewed one, gets that access.",
  severity: 'HIGH',
  appliesTo: ['UserProfile', 'Domain'],
  evaluate(workload, context) {
    const allowed = context?.allowedExecutionRoleArns;
    if (!allowed) {
      return notApplicable('No allowed execution roles are configured.');
    }
    const where = ROLE_FIELD[workload.kind] ?? 'ExecutionRole';
    const role = workload.executionRoleArn;
    if (!role) {
      return notApplicable(
        workload.kind === 'UserProfile'
          ? `${where} is not set, so the profile uses the domain's default role, which is judged on the domain.`
          : `${where} is not set.`,
      );
    }
    return allowed.includes(role)
      ? passed(`${where} is ${role}, an approved role.`)
      : failed(`${where} is ${role}, which is not approved for the team.`);
  },
};

/**
 * When the team's policy does not allow shared spaces
 * (`ComplianceContext.allowSharedSpaces: false`), every space must be
 * private. Not applicable when the policy does not say.
 *
 * @public
 */
export const sageMakerSpaceSharingRule: ComplianceRule = {
  id: 'SAGEMAKER_SPACE_SHARING',
  title: 'SageMaker Studio spaces must be private unless sharing is allowed',
  description:
    "Every member of the domain can open a shared space and its files, and run code with the space's role; teams whose data must not be shared keep their spaces private.",
  severity: 'MEDIUM',
  appliesTo: ['Space'],
  evaluate(workload, context) {
    if (context?.allowSharedSpaces === undefined) {
      return notApplicable(
        'The team policy does not say whether shared spaces are allowed.',
      );
    }
    const sharing = workload.sharingType;
    if (!sharing) {
      return notApplicable(
        'SpaceSharingSettings.SharingType is not set, so the request does not say whether the space is shared.',
      );
    }
    if (sharing === 'Shared' && !context.allowSharedSpaces) {
      return failed(
        'SpaceSharingSettings.SharingType is Shared, but the team does not allow shared spaces.',
      );
    }
    return passed(
      `SpaceSharingSettings.SharingType is ${sharing}${
        sharing === 'Shared' ? ', and the team allows shared spaces' : ''
      }.`,
    );
  },
};
