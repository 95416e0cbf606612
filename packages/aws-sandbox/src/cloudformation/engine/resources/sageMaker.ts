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

import { TemplateValue } from '../types';
import {
  ExistingResource,
  ResourceHandler,
  ResourceHandlerContext,
} from './types';

type Properties = Record<string, TemplateValue>;
type Tag = { Key: string; Value: string };

function pick(
  properties: Properties,
  keys: string[],
): Record<string, TemplateValue> {
  return Object.fromEntries(
    keys
      .filter(key => properties[key] !== undefined)
      .map(key => [key, properties[key]]),
  );
}

/** The template's tags plus the stack's tags and the `aws:cloudformation:*` tags AWS adds. */
function tagsFor(
  properties: Properties,
  context: ResourceHandlerContext,
): Tag[] {
  const own = Array.isArray(properties.Tags) ? (properties.Tags as Tag[]) : [];
  const merged = new Map<string, string>();
  for (const tag of [...context.stack.tags, ...own]) {
    merged.set(tag.Key, String(tag.Value));
  }
  merged.set('aws:cloudformation:stack-name', context.stack.stackName);
  merged.set('aws:cloudformation:stack-id', context.stack.stackId);
  merged.set('aws:cloudformation:logical-id', context.logicalId);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

function lastArnSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

async function ignoreMissing(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    const code =
      (error as { code?: string; name?: string }).code ?? (error as Error).name;
    if (
      code !== 'ResourceNotFound' &&
      code !== 'ResourceNotFoundException' &&
      code !== 'ValidationException'
    ) {
      throw error;
    }
  }
}

/**
 * Calls SageMaker; if the sandbox's SageMaker does not host the operation (images and app
 * image configs), the resource is kept by CloudFormation alone with a synthesized answer.
 */
async function invokeOrSynthesize(
  context: ResourceHandlerContext,
  operation: string,
  input: unknown,
  synthesized: () => any,
): Promise<any> {
  try {
    return await context.invoke('sagemaker', operation, input);
  } catch (error) {
    if ((error as { code?: string }).code === 'InvalidAction') {
      return synthesized();
    }
    throw error;
  }
}

function sageMakerArn(
  context: ResourceHandlerContext,
  resource: string,
): string {
  const { partition, region, accountId } = context.stack;
  return `arn:${partition}:sagemaker:${region}:${accountId}:${resource}`;
}

async function describeQuietly(
  context: ResourceHandlerContext,
  operation: string,
  input: unknown,
): Promise<any> {
  try {
    return await context.invoke('sagemaker', operation, input);
  } catch {
    return {};
  }
}

const DOMAIN_CREATE_KEYS = [
  'DomainName',
  'AuthMode',
  'DefaultUserSettings',
  'SubnetIds',
  'VpcId',
  'AppNetworkAccessType',
  'KmsKeyId',
  'DomainSettings',
  'AppSecurityGroupManagement',
  'DefaultSpaceSettings',
  'TagPropagation',
];

async function domainAttributes(
  domainId: string,
  domainArn: string,
  context: ResourceHandlerContext,
) {
  const description = await describeQuietly(context, 'DescribeDomain', {
    DomainId: domainId,
  });
  return {
    DomainId: domainId,
    DomainArn: domainArn,
    Url:
      description.Url ??
      `https://${domainId}.studio.${context.stack.region}.sagemaker.aws`,
    HomeEfsFileSystemId: description.HomeEfsFileSystemId ?? '',
    SecurityGroupIdForDomainBoundary:
      description.SecurityGroupIdForDomainBoundary ?? '',
    SingleSignOnManagedApplicationInstanceId:
      description.SingleSignOnManagedApplicationInstanceId ?? '',
    SingleSignOnApplicationArn: description.SingleSignOnApplicationArn ?? '',
  };
}

