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
  bool,
  field,
  isRecord,
  num,
  path,
  records,
  str,
  strings,
  tagMap,
  UnknownRecord,
} from './fields';
import {
  SageMakerVpcAttachment,
  SageMakerWorkload,
  SageMakerWorkloadKind,
  SageMakerWorkloadSource,
} from './types';

/*
 * Create* requests and Describe* outputs share their field names for
 * everything the rules read (CloudTrail only changes the case), so one
 * extractor per kind serves both normalisers. The few places where they
 * differ (notebook `SecurityGroupIds` vs `SecurityGroups`, AutoML V1 vs V2)
 * are read both ways.
 */

type Settings = Omit<SageMakerWorkload, 'kind' | 'name' | 'tags' | 'source'>;

function vpc(value: unknown): SageMakerVpcAttachment | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  return {
    subnets: strings(field(value, 'Subnets')),
    securityGroupIds: strings(field(value, 'SecurityGroupIds')),
  };
}

function sum(values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : undefined;
}

/** Instance count of a training resource config, including heterogeneous clusters. */
function trainingInstanceCount(resourceConfig: unknown): number | undefined {
  const direct = num(field(resourceConfig, 'InstanceCount'));
  if (direct !== undefined) {
    return direct;
  }
  return sum(
    records(field(resourceConfig, 'InstanceGroups')).map(g =>
      num(field(g, 'InstanceCount')),
    ),
  );
}

function trainingLike(p: unknown): Settings {
  // HPO definitions may carry HyperParameterTuningResourceConfig instead.
  const resources =
    field(p, 'ResourceConfig') ??
    field(p, 'HyperParameterTuningResourceConfig');
  return {
    vpcConfig: vpc(field(p, 'VpcConfig')),
    volumeKmsKeyId: str(field(resources, 'VolumeKmsKeyId')),
    outputKmsKeyId: str(path(p, 'OutputDataConfig', 'KmsKeyId')),
    enableNetworkIsolation: bool(field(p, 'EnableNetworkIsolation')),
    enableInterContainerTrafficEncryption: bool(
      field(p, 'EnableInterContainerTrafficEncryption'),
    ),
    instanceCount: trainingInstanceCount(resources),
  };
}

/**
 * A tuning job may define several training definitions; the workload takes
 * the weakest of them, so one non-compliant definition fails the job.
 */
function weakest(definitions: Settings[]): Settings {
  if (definitions.length === 0) {
    return {};
  }
  const allHave = <T>(pick: (d: Settings) => T | undefined) =>
    definitions.every(d => pick(d) !== undefined);
  const allTrue = (pick: (d: Settings) => boolean | undefined) => {
    if (definitions.some(d => pick(d) === false)) {
      return false;
    }
    return definitions.every(d => pick(d) === true) ? true : undefined;
  };
  const withVpc = definitions.map(d => d.vpcConfig);
  const vpcConfig = withVpc.every(
    v => v && v.subnets.length && v.securityGroupIds.length,
  )
    ? {
        subnets: [...new Set(withVpc.flatMap(v => v!.subnets))],
        securityGroupIds: [
          ...new Set(withVpc.flatMap(v => v!.securityGroupIds)),
        ],
      }
    : withVpc.find(v => !v || !v.subnets.length || !v.securityGroupIds.length);
  return {
    vpcConfig,
    volumeKmsKeyId: allHave(d => d.volumeKmsKeyId)
      ? definitions[0].volumeKmsKeyId
      : undefined,
    outputKmsKeyId: allHave(d => d.outputKmsKeyId)
      ? definitions[0].outputKmsKeyId
      : undefined,
    enableNetworkIsolation: allTrue(d => d.enableNetworkIsolation),
    enableInterContainerTrafficEncryption: allTrue(
      d => d.enableInterContainerTrafficEncryption,
    ),
    instanceCount:
      Math.max(...definitions.map(d => d.instanceCount ?? 0)) || undefined,
  };
}

function hyperParameterTuningJob(p: unknown): Settings {
  const single = field(p, 'TrainingJobDefinition');
  const many = records(field(p, 'TrainingJobDefinitions'));
  const definitions = [...(isRecord(single) ? [single] : []), ...many];
  return weakest(definitions.map(trainingLike));
}

function processingJob(p: unknown): Settings {
  const network = field(p, 'NetworkConfig');
  const cluster = path(p, 'ProcessingResources', 'ClusterConfig');
  const output = field(p, 'ProcessingOutputConfig');
  return {
    vpcConfig: vpc(field(network, 'VpcConfig')),
    volumeKmsKeyId: str(field(cluster, 'VolumeKmsKeyId')),
    outputKmsKeyId: str(field(output, 'KmsKeyId')),
    producesOutput: isRecord(output),
    enableNetworkIsolation: bool(field(network, 'EnableNetworkIsolation')),
    enableInterContainerTrafficEncryption: bool(
      field(network, 'EnableInterContainerTrafficEncryption'),
    ),
    instanceCount: num(field(cluster, 'InstanceCount')),
  };
}

