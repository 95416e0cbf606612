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

/** One user profile of the demo estate, as the portal would have provisioned it. */
export interface DemoProfile {
  /** The team (the `TeamName` parameter and tag). */
  team: string;
  /** The Backstage user it is for (entity name in `examples/org.yaml`). */
  user: string;
  /** The Studio user profile name (the user's `sagemaker-studio.aws/user-profile` annotation). */
  profileName: string;
  /** The user profile product version to launch. */
  version: string;
  email: string;
  /** Name of its provisioned product. Default `profile-<team>-<profileName>`, as the portal names it. */
  provisionedProductName?: string;
}

/**
 * Which people an estate is for: `local-identities`, the people of
 * `examples/org.yaml` with the portal's tags on everything (what `--demo`
 * seeds); `test-fixtures`, the estate the backend plugin's tests were written
 * against (profiles of alice, bob and carol, no portal tags).
 */
export type DemoEstatePreset = 'local-identities' | 'test-fixtures';

/** Who and what the demo estate holds. */
export interface DemoEstateOptions {
  /**
   * The people and tags, see {@link DemoEstatePreset}. Default
   * `test-fixtures`, which the backend plugin's tests still rely on.
   */
  preset?: DemoEstatePreset;
  /** The shared-services root stack seeded by `seedPlatform`. Default `sagemaker-studio-shared-services`. */
  platformStackName?: string;
  /** Environment type of the demo teams. Default `dev`. */
  envType?: string;
  /** Teams given an environment. Default {@link DEMO_TEAMS}. */
  teams?: readonly string[];
  /** User profiles, in teams among `teams`. Default: the preset's ({@link DEMO_PROFILES} or {@link FIXTURE_PROFILES}). */
  profiles?: readonly DemoProfile[];
  /** The Backstage user the domain was provisioned for. Default `user:default/ada-admin`. */
  domainRequestedFor?: string;
  /** Whether to add the compliant and non-compliant SageMaker jobs. Default true. */
  jobs?: boolean;
}

/** What the demo estate contains, by provisioned-product name. */
export interface DemoEstate {
  accountId: string;
  region: string;
  domainId: string;
  provisionedProducts: Record<string, string>;
  trainingJobs: { compliant: string[]; nonCompliant: string[] };
  processingJobs: { nonCompliant: string[] };
}

/** The teams of `examples/org.yaml`. */
export const DEMO_TEAMS = ['fraud-detection', 'recommendations'] as const;

/**
 * The people of `examples/org.yaml` (the local sign-in identities) who have a
 * Studio user profile: Dana in fraud-detection, on v1 so that the upgrade to
 * v2 can be tried, and Sam, who leads recommendations.
 */
export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    team: 'fraud-detection',
    user: 'dana-scientist',
    profileName: 'dana-scientist',
    version: 'v1',
    email: 'dana@example.com',
  },
  {
    team: 'recommendations',
    user: 'sam-lead',
    profileName: 'sam-lead',
    version: 'v2',
    email: 'sam@example.com',
  },
];

/**
 * The profiles of the `test-fixtures` preset, launched outside the portal (no
 * `BackstageRequestedFor` tag): alice (v2) and bob (v1) in fraud-detection,
 * carol (v1) in recommendations.
 */
export const FIXTURE_PROFILES: readonly DemoProfile[] = [
  ['fraud-detection', 'alice', 'v2'],
  ['fraud-detection', 'bob', 'v1'],
  ['recommendations', 'carol', 'v1'],
].map(([team, user, version]) => ({
  team,
  user,
  profileName: `${user}-${team}`,
  version,
  email: `${user}@example.com`,
  provisionedProductName: `profile-${team}-${user}`,
}));

/** The Backstage user who asked for each demo team's environment. */
const TEAM_REQUESTERS: Record<string, string> = {
  'fraud-detection': 'user:default/dana-scientist',
  recommendations: 'user:default/sam-lead',
};

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
  tags: Record<string, string>,
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
      Tags: Object.entries({ ...tags, Demo: 'true' }).map(([Key, Value]) => ({
        Key,
        Value,
      })),
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
 * The tags the portal's backend puts on what it provisions (`provisioningTags`
 * in the backend plugin), so the catalog module finds owners the same way:
 * `BackstageRequestedFor` names the user a profile belongs to. There is no
 * `BackstageRequestId`: no portal request made these.
 */
