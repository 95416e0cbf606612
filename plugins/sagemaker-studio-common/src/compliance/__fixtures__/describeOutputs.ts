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
 * SDK Describe* outputs (PascalCase), one compliant and one non-compliant
 * output per kind. The non-compliant ones fail the same rules as the
 * matching CloudTrail fixtures, so both normalisers can be checked against
 * one expectation.
 */

import { SageMakerWorkloadKind } from '../types';
import {
  ACCOUNT_ID,
  APPROVED_IMAGE_ARN,
  DOMAIN_ID,
  REGION,
  ROGUE_IMAGE_ARN,
  ROLE_ARN,
  SAGEMAKER_DISTRIBUTION_IMAGE_ARN,
  SAGEMAKER_SG,
  SUBNET_A,
  SUBNET_B,
  TEAM_KEY_ARN,
} from './cloudTrailRequests';

const arn = (type: string, name: string) =>
  `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:${type}/${name}`;
const VpcConfig = {
  Subnets: [SUBNET_A, SUBNET_B],
  SecurityGroupIds: [SAGEMAKER_SG],
};
const created = new Date('2026-11-26T09:00:00Z');

/**
 * One kind's Describe* test outputs.
 *
 * @public
 */
export interface DescribeFixture {
  kind: SageMakerWorkloadKind;
  compliant: Record<string, unknown>;
  nonCompliant: Record<string, unknown>;
}

const trainingDefinition = {
  AlgorithmSpecification: {
    TrainingImage: 'xgboost',
    TrainingInputMode: 'File',
  },
  RoleArn: ROLE_ARN,
  OutputDataConfig: {
    S3OutputPath: 's3://ds-model-bucket-fraud-dev/out',
    KmsKeyId: TEAM_KEY_ARN,
  },
  ResourceConfig: {
    InstanceCount: 2,
    InstanceType: 'ml.m5.xlarge',
    VolumeSizeInGB: 5,
    VolumeKmsKeyId: TEAM_KEY_ARN,
  },
  VpcConfig,
  EnableNetworkIsolation: true,
  EnableInterContainerTrafficEncryption: true,
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
};

