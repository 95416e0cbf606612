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

/*
 * CloudTrail `requestParameters` (lowerCamelCase) of SageMaker Create* calls,
 * one compliant and one non-compliant request per kind, plus the requests of
 * the reference workshop's acceptance scenarios.
 */

import { SageMakerWorkloadKind } from '../types';

export const ACCOUNT_ID = '111122223333';
export const REGION = 'eu-west-1';
export const TEAM_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
export const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';
export const ROGUE_SUBNET = 'subnet-0ffffffffffff0009';
export const SAGEMAKER_SG = 'sg-0a1b2c3d4e5f60010';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/service-role/ds-notebook-role-fraud-dev-alice`;
/** Another team's role, which a `fraud` profile must not be given. */
export const OTHER_TEAM_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/service-role/ds-notebook-role-churn-dev-bob`;
/** The custom image approved for the domain (`products/studio-domain.yaml`'s `CustomImageName`). */
export const APPROVED_IMAGE_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:image/ds-custom-image`;
/** A custom image in the same account that nobody approved. */
export const ROGUE_IMAGE_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:image/rogue-image`;
/** SageMaker Distribution, owned by an AWS account: not a custom image. */
export const SAGEMAKER_DISTRIBUTION_IMAGE_ARN = `arn:aws:sagemaker:${REGION}:470317259841:image/sagemaker-distribution-cpu`;
export const DOMAIN_ID = 'd-abcdef123456';

const teamTags = [
  { key: 'TeamName', value: 'fraud' },
  { key: 'EnvironmentType', value: 'dev' },
];
const vpcConfig = {
  subnets: [SUBNET_A, SUBNET_B],
  securityGroupIds: [SAGEMAKER_SG],
};
const image = `141502667606.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1`;

/**
 * One kind's CloudTrail test requests.
 *
 * @public
 */
export interface CloudTrailFixture {
  eventName: string;
  kind: SageMakerWorkloadKind;
  name: string;
  compliant: Record<string, unknown>;
  nonCompliant: Record<string, unknown>;
  responseElements: Record<string, unknown>;
  /** Rule ids that the non-compliant request fails with the default rules and no context. */
  nonCompliantFails: string[];
}

const trainingDefinition = {
  algorithmSpecification: { trainingImage: image, trainingInputMode: 'File' },
  roleArn: ROLE_ARN,
  outputDataConfig: {
    s3OutputPath: 's3://ds-model-bucket-fraud-dev/out',
    kmsKeyId: TEAM_KEY_ARN,
  },
  resourceConfig: {
    instanceCount: 2,
    instanceType: 'ml.m5.xlarge',
    volumeSizeInGB: 5,
    volumeKmsKeyId: TEAM_KEY_ARN,
  },
  vpcConfig,
  enableNetworkIsolation: true,
  enableInterContainerTrafficEncryption: true,
  stoppingCondition: { maxRuntimeInSeconds: 3600 },
};

export const cloudTrailFixtures: Record<
  SageMakerWorkloadKind,
  CloudTrailFixture