function portalTags(
  preset: DemoEstatePreset,
  requestedFor: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  if (preset === 'test-fixtures') {
    return {};
  }
  return {
    ...extra,
    BackstageRequestedBy: requestedFor,
    BackstageRequestedFor: requestedFor,
  };
}

/**
 * Adds a demo estate on top of the seeded platform, all through the real APIs:
 * a Studio domain, the fraud-detection and recommendations team environments
 * and user profiles, all launched through Service Catalog, and SageMaker jobs
 * that follow the rules or break them (no VPC, no KMS key). With the
 * `local-identities` preset the estate is for the people of
 * `examples/org.yaml`: the domain provisioned for Ada (data-science admin),
 * Dana's `dana-scientist` profile (v1) and Sam's `sam-lead` profile (v2), all
 * with the portal's tags. Options choose other teams and profiles, e.g. a
 * smaller estate in a second account.
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
  const demoTeams = options.teams ?? DEMO_TEAMS;
  const preset = options.preset ?? 'test-fixtures';
  const demoProfiles =
    options.profiles ??
    (preset === 'local-identities' ? DEMO_PROFILES : FIXTURE_PROFILES);
  for (const profile of demoProfiles) {
    if (!demoTeams.includes(profile.team)) {
      throw new Error(
        `Cannot seed the demo estate: profile ${profile.profileName} is in team ${profile.team}, which gets no environment`,
      );
    }
  }
  const provisioned: Record<string, string> = {};

  const domain = await provision(
    sandbox,
    'studio-domain',
    outputs.StudioDomainProductId,
    'v1',
    {},
    portalTags(preset, options.domainRequestedFor ?? 'user:default/ada-admin'),
  );
  provisioned['studio-domain'] = domain.id;

  const teams: Record<string, Record<string, string>> = {};
  for (const team of demoTeams) {
    const environment = await provision(
      sandbox,
      `team-${team}-${envType}`,
      outputs.TeamEnvironmentProductId,
      'v1',
      {
        TeamName: team,
        EnvType: envType,
      },
      portalTags(preset, TEAM_REQUESTERS[team] ?? 'user:default/ada-admin', {
        TeamName: team,
        EnvType: envType,
      }),
    );
    provisioned[`team-${team}-${envType}`] = environment.id;
    teams[team] = environment.outputs;
  }

  const profiles: Record<string, Record<string, string>> = {};
  for (const profile of demoProfiles) {
    // The name the portal gives a profile's provisioned product.
    const name =
      profile.provisionedProductName ??
      `profile-${profile.team}-${profile.profileName}`;
    const result = await provision(
      sandbox,
      name,
      outputs.UserProfileProductId,
      profile.version,
      {
        TeamName: profile.team,
        EnvType: envType,
        StudioUserProfileName: profile.profileName,
        OwnerEmail: profile.email,
      },
      // As the portal tags what it launches (`provisioningTags`): the team
      // and the environment type the profile was launched for.
      portalTags(preset, `user:default/${profile.user}`, {
        TeamName: profile.team,
        EnvType: envType,
      }),
    );
    provisioned[name] = result.id;
    profiles[profile.team] ??= result.outputs;
  }

  const estate = {
    accountId: sandbox.settings.accountId,
    region: sandbox.settings.region,
    domainId: domain.outputs.StudioDomainId,
    provisionedProducts: provisioned,
  };
  if (options.jobs === false) {
    return {
      ...estate,
      trainingJobs: { compliant: [], nonCompliant: [] },
      processingJobs: { nonCompliant: [] },
    };
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
  for (const team of demoTeams) {
    const environment = teams[team];
    const roleArn =
      profiles[team]?.ExecutionRoleArn ?? environment.TeamUserRoleArn;
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
    ...estate,
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