function transformJob(p: unknown): Settings {
  const resources = field(p, 'TransformResources');
  return {
    volumeKmsKeyId: str(field(resources, 'VolumeKmsKeyId')),
    outputKmsKeyId: str(path(p, 'TransformOutput', 'KmsKeyId')),
    instanceCount: num(field(resources, 'InstanceCount')),
  };
}

function autoMLJob(p: unknown): Settings {
  // V1 nests SecurityConfig in AutoMLJobConfig; V2 has it at the top level.
  const security =
    path(p, 'AutoMLJobConfig', 'SecurityConfig') ?? field(p, 'SecurityConfig');
  return {
    vpcConfig: vpc(field(security, 'VpcConfig')),
    volumeKmsKeyId: str(field(security, 'VolumeKmsKeyId')),
    outputKmsKeyId: str(path(p, 'OutputDataConfig', 'KmsKeyId')),
    enableInterContainerTrafficEncryption: bool(
      field(security, 'EnableInterContainerTrafficEncryption'),
    ),
  };
}

function model(p: unknown): Settings {
  return {
    vpcConfig: vpc(field(p, 'VpcConfig')),
    enableNetworkIsolation: bool(field(p, 'EnableNetworkIsolation')),
  };
}

function notebookInstance(p: unknown): Settings {
  const subnet = str(field(p, 'SubnetId'));
  // CreateNotebookInstance says SecurityGroupIds, DescribeNotebookInstance SecurityGroups.
  const groups = strings(
    field(p, 'SecurityGroupIds') ?? field(p, 'SecurityGroups'),
  );
  return {
    vpcConfig:
      subnet || groups.length
        ? { subnets: subnet ? [subnet] : [], securityGroupIds: groups }
        : undefined,
    volumeKmsKeyId: str(field(p, 'KmsKeyId')),
    rootAccess: str(field(p, 'RootAccess')),
    directInternetAccess: str(field(p, 'DirectInternetAccess')),
  };
}

function endpointConfig(p: unknown): Settings {
  const capture = field(p, 'DataCaptureConfig');
  const asyncOutput = path(p, 'AsyncInferenceConfig', 'OutputConfig');
  const captures =
    isRecord(capture) && bool(field(capture, 'EnableCapture')) !== false;
  return {
    volumeKmsKeyId: str(field(p, 'KmsKeyId')),
    outputKmsKeyId:
      (captures ? str(field(capture, 'KmsKeyId')) : undefined) ??
      str(field(asyncOutput, 'KmsKeyId')),
    producesOutput: captures || isRecord(asyncOutput),
  };
}

/**
 * The image ARN of an image or image version ARN
 * (`…:image-version/<name>/<version>` becomes `…:image/<name>`).
 */
function imageOf(arn: string): string {
  const match =
    /^(arn:[^:]+:sagemaker:[^:]*:[^:]*:)image-version\/([^/]+)\/.*$/.exec(arn);
  return match ? `${match[1]}image/${match[2]}` : arn;
}

/** The image a resource spec names, as an image ARN. */
function specImage(spec: unknown): string | undefined {
  const arn =
    str(field(spec, 'SageMakerImageArn')) ??
    str(field(spec, 'SageMakerImageVersionArn'));
  return arn ? imageOf(arn) : undefined;
}

function unique(values: Array<string | undefined>): string[] | undefined {
  const set = [...new Set(values.filter((v): v is string => !!v))];
  return set.length > 0 ? set : undefined;
}

/**
 * The images offered by Studio settings (`UserSettings`, `SpaceSettings`,
 * `DefaultUserSettings`, `DefaultSpaceSettings`): every `…AppSettings`
 * member's `DefaultResourceSpec` image and `CustomImages` names.
 */
function studioImages(
  settings: unknown[],
): Pick<Settings, 'imageArns' | 'customImageNames'> {
  const appSettings = settings.flatMap(s =>
    isRecord(s)
      ? Object.entries(s)
          .filter(([key]) => /AppSettings$/i.test(key))
          .map(([, value]) => value)
      : [],
  );
  return {
    imageArns: unique(
      appSettings.map(a => specImage(field(a, 'DefaultResourceSpec'))),
    ),
    customImageNames: unique(
      appSettings.flatMap(a =>
        records(field(a, 'CustomImages')).map(c => str(field(c, 'ImageName'))),
      ),
    ),
  };
}

function domain(p: unknown): Settings {
  const userSettings = field(p, 'DefaultUserSettings');
  return {
    domainId: str(field(p, 'DomainId')),
    vpcConfig: {
      subnets: strings(field(p, 'SubnetIds')),
      securityGroupIds: strings(field(userSettings, 'SecurityGroups')),
    },
    volumeKmsKeyId:
      str(field(p, 'KmsKeyId')) ?? str(field(p, 'HomeEfsFileSystemKmsKeyId')),
    appNetworkAccessType: str(field(p, 'AppNetworkAccessType')),
    executionRoleArn: str(field(userSettings, 'ExecutionRole')),
    ...studioImages([userSettings, field(p, 'DefaultSpaceSettings')]),
  };
}