/** `AWS::SageMaker::Domain`: a real sandbox domain; `Ref` is the domain id. */
export const sageMakerDomainHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await context.invoke('sagemaker', 'CreateDomain', {
      ...pick(properties, DOMAIN_CREATE_KEYS),
      Tags: tagsFor(properties, context),
    });
    const domainId = lastArnSegment(created.DomainArn);
    return {
      physicalId: domainId,
      attributes: await domainAttributes(domainId, created.DomainArn, context),
    };
  },
  async update(properties, existing, context) {
    await context.invoke('sagemaker', 'UpdateDomain', {
      DomainId: existing.physicalId,
      ...pick(properties, [
        'DefaultUserSettings',
        'DefaultSpaceSettings',
        'SubnetIds',
        'AppNetworkAccessType',
        'AppSecurityGroupManagement',
        'TagPropagation',
      ]),
    });
    return {
      physicalId: existing.physicalId,
      attributes: await domainAttributes(
        existing.physicalId,
        String(existing.attributes.DomainArn),
        context,
      ),
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke('sagemaker', 'DeleteDomain', {
        DomainId: existing.physicalId,
        RetentionPolicy: { HomeEfsFileSystem: 'Delete' },
      }),
    );
  },
};

/** `AWS::SageMaker::UserProfile`: a real sandbox user profile; `Ref` is its ARN. */
export const sageMakerUserProfileHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await context.invoke('sagemaker', 'CreateUserProfile', {
      ...pick(properties, [
        'DomainId',
        'UserProfileName',
        'UserSettings',
        'SingleSignOnUserIdentifier',
        'SingleSignOnUserValue',
      ]),
      Tags: tagsFor(properties, context),
    });
    return {
      physicalId: created.UserProfileArn,
      attributes: { UserProfileArn: created.UserProfileArn },
    };
  },
  async update(properties, existing, context) {
    await context.invoke(
      'sagemaker',
      'UpdateUserProfile',
      pick(properties, ['DomainId', 'UserProfileName', 'UserSettings']),
    );
    return { physicalId: existing.physicalId, attributes: existing.attributes };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke(
        'sagemaker',
        'DeleteUserProfile',
        pick(existing.properties, ['DomainId', 'UserProfileName']),
      ),
    );
  },
};

/** `AWS::SageMaker::Space`: a real sandbox space; `Ref` is its ARN. */
export const sageMakerSpaceHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await context.invoke('sagemaker', 'CreateSpace', {
      ...pick(properties, [
        'DomainId',
        'SpaceName',
        'SpaceSettings',
        'OwnershipSettings',
        'SpaceSharingSettings',
        'SpaceDisplayName',
      ]),
      Tags: tagsFor(properties, context),
    });
    const description = await describeQuietly(
      context,
      'DescribeSpace',
      pick(properties, ['DomainId', 'SpaceName']),
    );
    return {
      physicalId: created.SpaceArn,
      attributes: { SpaceArn: created.SpaceArn, Url: description.Url ?? '' },
    };
  },
  async update(properties, existing, context) {
    await context.invoke(
      'sagemaker',
      'UpdateSpace',
      pick(properties, [
        'DomainId',
        'SpaceName',
        'SpaceSettings',
        'SpaceDisplayName',
      ]),
    );
    return { physicalId: existing.physicalId, attributes: existing.attributes };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke(
        'sagemaker',
        'DeleteSpace',
        pick(existing.properties, ['DomainId', 'SpaceName']),
      ),
    );
  },
};

/** `AWS::SageMaker::Image`: a real sandbox image; `Ref` is its ARN. */
export const sageMakerImageHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await invokeOrSynthesize(
      context,
      'CreateImage',
      imageInput(properties, context),
      () => ({
        ImageArn: sageMakerArn(context, `image/${properties.ImageName}`),
      }),
    );
    return {
      physicalId: created.ImageArn,
      attributes: { ImageArn: created.ImageArn },
    };
  },
  async update(properties, existing, context) {
    const { Tags: _tags, ...input } = imageInput(properties, context);
    await invokeOrSynthesize(context, 'UpdateImage', input, () => ({}));
    return { physicalId: existing.physicalId, attributes: existing.attributes };
  },
  async delete(existing, context) {
    await ignoreMissing(
      invokeOrSynthesize(
        context,
        'DeleteImage',
        { ImageName: existing.properties.ImageName },
        () => ({}),
      ),
    );
  },
};

