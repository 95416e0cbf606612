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
  DEFAULT_PLATFORM_STACK_NAME,
  SeedTarget,
  stackFailure,
  stackRecord,
} from './seedPlatform';

/** Who and what the demo estate holds. */
export interface DemoEstateOptions {
  /** The shared-services root stack seeded by `seedPlatform`. Default `sagemaker-studio-shared-services`. */
  platformStackName?: string;
  /** Environment type of the demo teams. Default `dev`. */
  envType?: string;
}

/** What the demo estate contains, by provisioned-product name. */
export interface DemoEstate {
  domainId: string;
  provisionedProducts: Record<string, string>;
  trainingJobs: { compliant: string[]; nonCompliant: string[] };
  processingJobs: { nonCompliant: string[] };
}

export const DEMO_TEAMS = ['fraud-detection', 'recommendations'] as const;

export const DEMO_PROFILES = [
  {
    team: 'fraud-detection',
    user: 'alice',
    version: 'v2',
    email: 'alice@example.com',
  },
  {
    team: 'fraud-detection',
    user: 'bob',
    version: 'v1',
    email: 'bob@example.com',
  },
  {
    team: 'recommendations',
    user: 'carol',
    version: 'v1',
    email: 'carol@example.com',
  },
] as const;

type Parameters = Record<string, string>;

async function platformOutputs(
  sandbox: SeedTarget,
  stackName: string,
): Promise<Record<string, string>> {
  try {
    const { Stacks } = await sandbox.invoke(
      'cloudformation',
      'DescribeStacks',
      { StackName: stackName },
    );
    const stack = stackRecord(sandbox, Stacks[0].StackId);
    if (
      stack?.status === 'CREATE_COMPLETE' ||
      stack?.status === 'UPDATE_COMPLETE'
    ) {
      return Object.fromEntries(
        stack.outputs.map(output => [output.key, output.value]),
      );
    }
  } catch {
    // Reported below with the remedy.
  }
  throw new Error(
    `Cannot seed the demo estate: the platform stack ${stackName} is not deployed; call seedPlatform first.`,
  );
}

async function artifactId(
  sandbox: SeedTarget,
  productId: string,
  name: string,
): Promise<string> {
  const { ProvisioningArtifactDetails } = await sandbox.invoke(
    'servicecatalog',
    'ListProvisioningArtifacts',
    { ProductId: productId },
  );
  const artifact = ProvisioningArtifactDetails.find(
    (candidate: { Name: string }) => candidate.Name === name,
  );
  if (!artifact) {
    throw new Error(
      `Cannot seed the demo estate: product ${productId} has no version ${name}`,
    );
  }
  return artifact.Id;
}

async function findProvisioned(
  sandbox: SeedTarget,
  name: string,
): Promise<
  | { Id: string; PhysicalId?: string; Status: string; StatusMessage?: string }
  | undefined
> {
  const { ProvisionedProducts } = await sandbox.invoke(
    'servicecatalog',
    'SearchProvisionedProducts',
    {
      Filters: { SearchQuery: [`name:${name}`] },
    },
  );
  return ProvisionedProducts[0];
}

/** Provisions through Service Catalog, as a user would; a product already provisioned is reused. */
async function provision(
  sandbox: SeedTarget,
  name: string,
  productId: string,
  version: string,
  parameters: Parameters,
): Promise<{ id: string; outputs: Record<string, string> }> {
  if (!(await findProvisioned(sandbox, name))) {
    await sandbox.invoke('servicecatalog', 'ProvisionProduct', {
      ProductId: productId,
      ProvisioningArtifactId: await artifactId(sandbox, productId, version),
      ProvisionedProductName: name,
      ProvisionToken: `demo-estate-${name}`,
      ProvisioningParameters: Object.entries(parameters).map(
        ([Key, Value]) => ({ Key, Value }),
      ),
      Tags: [{ Key: 'Demo', Value: 'true' }],
    });
  }
  const provisioned = await findProvisioned(sandbox, name);
  // The engine's final record is known at once, even while the stack still shows in progress.
  const stack = provisioned?.PhysicalId
    ? stackRecord(sandbox, provisioned.PhysicalId)
    : undefined;
  if (
    !provisioned ||
    !stack ||
    (stack.status !== 'CREATE_COMPLETE' && stack.status !== 'UPDATE_COMPLETE')
  ) {
    const reason = stack
      ? stackFailure(sandbox, stack)
      : provisioned?.StatusMessage ?? provisioned?.Status ?? 'not provisioned';
    throw new Error(
      `Cannot seed the demo estate: provisioning ${name} failed: ${reason}`,
    );
  }
  const id = provisioned.Id;
  return {
    id,
    outputs: Object.fromEntries(
      stack.outputs.map(output => [output.key, output.value]),
    ),
  };
}

async function exportValue(sandbox: SeedTarget, name: string): Promise<string> {
  let token: string | undefined;
  do {
    const page = await sandbox.invoke('cloudformation', 'ListExports', {
      NextToken: token,
    });
    const found = page.Exports.find(
      (candidate: { Name: string }) => candidate.Name === name,
    );
    if (found) {
      return found.Value;
    }
    token = page.NextToken;
  } while (token);
  throw new Error(`Cannot seed the demo estate: export ${name} not found`);
}

async function createJobIfMissing(
  sandbox: SeedTarget,
  operation: string,
  nameMember: string,
  input: Record<string, unknown>,
): Promise<string> {
  try {
    await sandbox.invoke('sagemaker', operation, input);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ResourceInUse') {
      throw error;
    }
  }
  return String(input[nameMember]);
}