> = {
  TrainingJob: {
    eventName: 'CreateTrainingJob',
    kind: 'TrainingJob',
    name: 'fraud-xgb-2026-11-26',
    compliant: {
      trainingJobName: 'fraud-xgb-2026-11-26',
      ...trainingDefinition,
      tags: teamTags,
    },
    nonCompliant: {
      trainingJobName: 'fraud-xgb-2026-11-26',
      algorithmSpecification: {
        trainingImage: image,
        trainingInputMode: 'File',
      },
      roleArn: ROLE_ARN,
      outputDataConfig: { s3OutputPath: 's3://ds-data-lake-abc/out' },
      resourceConfig: {
        instanceCount: 2,
        instanceType: 'ml.m5.xlarge',
        volumeSizeInGB: 5,
      },
      enableInterContainerTrafficEncryption: false,
      stoppingCondition: { maxRuntimeInSeconds: 3600 },
      tags: teamTags,
    },
    responseElements: {
      trainingJobArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:training-job/fraud-xgb-2026-11-26`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_NETWORK_ISOLATION',
      'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
    ],
  },
  ProcessingJob: {
    eventName: 'CreateProcessingJob',
    kind: 'ProcessingJob',
    name: 'fraud-preprocess-1',
    compliant: {
      processingJobName: 'fraud-preprocess-1',
      processingResources: {
        clusterConfig: {
          instanceCount: 1,
          instanceType: 'ml.c5.xlarge',
          volumeSizeInGB: 30,
          volumeKmsKeyId: TEAM_KEY_ARN,
        },
      },
      processingOutputConfig: {
        outputs: [
          {
            outputName: 'train',
            s3Output: {
              s3Uri: 's3://ds-data-bucket-fraud-dev/train',
              localPath: '/opt/ml/processing/train',
              s3UploadMode: 'EndOfJob',
            },
          },
        ],
        kmsKeyId: TEAM_KEY_ARN,
      },
      networkConfig: { enableNetworkIsolation: true, vpcConfig },
      appSpecification: { imageUri: image },
      roleArn: ROLE_ARN,
      tags: teamTags,
    },
    nonCompliant: {
      processingJobName: 'fraud-preprocess-1',
      processingResources: {
        clusterConfig: {
          instanceCount: 3,
          instanceType: 'ml.c5.xlarge',
          volumeSizeInGB: 30,
        },
      },
      processingOutputConfig: {
        outputs: [
          {
            outputName: 'train',
            s3Output: {
              s3Uri: 's3://ds-data-bucket-fraud-dev/train',
              localPath: '/opt/ml/processing/train',
              s3UploadMode: 'EndOfJob',
            },
          },
        ],
      },
      networkConfig: {
        enableNetworkIsolation: false,
        enableInterContainerTrafficEncryption: false,
      },
      appSpecification: { imageUri: image },
      roleArn: ROLE_ARN,
    },
    responseElements: {
      processingJobArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:processing-job/fraud-preprocess-1`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_NETWORK_ISOLATION',
      'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
    ],
  },
  TransformJob: {
    eventName: 'CreateTransformJob',
    kind: 'TransformJob',
    name: 'fraud-batch-score',
    compliant: {
      transformJobName: 'fraud-batch-score',
      modelName: 'fraud-xgb-model',
      transformInput: {
        dataSource: {
          s3DataSource: {
            s3DataType: 'S3Prefix',
            s3Uri: 's3://ds-data-bucket-fraud-dev/test',
          },
        },
      },
      transformOutput: {
        s3OutputPath: 's3://ds-model-bucket-fraud-dev/scores',
        kmsKeyId: TEAM_KEY_ARN,
      },
      transformResources: {
        instanceCount: 1,
        instanceType: 'ml.m5.xlarge',
        volumeKmsKeyId: TEAM_KEY_ARN,
      },
      tags: teamTags,
    },
    nonCompliant: {
      transformJobName: 'fraud-batch-score',
      modelName: 'fraud-xgb-model',
      transformInput: {
        dataSource: {
          s3DataSource: {
            s3DataType: 'S3Prefix',
            s3Uri: 's3://ds-data-bucket-fraud-dev/test',
          },
        },
      },
      transformOutput: {
        s3OutputPath: 's3://ds-model-bucket-fraud-dev/scores',
      },
      transformResources: { instanceCount: 1, instanceType: 'ml.m5.xlarge' },
    },
    responseElements: {
      transformJobArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:transform-job/fraud-batch-score`,
    },
    nonCompliantFails: ['SAGEMAKER_VOLUME_KMS_KEY', 'SAGEMAKER_OUTPUT_KMS_KEY'],
  },
  HyperParameterTuningJob: {
    eventName: 'CreateHyperParameterTuningJob',
    kind: 'HyperParameterTuningJob',
    name: 'fraud-hpo-1',
    compliant: {
      hyperParameterTuningJobName: 'fraud-hpo-1',
      hyperParameterTuningJobConfig: {
        strategy: 'Bayesian',
        resourceLimits: {
          maxNumberOfTrainingJobs: 10,
          maxParallelTrainingJobs: 2,
        },
      },
      trainingJobDefinition: trainingDefinition,
      tags: teamTags,
    },
    nonCompliant: {
      hyperParameterTuningJobName: 'fraud-hpo-1',
      hyperParameterTuningJobConfig: {
        strategy: 'Bayesian',
        resourceLimits: {
          maxNumberOfTrainingJobs: 10,
          maxParallelTrainingJobs: 2,
        },
      },
      // One compliant and one non-compliant definition: the weakest wins.
      trainingJobDefinitions: [
        { ...trainingDefinition, definitionName: 'good' },
        {
          definitionName: 'bad',
          algorithmSpecification: {
            trainingImage: image,
            trainingInputMode: 'File',
          },
          roleArn: ROLE_ARN,
          outputDataConfig: {
            s3OutputPath: 's3://ds-model-bucket-fraud-dev/out',
          },
          hyperParameterTuningResourceConfig: {
            instanceCount: 1,
            instanceType: 'ml.m5.xlarge',
            volumeSizeInGB: 5,
          },
          stoppingCondition: { maxRuntimeInSeconds: 3600 },
        },
      ],
    },
    responseElements: {
      hyperParameterTuningJobArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:hyper-parameter-tuning-job/fraud-hpo-1`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_NETWORK_ISOLATION',
      'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
    ],
  },
  AutoMLJob: {
    eventName: 'CreateAutoMLJob',
    kind: 'AutoMLJob',
    name: 'fraud-automl',
    compliant: {
      autoMLJobName: 'fraud-automl',
      inputDataConfig: [
        {
          dataSource: {
            s3DataSource: {
              s3DataType: 'S3Prefix',
              s3Uri: 's3://ds-data-bucket-fraud-dev/train',
            },
          },
          targetAttributeName: 'default',
        },
      ],
      outputDataConfig: {
        s3OutputPath: 's3://ds-model-bucket-fraud-dev/automl',
        kmsKeyId: TEAM_KEY_ARN,
      },
      autoMLJobConfig: {
        securityConfig: {
          volumeKmsKeyId: TEAM_KEY_ARN,
          enableInterContainerTrafficEncryption: true,
          vpcConfig,
        },
      },
      roleArn: ROLE_ARN,
      tags: teamTags,
    },
    nonCompliant: {
      autoMLJobName: 'fraud-automl',
      inputDataConfig: [
        {
          dataSource: {
            s3DataSource: {
              s3DataType: 'S3Prefix',
              s3Uri: 's3://ds-data-bucket-fraud-dev/train',
            },
          },
          targetAttributeName: 'default',
        },
      ],
      outputDataConfig: {
        s3OutputPath: 's3://ds-model-bucket-fraud-dev/automl',
      },
      roleArn: ROLE_ARN,
    },
    responseElements: {
      autoMLJobArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:automl-job/fraud-automl`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
    ],
  },
  Model: {
    eventName: 'CreateModel',
    kind: 'Model',
    name: 'fraud-xgb-model',
    compliant: {
      modelName: 'fraud-xgb-model',
      primaryContainer: {
        image,
        modelDataUrl: 's3://ds-model-bucket-fraud-dev/out/model.tar.gz',
      },
      executionRoleArn: ROLE_ARN,
      vpcConfig,
      enableNetworkIsolation: true,
      tags: teamTags,
    },
    nonCompliant: {
      modelName: 'fraud-xgb-model',
      primaryContainer: {
        image,
        modelDataUrl: 's3://ds-model-bucket-fraud-dev/out/model.tar.gz',
      },
      executionRoleArn: ROLE_ARN,
    },
    responseElements: {
      modelArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:model/fraud-xgb-model`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_NETWORK_ISOLATION',
    ],
  },
  NotebookInstance: {
    eventName: 'CreateNotebookInstance',
    kind: 'NotebookInstance',
    name: 'fraud-notebook',
    compliant: {
      notebookInstanceName: 'fraud-notebook',
      instanceType: 'ml.t3.medium',
      subnetId: SUBNET_A,
      securityGroupIds: [SAGEMAKER_SG],
      roleArn: ROLE_ARN,
      kmsKeyId: TEAM_KEY_ARN,
      directInternetAccess: 'Disabled',
      rootAccess: 'Disabled',
      tags: teamTags,
    },
    nonCompliant: {
      notebookInstanceName: 'fraud-notebook',
      instanceType: 'ml.t3.medium',
      roleArn: ROLE_ARN,
    },
    responseElements: {
      notebookInstanceArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:notebook-instance/fraud-notebook`,
    },
    nonCompliantFails: [
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_NOTEBOOK_ROOT_ACCESS_DISABLED',
      'SAGEMAKER_NOTEBOOK_DIRECT_INTERNET_DISABLED',
    ],
  },
  EndpointConfig: {
    eventName: 'CreateEndpointConfig',
    kind: 'EndpointConfig',
    name: 'fraud-endpoint-config',
    compliant: {
      endpointConfigName: 'fraud-endpoint-config',
      productionVariants: [
        {
          variantName: 'AllTraffic',
          modelName: 'fraud-xgb-model',
          initialInstanceCount: 1,
          instanceType: 'ml.m5.xlarge',
        },
      ],
      dataCaptureConfig: {
        enableCapture: true,
        initialSamplingPercentage: 100,
        destinationS3Uri:
          's3://ds-data-bucket-fraud-dev/monitoring/datacapture',
        kmsKeyId: TEAM_KEY_ARN,
        captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
      },
      kmsKeyId: TEAM_KEY_ARN,
      tags: teamTags,
    },
    nonCompliant: {
      endpointConfigName: 'fraud-endpoint-config',
      productionVariants: [
        {
          variantName: 'AllTraffic',
          modelName: 'fraud-xgb-model',
          initialInstanceCount: 1,
          instanceType: 'ml.m5.xlarge',
        },
      ],
      dataCaptureConfig: {
        enableCapture: true,
        initialSamplingPercentage: 100,
        destinationS3Uri:
          's3://ds-data-bucket-fraud-dev/monitoring/datacapture',
        captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
      },
    },
    responseElements: {
      endpointConfigArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:endpoint-config/fraud-endpoint-config`,
    },
    nonCompliantFails: [
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_ENDPOINT_CONFIG_KMS_KEY',
    ],
  },
  Domain: {
    eventName: 'CreateDomain',
    kind: 'Domain',
    name: 'ds-studio',
    compliant: {
      domainName: 'ds-studio',
      authMode: 'IAM',
      defaultUserSettings: {
        executionRole: ROLE_ARN,
        securityGroups: [SAGEMAKER_SG],
      },
      subnetIds: [SUBNET_A, SUBNET_B],
      vpcId: 'vpc-0a1b2c3d4e5f60000',
      appNetworkAccessType: 'VpcOnly',
      kmsKeyId: TEAM_KEY_ARN,
    },
    nonCompliant: {
      domainName: 'ds-studio',
      authMode: 'IAM',
      defaultUserSettings: { executionRole: ROLE_ARN },
      subnetIds: [SUBNET_A],
      vpcId: 'vpc-0a1b2c3d4e5f60000',
    },
    responseElements: {
      domainArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:domain/d-abcdef123456`,
      url: 'https://d-abcdef123456.studio.eu-west-1.sagemaker.aws',
    },
    nonCompliantFails: [
      'SAGEMAKER_DOMAIN_VPC_ONLY',
      'SAGEMAKER_DOMAIN_KMS_KEY',
    ],
  },
  UserProfile: {
    eventName: 'CreateUserProfile',
    kind: 'UserProfile',
    name: 'alice',
    compliant: {
      domainId: 'd-abcdef123456',
      userProfileName: 'alice',
      userSettings: { executionRole: ROLE_ARN, securityGroups: [SAGEMAKER_SG] },
      tags: teamTags,
    },
    // No default rule judges a profile without an approved-network context.
    nonCompliant: {
      domainId: 'd-abcdef123456',
      userProfileName: 'alice',
      userSettings: {
        executionRole: ROLE_ARN,
        securityGroups: ['sg-0ffffffffffff0099'],
      },
    },
    responseElements: {
      userProfileArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:user-profile/d-abcdef123456/alice`,
    },
    nonCompliantFails: [],
  },
  // Spaces and apps fail only against a Studio policy (fraudStudioContext).
  Space: {
    eventName: 'CreateSpace',
    kind: 'Space',
    name: 'alice-lab',
    compliant: {
      domainId: DOMAIN_ID,
      spaceName: 'alice-lab',
      ownershipSettings: { ownerUserProfileName: 'alice' },
      spaceSharingSettings: { sharingType: 'Private' },
      spaceSettings: {
        appType: 'JupyterLab',
        jupyterLabAppSettings: {
          defaultResourceSpec: {
            instanceType: 'ml.t3.medium',
            sageMakerImageArn: SAGEMAKER_DISTRIBUTION_IMAGE_ARN,
          },
          customImages: [
            { imageName: 'ds-custom-image', appImageConfigName: 'ds-custom' },
          ],
        },
      },
      tags: teamTags,
    },
    nonCompliant: {
      domainId: DOMAIN_ID,
      spaceName: 'alice-lab',
      spaceSharingSettings: { sharingType: 'Shared' },
      spaceSettings: {
        appType: 'JupyterLab',
        jupyterLabAppSettings: {
          defaultResourceSpec: { sageMakerImageArn: ROGUE_IMAGE_ARN },
        },
      },
    },
    responseElements: {
      spaceArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:space/${DOMAIN_ID}/alice-lab`,
    },
    nonCompliantFails: [],
  },
  App: {
    eventName: 'CreateApp',
    kind: 'App',
    name: 'default',
    compliant: {
      domainId: DOMAIN_ID,
      spaceName: 'alice-lab',
      appType: 'JupyterLab',
      appName: 'default',
      resourceSpec: {
        instanceType: 'ml.t3.medium',
        sageMakerImageArn: APPROVED_IMAGE_ARN,
      },
      tags: teamTags,
    },
    nonCompliant: {
      domainId: DOMAIN_ID,
      spaceName: 'alice-lab',
      appType: 'JupyterLab',
      appName: 'default',
      resourceSpec: {
        instanceType: 'ml.t3.medium',
        sageMakerImageVersionArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:image-version/rogue-image/3`,
      },
    },
    responseElements: {
      appArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:app/${DOMAIN_ID}/alice-lab/jupyterlab/default`,
    },
    nonCompliantFails: [],
  },
};

/**
 * The Studio policy of team `fraud`, for `ComplianceContext`: the approved
 * custom image, the team's execution role, and no shared spaces.
 */
export const fraudStudioContext = {
  approvedImageArns: [APPROVED_IMAGE_ARN],
  allowedExecutionRoleArns: [ROLE_ARN],
  allowSharedSpaces: false,
};

/** The approved network of team `fraud`, for `ComplianceContext`. */
export const fraudTeamContext = {
  allowedSubnetIds: [SUBNET_A, SUBNET_B],
  allowedSecurityGroupIds: [SAGEMAKER_SG],
};

/** Workshop notebook 00, step N9: XGBoost training without subnets or security groups. */
export const scenarioN9TrainWithoutVpc = {
  trainingJobName: 'sagemaker-xgboost-2026-11-26-10-00-00-000',
  algorithmSpecification: {
    trainingImage: image,
    trainingInputMode: 'File',
    enableSageMakerMetricsTimeSeries: false,
  },
  roleArn: ROLE_ARN,
  inputDataConfig: [
    {
      channelName: 'train',
      dataSource: {
        s3DataSource: {
          s3DataType: 'S3Prefix',
          s3Uri: 's3://ds-data-lake-abc/secure-sagemaker-demo/train',
        },
      },
    },
  ],
  outputDataConfig: {
    s3OutputPath: 's3://ds-model-bucket-fraud-dev/secure-sagemaker-demo',
  },
  resourceConfig: {
    instanceCount: 1,
    instanceType: 'ml.m4.xlarge',
    volumeSizeInGB: 5,
  },
  stoppingCondition: { maxRuntimeInSeconds: 3600, maxWaitTimeInSeconds: 3600 },
  enableManagedSpotTraining: true,
  enableInterContainerTrafficEncryption: false,
};

/** Step N10: the same job with subnets, security groups and a volume key; it must complete. */
export const scenarioN10TrainWithVpc = {
  ...scenarioN9TrainWithoutVpc,
  trainingJobName: 'sagemaker-xgboost-2026-11-26-10-30-00-000',
  resourceConfig: {
    instanceCount: 1,
    instanceType: 'ml.m4.xlarge',
    volumeSizeInGB: 5,
    volumeKmsKeyId: TEAM_KEY_ARN,
  },
  vpcConfig,
};

/** Notebook 02, step D2: a model in the VPC without network isolation; it must not be deleted. */
export const scenarioD2ModelInVpc = {
  modelName: 'fraud-xgb-model-d2',
  primaryContainer: {
    image,
    modelDataUrl: 's3://ds-model-bucket-fraud-dev/out/model.tar.gz',
  },
  executionRoleArn: ROLE_ARN,
  vpcConfig,
  enableNetworkIsolation: false,
};

/** Step D3: endpoint config with data capture and no KmsKeyId; the endpoint must reach InService. */
export const scenarioD3EndpointConfig =
  cloudTrailFixtures.EndpointConfig.nonCompliant;

/** Derived scenario: CreateModel without VpcConfig is deleted by the detective control. */
export const scenarioModelWithoutVpc = cloudTrailFixtures.Model.nonCompliant;
