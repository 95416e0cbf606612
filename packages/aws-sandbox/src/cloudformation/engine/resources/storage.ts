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

import { generatedName, generatedSuffix } from '../ids';
import { TemplateValue } from '../types';
import { ResourceHandler } from './types';

type Tags = Array<{ Key: string; Value: string }>;

function tagList(tags: TemplateValue | undefined): Tags {
  if (Array.isArray(tags)) {
    return tags as Tags;
  }
  if (tags && typeof tags === 'object') {
    return Object.entries(tags).map(([Key, Value]) => ({
      Key,
      Value: String(Value),
    }));
  }
  return [];
}

/** `AWS::S3::Bucket` becomes a bucket in the sandbox's S3. */
export const s3BucketHandler: ResourceHandler = {
  async create(properties, context) {
    const bucket =
      typeof properties.BucketName === 'string'
        ? properties.BucketName
        : generatedName(
            context.stack.stackName,
            context.logicalId,
            63,
          ).toLowerCase();
    await context.invoke('s3', 'CreateBucket', { Bucket: bucket });
    return {
      physicalId: bucket,
      attributes: bucketAttributes(
        bucket,
        context.stack.region,
        context.stack.partition,
      ),
    };
  },
  async update(_properties, existing) {
    return { physicalId: existing.physicalId, attributes: existing.attributes };
  },
  async delete(existing, context) {
    try {
      await context.invoke('s3', 'DeleteBucket', {
        Bucket: existing.physicalId,
      });
    } catch {
      // A bucket that still holds objects is retained, as with DeletionPolicy: Retain.
    }
  },
};

function bucketAttributes(
  bucket: string,
  region: string,
  partition: string,
): Record<string, TemplateValue> {
  return {
    Arn: `arn:${partition}:s3:::${bucket}`,
    DomainName: `${bucket}.s3.amazonaws.com`,
    RegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
    DualStackDomainName: `${bucket}.s3.dualstack.${region}.amazonaws.com`,
    WebsiteURL: `http://${bucket}.s3-website-${region}.amazonaws.com`,
  };
}

/** `AWS::SSM::Parameter` becomes a parameter in the sandbox's SSM. */
export const ssmParameterHandler: ResourceHandler = {
  async create(properties, context) {
    const name =
      typeof properties.Name === 'string'
        ? properties.Name
        : `CFN-${context.logicalId}-${generatedSuffix()}`;
    await putParameter(name, properties, context.invoke, false);
    return {
      physicalId: name,
      attributes: {
        Type: properties.Type ?? 'String',
        Value: properties.Value ?? '',
      },
    };
  },
  async update(properties, existing, context) {
    await putParameter(existing.physicalId, properties, context.invoke, true);
    return {
      physicalId: existing.physicalId,
      attributes: {
        Type: properties.Type ?? 'String',
        Value: properties.Value ?? '',
      },
    };
  },
  async delete(existing, context) {
    try {
      await context.invoke('ssm', 'DeleteParameter', {
        Name: existing.physicalId,
      });
    } catch {
      // Already gone: deleting a missing parameter is not a stack failure.
    }
  },
};

async function putParameter(
  name: string,
  properties: Record<string, TemplateValue>,
  invoke: (
    service: string,
    operation: string,
    input: unknown,
  ) => Promise<unknown>,
  overwrite: boolean,
): Promise<void> {
  const input: Record<string, unknown> = {
    Name: name,
    Value: Array.isArray(properties.Value)
      ? properties.Value.join(',')
      : String(properties.Value ?? ''),
    Type: properties.Type ?? 'String',
    Overwrite: overwrite,
  };
  for (const key of ['Description', 'AllowedPattern', 'Tier', 'DataType']) {
    if (properties[key] !== undefined) {
      input[key] = properties[key];
    }
  }
  const tags = tagList(properties.Tags);
  if (!overwrite && tags.length > 0) {
    input.Tags = tags;
  }
  await invoke('ssm', 'PutParameter', input);
}