/**
 * Adds a demo estate on top of the seeded platform, all through the real APIs: a Studio
 * domain, two team environments and three user profiles provisioned through Service
 * Catalog, and SageMaker jobs that follow the rules or break them (no VPC, no KMS key).
 */
export async function seedDemoEstate(
  sandbox: SeedTarget,
  options: DemoEstateOptions = {},
): Promise<DemoEstate> {
  const outputs = await platformOutputs(
    sandbox,
    options.platformStackName ?? DEFAULT_PLATFORM_STACK_NAME,
  );
  const envType = options.envType ?? 'dev';
  const provisioned: Record<string, string> = {};

  const domain = await provision(
    sandbox,
    'studio-domain',
    outputs.StudioDomainProductId,
    'v1',
    {},
  );
  provisioned['studio-domain'] = domain.id;

  const teams: Record<string, Record<string, string>> = {};
  for (const team of DEMO_TEAMS) {
    const environment = await provision(
      sandbox,
      `team-${team}-${envType}`,
      outputs.TeamEnvironmentProductId,
      'v1',
      {
        TeamName: team,
        EnvType: envType,
      },
    );
    provisioned[`team-${team}-${envType}`] = environment.id;
    teams[team] = environment.outputs;
  }

  const profiles: Record<string, Record<string, string>> = {};
  for (const profile of DEMO_PROFILES) {
    const name = `profile-${profile.team}-${profile.user}`;
    const result = await provision(
      sandbox,
      name,
      outputs.UserProfileProductId,
      profile.version,
      {
        TeamName: profile.team,
        EnvType: envType,
        StudioUserProfileName: `${profile.user}-${profile.team}`.slice(0, 24),
        OwnerEmail: profile.email,
      },
    );
    provisioned[name] = result.id;
    profiles[profile.user] = result.outputs;
  }

  const sharedServicesName = outputs.PortfolioId
    ? await sharedServicesNameOf(sandbox, outputs)
    : 'ds-shared';
  const subnets = [1, 2, 3].map(index =>
    exportValue(sandbox, `${sharedServicesName}-subnet-${index}-id`),
  );
  const subnetIds = await Promise.all(subnets);
  const compliant: string[] = [];
  const nonCompliant: string[] = [];
  const processing: string[] = [];
  for (const team of DEMO_TEAMS) {
    const environment = teams[team];
    const user = DEMO_PROFILES.find(profile => profile.team === team)!.user;
    const roleArn =
      profiles[user].ExecutionRoleArn ?? environment.TeamUserRoleArn;
    const tags = [
      { Key: 'TeamName', Value: team },
      { Key: 'EnvironmentType', Value: envType },
    ];
    const baseJob = {
      RoleArn: roleArn,
      AlgorithmSpecification: {
        TrainingImage:
          '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
        TrainingInputMode: 'File',
      },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      Tags: tags,
    };
    compliant.push(
      await createJobIfMissing(
        sandbox,
        'CreateTrainingJob',
        'TrainingJobName',
        {
          ...baseJob,
          TrainingJobName: `${team}-xgboost-compliant`,
          OutputDataConfig: {
            S3OutputPath: `s3://${environment.ModelBucketName}/output`,
            KmsKeyId: environment.TeamKmsKeyArn,
          },
          ResourceConfig: {
            InstanceType: 'ml.m5.xlarge',
            InstanceCount: 1,
            VolumeSizeInGB: 30,
            VolumeKmsKeyId: environment.TeamKmsKeyArn,
          },
          VpcConfig: {
            Subnets: subnetIds,
            SecurityGroupIds: [environment.TeamSecurityGroupId],
          },
          EnableInterContainerTrafficEncryption: true,
          EnableNetworkIsolation: true,
        },
      ),
    );
    nonCompliant.push(
      await createJobIfMissing(
        sandbox,
        'CreateTrainingJob',
        'TrainingJobName',
        {
          ...baseJob,
          TrainingJobName: `${team}-xgboost-no-vpc`,
          OutputDataConfig: {
            S3OutputPath: `s3://${environment.ModelBucketName}/output`,
          },
          ResourceConfig: {
            InstanceType: 'ml.m5.xlarge',
            InstanceCount: 1,
            VolumeSizeInGB: 30,
          },
        },
      ),
    );
    processing.push(
      await createJobIfMissing(
        sandbox,
        'CreateProcessingJob',
        'ProcessingJobName',
        {
          ProcessingJobName: `${team}-feature-prep-no-kms`,
          RoleArn: roleArn,
          AppSpecification: {
            ImageUri:
              '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
          },
          ProcessingResources: {
            ClusterConfig: {
              InstanceType: 'ml.m5.large',
              InstanceCount: 1,
              VolumeSizeInGB: 30,
            },
          },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          Tags: tags,
        },
      ),
    );
  }
  return {
    domainId: domain.outputs.StudioDomainId,
    provisionedProducts: provisioned,
    trainingJobs: { compliant, nonCompliant },
    processingJobs: { nonCompliant: processing },
  };
}

async function sharedServicesNameOf(
  sandbox: SeedTarget,
  outputs: Record<string, string>,
): Promise<string> {
  const { Exports } = await sandbox.invoke('cloudformation', 'ListExports', {});
  const portfolioExport = (
    Exports as Array<{ Name: string; Value: string }>
  ).find(
    candidate =>
      candidate.Value === outputs.PortfolioId &&
      candidate.Name.endsWith('-portfolio-id'),
  );
  return portfolioExport
    ? portfolioExport.Name.slice(0, -'-portfolio-id'.length)
    : 'ds-shared';
}