function imageInput(
  properties: Properties,
  context: ResourceHandlerContext,
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    ImageName: properties.ImageName,
    RoleArn: properties.ImageRoleArn,
    Tags: tagsFor(properties, context),
  };
  if (properties.ImageDescription !== undefined) {
    input.Description = properties.ImageDescription;
  }
  if (properties.ImageDisplayName !== undefined) {
    input.DisplayName = properties.ImageDisplayName;
  }
  return input;
}

/** `AWS::SageMaker::ImageVersion`: a new version of a sandbox image; any change replaces it. */
export const sageMakerImageVersionHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await invokeOrSynthesize(
      context,
      'CreateImageVersion',
      {
        ...pick(properties, [
          'ImageName',
          'BaseImage',
          'Aliases',
          'VendorGuidance',
          'JobType',
          'MLFramework',
          'ProgrammingLang',
          'Processor',
          'Horovod',
          'ReleaseNotes',
        ]),
        ClientToken: `${context.stack.stackId}/${context.logicalId}`,
      },
      () => ({
        ImageVersionArn: sageMakerArn(
          context,
          `image-version/${properties.ImageName}/1`,
        ),
      }),
    );
    const description = await describeQuietly(context, 'DescribeImageVersion', {
      ImageName: properties.ImageName,
    });
    return {
      physicalId: created.ImageVersionArn,
      attributes: {
        ImageVersionArn: created.ImageVersionArn,
        ImageArn:
          description.ImageArn ??
          created.ImageVersionArn.replace(/\/\d+$/, '').replace(
            ':image-version/',
            ':image/',
          ),
        Version:
          description.Version ??
          Number(lastArnSegment(created.ImageVersionArn)),
        ContainerImage:
          description.ContainerImage ?? String(properties.BaseImage ?? ''),
      },
    };
  },
  async delete(existing: ExistingResource, context) {
    await ignoreMissing(
      invokeOrSynthesize(
        context,
        'DeleteImageVersion',
        {
          ImageName: existing.properties.ImageName,
          Version: existing.attributes.Version,
        },
        () => ({}),
      ),
    );
  },
};

const APP_IMAGE_CONFIG_KEYS = [
  'KernelGatewayImageConfig',
  'JupyterLabAppImageConfig',
  'CodeEditorAppImageConfig',
];

/** `AWS::SageMaker::AppImageConfig`: a real sandbox app image config; `Ref` is its name. */
export const sageMakerAppImageConfigHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await invokeOrSynthesize(
      context,
      'CreateAppImageConfig',
      {
        ...pick(properties, ['AppImageConfigName', ...APP_IMAGE_CONFIG_KEYS]),
        Tags: tagsFor(properties, context),
      },
      () => ({
        AppImageConfigArn: sageMakerArn(
          context,
          `app-image-config/${properties.AppImageConfigName}`,
        ),
      }),
    );
    return {
      physicalId: String(properties.AppImageConfigName),
      attributes: { AppImageConfigArn: created.AppImageConfigArn },
    };
  },
  async update(properties, existing, context) {
    await invokeOrSynthesize(
      context,
      'UpdateAppImageConfig',
      pick(properties, ['AppImageConfigName', ...APP_IMAGE_CONFIG_KEYS]),
      () => ({}),
    );
    return { physicalId: existing.physicalId, attributes: existing.attributes };
  },
  async delete(existing, context) {
    await ignoreMissing(
      invokeOrSynthesize(
        context,
        'DeleteAppImageConfig',
        { AppImageConfigName: existing.physicalId },
        () => ({}),
      ),
    );
  },
};