function userProfile(p: unknown): Settings {
  const userSettings = field(p, 'UserSettings');
  const groups = strings(field(userSettings, 'SecurityGroups'));
  return {
    domainId: str(field(p, 'DomainId')),
    vpcConfig: groups.length
      ? { subnets: [], securityGroupIds: groups }
      : undefined,
    executionRoleArn: str(field(userSettings, 'ExecutionRole')),
    ...studioImages([userSettings]),
  };
}

function space(p: unknown): Settings {
  const spaceSettings = field(p, 'SpaceSettings');
  return {
    domainId: str(field(p, 'DomainId')),
    userProfileName: str(path(p, 'OwnershipSettings', 'OwnerUserProfileName')),
    appType: str(field(spaceSettings, 'AppType')),
    sharingType: str(path(p, 'SpaceSharingSettings', 'SharingType')),
    ...studioImages([spaceSettings]),
  };
}

function app(p: unknown): Settings {
  return {
    domainId: str(field(p, 'DomainId')),
    userProfileName: str(field(p, 'UserProfileName')),
    spaceName: str(field(p, 'SpaceName')),
    appType: str(field(p, 'AppType')),
    imageArns: unique([specImage(field(p, 'ResourceSpec'))]),
  };
}

interface KindSpec {
  /** The Create/Describe field holding the name. */
  nameField: string;
  /** The Describe/response field holding the ARN. */
  arnField: string;
  /** The Describe field holding the status, if the kind has one. */
  statusField?: string;
  settings(payload: unknown): Settings;
}

/** @internal */
export const KIND_SPECS: Record<SageMakerWorkloadKind, KindSpec> = {
  TrainingJob: {
    nameField: 'TrainingJobName',
    arnField: 'TrainingJobArn',
    statusField: 'TrainingJobStatus',
    settings: trainingLike,
  },
  ProcessingJob: {
    nameField: 'ProcessingJobName',
    arnField: 'ProcessingJobArn',
    statusField: 'ProcessingJobStatus',
    settings: processingJob,
  },
  TransformJob: {
    nameField: 'TransformJobName',
    arnField: 'TransformJobArn',
    statusField: 'TransformJobStatus',
    settings: transformJob,
  },
  HyperParameterTuningJob: {
    nameField: 'HyperParameterTuningJobName',
    arnField: 'HyperParameterTuningJobArn',
    statusField: 'HyperParameterTuningJobStatus',
    settings: hyperParameterTuningJob,
  },
  AutoMLJob: {
    nameField: 'AutoMLJobName',
    arnField: 'AutoMLJobArn',
    statusField: 'AutoMLJobStatus',
    settings: autoMLJob,
  },
  Model: { nameField: 'ModelName', arnField: 'ModelArn', settings: model },
  NotebookInstance: {
    nameField: 'NotebookInstanceName',
    arnField: 'NotebookInstanceArn',
    statusField: 'NotebookInstanceStatus',
    settings: notebookInstance,
  },
  EndpointConfig: {
    nameField: 'EndpointConfigName',
    arnField: 'EndpointConfigArn',
    settings: endpointConfig,
  },
  Domain: {
    nameField: 'DomainName',
    arnField: 'DomainArn',
    statusField: 'Status',
    settings: domain,
  },
  UserProfile: {
    nameField: 'UserProfileName',
    arnField: 'UserProfileArn',
    statusField: 'Status',
    settings: userProfile,
  },
  Space: {
    nameField: 'SpaceName',
    arnField: 'SpaceArn',
    statusField: 'Status',
    settings: space,
  },
  App: {
    nameField: 'AppName',
    arnField: 'AppArn',
    statusField: 'Status',
    settings: app,
  },
};

/** Drops undefined fields so workloads compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * Builds a workload from a Create request or Describe output of `kind`.
 * Returns undefined when the payload has no resource name.
 *
 * @internal
 */
export function extractWorkload(
  kind: SageMakerWorkloadKind,
  payload: UnknownRecord,
  source: SageMakerWorkloadSource,
  extra: { arn?: string; tags?: unknown } = {},
): SageMakerWorkload | undefined {
  const spec = KIND_SPECS[kind];
  const name = str(field(payload, spec.nameField));
  if (!name) {
    return undefined;
  }
  return compact({
    kind,
    name,
    arn: extra.arn ?? str(field(payload, spec.arnField)),
    status: spec.statusField
      ? str(field(payload, spec.statusField))
      : undefined,
    ...compact(spec.settings(payload)),
    tags: tagMap(extra.tags ?? field(payload, 'Tags')),
    source,
  });
}
