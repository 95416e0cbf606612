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

import { randomUUID } from 'node:crypto';
import { TemplateValue } from '../types';
import {
  generatedName,
  generatedSuffix,
  lowerAlphanumeric,
  randomHex,
} from '../ids';
import {
  ProvisionResult,
  ResourceHandler,
  ResourceHandlerContext,
} from './types';

type Properties = Record<string, TemplateValue>;
type Attributes = Record<string, TemplateValue>;

interface GenericShape {
  physicalId(properties: Properties, context: ResourceHandlerContext): string;
  attributes?(
    physicalId: string,
    properties: Properties,
    context: ResourceHandlerContext,
  ): Attributes;
}

function arn(
  context: ResourceHandlerContext,
  service: string,
  resource: string,
  global = false,
): string {
  const { partition, region, accountId } = context.stack;
  return `arn:${partition}:${service}:${
    global ? '' : region
  }:${accountId}:${resource}`;
}

function named(property: string, maxLength = 64) {
  return (properties: Properties, context: ResourceHandlerContext) =>
    typeof properties[property] === 'string'
      ? (properties[property] as string)
      : generatedName(context.stack.stackName, context.logicalId, maxLength);
}

function ec2Id(prefix: string) {
  return () => `${prefix}-${randomHex(17)}`;
}

const SHAPES: Record<string, GenericShape> = {
  'AWS::IAM::Role': {
    physicalId: named('RoleName'),
    attributes: (id, properties, context) => ({
      Arn: arn(
        context,
        'iam',
        `role${(properties.Path as string) ?? '/'}${id}`,
        true,
      ),
      RoleId: `AROA${generatedSuffix(17)}`,
    }),
  },
  'AWS::IAM::ManagedPolicy': {
    physicalId: (properties, context) =>
      arn(
        context,
        'iam',
        `policy${(properties.Path as string) ?? '/'}${named(
          'ManagedPolicyName',
          128,
        )(properties, context)}`,
        true,
      ),
    attributes: id => ({
      PolicyArn: id,
      PolicyId: `ANPA${generatedSuffix(17)}`,
    }),
  },
  'AWS::IAM::InstanceProfile': {
    physicalId: named('InstanceProfileName'),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'iam', `instance-profile/${id}`, true),
    }),
  },
  'AWS::KMS::Key': {
    physicalId: () => randomUUID(),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'kms', `key/${id}`),
      KeyId: id,
    }),
  },
  'AWS::KMS::Alias': {
    physicalId: properties => String(properties.AliasName),
  },
  'AWS::S3::BucketPolicy': {
    physicalId: properties => String(properties.Bucket),
  },
  'AWS::EC2::VPC': {
    physicalId: ec2Id('vpc'),
    attributes: (id, properties) => ({
      VpcId: id,
      CidrBlock: properties.CidrBlock ?? '10.0.0.0/16',
      CidrBlockAssociations: [`vpc-cidr-assoc-${randomHex(17)}`],
      DefaultNetworkAcl: `acl-${randomHex(17)}`,
      DefaultSecurityGroup: `sg-${randomHex(17)}`,
      Ipv6CidrBlocks: [],
    }),
  },
  'AWS::EC2::Subnet': {
    physicalId: ec2Id('subnet'),
    attributes: (id, properties, context) => ({
      SubnetId: id,
      VpcId: properties.VpcId ?? null,
      CidrBlock: properties.CidrBlock ?? null,
      AvailabilityZone:
        properties.AvailabilityZone ?? `${context.stack.region}a`,
      AvailabilityZoneId: `use1-az${1 + Math.floor(Math.random() * 6)}`,
      NetworkAclAssociationId: `aclassoc-${randomHex(17)}`,
      Ipv6CidrBlocks: [],
    }),
  },
  'AWS::EC2::SecurityGroup': {
    physicalId: ec2Id('sg'),
    attributes: (id, properties) => ({
      GroupId: id,
      VpcId: properties.VpcId ?? null,
    }),
  },
  'AWS::EC2::RouteTable': {
    physicalId: ec2Id('rtb'),
    attributes: id => ({ RouteTableId: id }),
  },
  'AWS::EC2::InternetGateway': {
    physicalId: ec2Id('igw'),
    attributes: id => ({ InternetGatewayId: id }),
  },
  'AWS::EC2::NatGateway': {
    physicalId: ec2Id('nat'),
    attributes: id => ({ NatGatewayId: id }),
  },
  'AWS::EC2::NetworkAcl': {
    physicalId: ec2Id('acl'),
    attributes: id => ({ Id: id }),
  },
  'AWS::EC2::FlowLog': {
    physicalId: ec2Id('fl'),
    attributes: id => ({ Id: id }),
  },
  'AWS::EC2::VPCEndpoint': {
    physicalId: ec2Id('vpce'),
    attributes: (id, properties, context) => {
      const service =
        String(properties.ServiceName ?? '')
          .split('.')
          .slice(3)
          .join('.') || 'service';
      const host = `${id}-${lowerAlphanumeric(8)}.${service}.${
        context.stack.region
      }.vpce.amazonaws.com`;
      return {
        Id: id,
        CreationTimestamp: new Date(context.now).toISOString(),
        DnsEntries: [
          `Z7HUB22UULQXV:${host}`,
          `Z7HUB22UULQXV:${id}-${lowerAlphanumeric(8)}-${
            context.stack.region
          }a.${service}.${context.stack.region}.vpce.amazonaws.com`,
        ],
        NetworkInterfaceIds: [`eni-${randomHex(17)}`],
      };
    },
  },
  'AWS::Lambda::Function': {
    physicalId: named('FunctionName'),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'lambda', `function:${id}`),
    }),
  },
  'AWS::Lambda::Permission': {
    physicalId: (_properties, context) =>
      generatedName(context.stack.stackName, context.logicalId),
  },
  'AWS::Events::Rule': {
    physicalId: named('Name'),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'events', `rule/${id}`),
    }),
  },
  'AWS::ECR::Repository': {
    physicalId: properties =>
      typeof properties.RepositoryName === 'string'
        ? properties.RepositoryName
        : `repo-${lowerAlphanumeric(12)}`,
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'ecr', `repository/${id}`),
      RepositoryUri: `${context.stack.accountId}.dkr.ecr.${context.stack.region}.amazonaws.com/${id}`,
    }),
  },
  'AWS::CodeArtifact::Domain': {
    physicalId: (properties, context) =>
      arn(context, 'codeartifact', `domain/${properties.DomainName}`),
    attributes: (id, properties, context) => ({
      Arn: id,
      Name: properties.DomainName ?? null,
      Owner: context.stack.accountId,
      EncryptionKey: arn(context, 'kms', `key/${randomUUID()}`),
    }),
  },
  'AWS::CodeArtifact::Repository': {
    physicalId: (properties, context) =>
      arn(
        context,
        'codeartifact',
        `repository/${properties.DomainName}/${properties.RepositoryName}`,
      ),
    attributes: (id, properties, context) => ({
      Arn: id,
      Name: properties.RepositoryName ?? null,
      DomainName: properties.DomainName ?? null,
      DomainOwner: context.stack.accountId,
    }),
  },
  'AWS::CodeCommit::Repository': {
    physicalId: () => randomUUID(),
    attributes: (_id, properties, context) => ({
      Arn: arn(context, 'codecommit', String(properties.RepositoryName)),
      Name: properties.RepositoryName ?? null,
      CloneUrlHttp: `https://git-codecommit.${context.stack.region}.amazonaws.com/v1/repos/${properties.RepositoryName}`,
      CloneUrlSsh: `ssh://git-codecommit.${context.stack.region}.amazonaws.com/v1/repos/${properties.RepositoryName}`,
    }),
  },
  'AWS::ResourceGroups::Group': {
    physicalId: (properties, context) =>
      arn(context, 'resource-groups', `group/${properties.Name}`),
    attributes: id => ({ Arn: id }),
  },
  'AWS::Logs::LogGroup': {
    physicalId: named('LogGroupName', 512),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, 'logs', `log-group:${id}:*`),
    }),
  },
  'AWS::SNS::Topic': {
    physicalId: (properties, context) =>
      arn(context, 'sns', named('TopicName', 256)(properties, context)),
    attributes: (id, _properties) => ({
      TopicArn: id,
      TopicName: id.split(':').pop() ?? id,
    }),
  },
};