export const describeFixtures: Record<SageMakerWorkloadKind, DescribeFixture> =
  {
    TrainingJob: {
      kind: 'TrainingJob',
      compliant: {
        TrainingJobName: 'fraud-xgb-2026-11-26',
        TrainingJobArn: arn('training-job', 'fraud-xgb-2026-11-26'),
        TrainingJobStatus: 'InProgress',
        SecondaryStatus: 'Downloading',
        CreationTime: created,
        ...trainingDefinition,
      },
      nonCompliant: {
        TrainingJobName: 'fraud-xgb-2026-11-26',
        TrainingJobArn: arn('training-job', 'fraud-xgb-2026-11-26'),
        TrainingJobStatus: 'InProgress',
        CreationTime: created,
        AlgorithmSpecification: {
          TrainingImage: 'xgboost',
          TrainingInputMode: 'File',
        },
        OutputDataConfig: { S3OutputPath: 's3://ds-data-lake-abc/out' },
        ResourceConfig: {
          InstanceCount: 2,
          InstanceType: 'ml.m5.xlarge',
          VolumeSizeInGB: 5,
        },
        EnableNetworkIsolation: false,
        EnableInterContainerTrafficEncryption: false,
      },
    },
    ProcessingJob: {
      kind: 'ProcessingJob',
      compliant: {
        ProcessingJobName: 'fraud-preprocess-1',
        ProcessingJobArn: arn('processing-job', 'fraud-preprocess-1'),
        ProcessingJobStatus: 'InProgress',
        ProcessingResources: {
          ClusterConfig: {
            InstanceCount: 1,
            InstanceType: 'ml.c5.xlarge',
            VolumeSizeInGB: 30,
            VolumeKmsKeyId: TEAM_KEY_ARN,
          },
        },
        ProcessingOutputConfig: { Outputs: [], KmsKeyId: TEAM_KEY_ARN },
        NetworkConfig: { EnableNetworkIsolation: true, VpcConfig },
        AppSpecification: { ImageUri: 'sklearn' },
        RoleArn: ROLE_ARN,
      },
      nonCompliant: {
        ProcessingJobName: 'fraud-preprocess-1',
        ProcessingJobArn: arn('processing-job', 'fraud-preprocess-1'),
        ProcessingJobStatus: 'InProgress',
        ProcessingResources: {
          ClusterConfig: {
            InstanceCount: 3,
            InstanceType: 'ml.c5.xlarge',
            VolumeSizeInGB: 30,
          },
        },
        ProcessingOutputConfig: { Outputs: [] },
        NetworkConfig: {
          EnableNetworkIsolation: false,
          EnableInterContainerTrafficEncryption: false,
        },
        AppSpecification: { ImageUri: 'sklearn' },
        RoleArn: ROLE_ARN,
      },
    },
    TransformJob: {
      kind: 'TransformJob',
      compliant: {
        TransformJobName: 'fraud-batch-score',
        TransformJobArn: arn('transform-job', 'fraud-batch-score'),
        TransformJobStatus: 'InProgress',
        ModelName: 'fraud-xgb-model',
        TransformOutput: {
          S3OutputPath: 's3://ds-model-bucket-fraud-dev/scores',
          KmsKeyId: TEAM_KEY_ARN,
        },
        TransformResources: {
          InstanceCount: 1,
          InstanceType: 'ml.m5.xlarge',
          VolumeKmsKeyId: TEAM_KEY_ARN,
        },
      },
      nonCompliant: {
        TransformJobName: 'fraud-batch-score',
        TransformJobArn: arn('transform-job', 'fraud-batch-score'),
        TransformJobStatus: 'InProgress',
        ModelName: 'fraud-xgb-model',
        TransformOutput: {
          S3OutputPath: 's3://ds-model-bucket-fraud-dev/scores',
        },
        TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge' },
      },
    },
    HyperParameterTuningJob: {
      kind: 'HyperParameterTuningJob',
      compliant: {
        HyperParameterTuningJobName: 'fraud-hpo-1',
        HyperParameterTuningJobArn: arn(
          'hyper-parameter-tuning-job',
          'fraud-hpo-1',
        ),
        HyperParameterTuningJobStatus: 'InProgress',
        TrainingJobDefinition: trainingDefinition,
      },
      nonCompliant: {
        HyperParameterTuningJobName: 'fraud-hpo-1',
        HyperParameterTuningJobArn: arn(
          'hyper-parameter-tuning-job',
          'fraud-hpo-1',
        ),
        HyperParameterTuningJobStatus: 'InProgress',
        TrainingJobDefinition: {
          AlgorithmSpecification: {
            TrainingImage: 'xgboost',
            TrainingInputMode: 'File',
          },
          RoleArn: ROLE_ARN,
          OutputDataConfig: {
            S3OutputPath: 's3://ds-model-bucket-fraud-dev/out',
          },
          ResourceConfig: {
            InstanceCount: 1,
            InstanceType: 'ml.m5.xlarge',
            VolumeSizeInGB: 5,
          },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      },
    },
    AutoMLJob: {
      kind: 'AutoMLJob',
      // DescribeAutoMLJobV2 shape: SecurityConfig at the top level.
      compliant: {
        AutoMLJobName: 'fraud-automl',
        AutoMLJobArn: arn('automl-job', 'fraud-automl'),
        AutoMLJobStatus: 'InProgress',
        OutputDataConfig: {
          S3OutputPath: 's3://ds-model-bucket-fraud-dev/automl',
          KmsKeyId: TEAM_KEY_ARN,
        },
        SecurityConfig: {
          VolumeKmsKeyId: TEAM_KEY_ARN,
          EnableInterContainerTrafficEncryption: true,
          VpcConfig,
        },
        RoleArn: ROLE_ARN,
      },
      nonCompliant: {
        AutoMLJobName: 'fraud-automl',
        AutoMLJobArn: arn('automl-job', 'fraud-automl'),
        AutoMLJobStatus: 'InProgress',
        OutputDataConfig: {
          S3OutputPath: 's3://ds-model-bucket-fraud-dev/automl',
        },
        AutoMLJobConfig: { CompletionCriteria: { MaxCandidates: 10 } },
        RoleArn: ROLE_ARN,
      },
    },
    Model: {
      kind: 'Model',
      compliant: {
        ModelName: 'fraud-xgb-model',
        ModelArn: arn('model', 'fraud-xgb-model'),
        ExecutionRoleArn: ROLE_ARN,
        VpcConfig,
        EnableNetworkIsolation: true,
        CreationTime: created,
      },
      nonCompliant: {
        ModelName: 'fraud-xgb-model',
        ModelArn: arn('model', 'fraud-xgb-model'),
        ExecutionRoleArn: ROLE_ARN,
        EnableNetworkIsolation: false,
        CreationTime: created,
      },
    },
    NotebookInstance: {
      kind: 'NotebookInstance',
      compliant: {
        NotebookInstanceName: 'fraud-notebook',
        NotebookInstanceArn: arn('notebook-instance', 'fraud-notebook'),
        NotebookInstanceStatus: 'InService',
        SubnetId: SUBNET_A,
        SecurityGroups: [SAGEMAKER_SG],
        KmsKeyId: TEAM_KEY_ARN,
        DirectInternetAccess: 'Disabled',
        RootAccess: 'Disabled',
        RoleArn: ROLE_ARN,
      },
      nonCompliant: {
        NotebookInstanceName: 'fraud-notebook',
        NotebookInstanceArn: arn('notebook-instance', 'fraud-notebook'),
        NotebookInstanceStatus: 'InService',
        DirectInternetAccess: 'Enabled',
        RootAccess: 'Enabled',
        RoleArn: ROLE_ARN,
      },
    },
    EndpointConfig: {
      kind: 'EndpointConfig',
      compliant: {
        EndpointConfigName: 'fraud-endpoint-config',
        EndpointConfigArn: arn('endpoint-config', 'fraud-endpoint-config'),
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'fraud-xgb-model',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.xlarge',
          },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: 100,
          DestinationS3Uri: 's3://ds-data-bucket-fraud-dev/capture',
          KmsKeyId: TEAM_KEY_ARN,
        },
        KmsKeyId: TEAM_KEY_ARN,
      },
      nonCompliant: {
        EndpointConfigName: 'fraud-endpoint-config',
        EndpointConfigArn: arn('endpoint-config', 'fraud-endpoint-config'),
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'fraud-xgb-model',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.xlarge',
          },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: 100,
          DestinationS3Uri: 's3://ds-data-bucket-fraud-dev/capture',
        },
      },
    },
    Domain: {
      kind: 'Domain',
      compliant: {
        DomainId: 'd-abcdef123456',
        DomainArn: arn('domain', 'd-abcdef123456'),
        DomainName: 'ds-studio',
        Status: 'InService',
        AuthMode: 'IAM',
        DefaultUserSettings: {
          ExecutionRole: ROLE_ARN,
          SecurityGroups: [SAGEMAKER_SG],
        },
        SubnetIds: [SUBNET_A, SUBNET_B],
        VpcId: 'vpc-0a1b2c3d4e5f60000',
        AppNetworkAccessType: 'VpcOnly',
        KmsKeyId: TEAM_KEY_ARN,
      },
      nonCompliant: {
        DomainId: 'd-abcdef123456',
        DomainArn: arn('domain', 'd-abcdef123456'),
        DomainName: 'ds-studio',
        Status: 'InService',
        AuthMode: 'IAM',
        DefaultUserSettings: { ExecutionRole: ROLE_ARN },
        SubnetIds: [SUBNET_A],
        VpcId: 'vpc-0a1b2c3d4e5f60000',
        AppNetworkAccessType: 'PublicInternetOnly',
      },
    },
    UserProfile: {
      kind: 'UserProfile',
      compliant: {
        DomainId: 'd-abcdef123456',
        UserProfileArn: arn('user-profile', 'd-abcdef123456/alice'),
        UserProfileName: 'alice',
        Status: 'InService',
        UserSettings: {
          ExecutionRole: ROLE_ARN,
          SecurityGroups: [SAGEMAKER_SG],
        },
      },
      nonCompliant: {
        DomainId: 'd-abcdef123456',
        UserProfileArn: arn('user-profile', 'd-abcdef123456/alice'),
        UserProfileName: 'alice',
        Status: 'InService',
        UserSettings: {
          ExecutionRole: ROLE_ARN,
          SecurityGroups: ['sg-0ffffffffffff0099'],
        },
      },
    },
    Space: {
      kind: 'Space',
      compliant: {
        DomainId: DOMAIN_ID,
        SpaceArn: arn('space', `${DOMAIN_ID}/alice-lab`),
        SpaceName: 'alice-lab',
        Status: 'InService',
        OwnershipSettings: { OwnerUserProfileName: 'alice' },
        SpaceSharingSettings: { SharingType: 'Private' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: {
            DefaultResourceSpec: {
              InstanceType: 'ml.t3.medium',
              SageMakerImageArn: SAGEMAKER_DISTRIBUTION_IMAGE_ARN,
            },
          },
        },
      },
      nonCompliant: {
        DomainId: DOMAIN_ID,
        SpaceArn: arn('space', `${DOMAIN_ID}/alice-lab`),
        SpaceName: 'alice-lab',
        Status: 'InService',
        SpaceSharingSettings: { SharingType: 'Shared' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: {
            DefaultResourceSpec: { SageMakerImageArn: ROGUE_IMAGE_ARN },
          },
        },
      },
    },
    App: {
      kind: 'App',
      compliant: {
        AppArn: arn('app', `${DOMAIN_ID}/alice-lab/jupyterlab/default`),
        AppType: 'JupyterLab',
        AppName: 'default',
        DomainId: DOMAIN_ID,
        SpaceName: 'alice-lab',
        Status: 'InService',
        ResourceSpec: {
          InstanceType: 'ml.t3.medium',
          SageMakerImageArn: APPROVED_IMAGE_ARN,
        },
      },
      nonCompliant: {
        AppArn: arn('app', `${DOMAIN_ID}/alice-lab/jupyterlab/default`),
        AppType: 'JupyterLab',
        AppName: 'default',
        DomainId: DOMAIN_ID,
        SpaceName: 'alice-lab',
        Status: 'InService',
        ResourceSpec: {
          InstanceType: 'ml.t3.medium',
          SageMakerImageArn: ROGUE_IMAGE_ARN,
        },
      },
    },
  };