/** Generic types with a plausible physical id and attributes of their own. */
export const SHAPED_GENERIC_RESOURCE_TYPES = Object.keys(SHAPES);

function defaultShape(resourceType: string): GenericShape {
  const [, service = 'service', kind = 'resource'] = resourceType.split('::');
  return {
    physicalId: (_properties, context) =>
      generatedName(context.stack.stackName, context.logicalId),
    attributes: (id, _properties, context) => ({
      Arn: arn(context, service.toLowerCase(), `${kind.toLowerCase()}/${id}`),
      Id: id,
      Name: id,
    }),
  };
}

function stringProperties(properties: Properties): Attributes {
  return Object.fromEntries(
    Object.entries(properties).filter(([, value]) => typeof value === 'string'),
  );
}

function provision(
  shape: GenericShape,
  properties: Properties,
  context: ResourceHandlerContext,
): ProvisionResult {
  const id = shape.physicalId(properties, context);
  return {
    physicalId: id,
    attributes: {
      ...stringProperties(properties),
      ...(shape.attributes?.(id, properties, context) ?? {}),
    },
    lenientAttributes: true,
  };
}

/**
 * A resource the sandbox does not model: it gets a plausible physical id and `Fn::GetAtt`
 * values, and nothing else happens.
 */
export function genericResourceHandler(resourceType: string): ResourceHandler {
  const shape = SHAPES[resourceType] ?? defaultShape(resourceType);
  return {
    create: async (properties, context) =>
      provision(shape, properties, context),
    update: async (properties, existing) => ({
      physicalId: existing.physicalId,
      attributes: { ...existing.attributes, ...stringProperties(properties) },
      lenientAttributes: true,
    }),
    delete: async () => undefined,
  };
}
