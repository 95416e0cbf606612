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

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { StackRecord } from '../cloudformation/engine/state';
import type { Sandbox } from '../sandbox';

/** What seeding needs of a sandbox: direct calls, its settings, and its state for final stack status. */
export type SeedTarget = Pick<Sandbox, 'invoke' | 'settings' | 'state'>;

/** How the platform engineer's deployment is made. */
export interface SeedPlatformOptions {
  /** The product's `cloudformation/` folder: `shared-services.yaml`, `shared/*.yaml`, `products/*.yaml`. */
  templatesDir: string;
  /** Name of the shared-services root stack. Default `sagemaker-studio-shared-services`. */
  stackName?: string;
  /** `SharedServicesName` parameter: prefixes exports and role names. Default `ds-shared`. */
  sharedServicesName?: string;
  /** Staging bucket for the templates. Default `sagemaker-studio-templates-<account>`. */
  stagingBucket?: string;
  /** Key prefix of the uploaded folder. Default `sagemaker-studio/v1`. */
  stagingPrefix?: string;
  /** Further root-stack parameters, by name. */
  parameters?: Record<string, string>;
}

/** What seeding deployed, for callers that want to use it. */
export interface PlatformSeed {
  stackId: string;
  stackName: string;
  sharedServicesName: string;
  templateBaseUrl: string;
  /** The root stack's outputs (PortfolioId, StudioDomainProductId, TeamEnvironmentProductId, UserProfileProductId ...). */
  outputs: Record<string, string>;
}

export const DEFAULT_PLATFORM_STACK_NAME = 'sagemaker-studio-shared-services';
const ROOT_TEMPLATE = 'shared-services.yaml';

function templateFiles(directory: string): string[] {
  return readdirSync(directory).flatMap(entry => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) {
      return templateFiles(path);
    }
    return /\.ya?ml$|\.json$/.test(entry) ? [path] : [];
  });
}

async function ensureBucket(
  sandbox: SeedTarget,
  bucket: string,
): Promise<void> {
  try {
    await sandbox.invoke('s3', 'CreateBucket', { Bucket: bucket });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') {
      throw error;
    }
  }
}

/** The engine's final record of a stack, which is known even while the stack still shows IN_PROGRESS. */
export function stackRecord(
  sandbox: SeedTarget,
  stackId: string,
): StackRecord | undefined {
  return sandbox.state
    .table<StackRecord>('cloudformation', 'stacks')
    .get(stackId);
}

/** Why a stack failed, with the first failed resource of the whole nested tree when there is one. */
export function stackFailure(sandbox: SeedTarget, stack: StackRecord): string {
  const stacks = sandbox.state
    .table<StackRecord>('cloudformation', 'stacks')
    .values();
  const tree = stacks.filter(
    candidate =>
      candidate.stackId === stack.stackId || candidate.rootId === stack.stackId,
  );
  for (const member of tree) {
    const failed = member.events.find(
      event =>
        event.status.endsWith('_FAILED') &&
        event.physicalId !== member.stackId &&
        !event.statusReason?.startsWith('Embedded stack'),
    );
    if (failed) {
      return `${stack.status}: ${failed.logicalId} (${failed.resourceType}) in ${member.stackName}: ${failed.statusReason}`;
    }
  }
  return `${stack.status}: ${stack.statusReason ?? 'no reason given'}`;
}

function outputsOf(stack: StackRecord): Record<string, string> {
  return Object.fromEntries(
    stack.outputs.map(output => [output.key, output.value]),
  );
}

/**
 * Deploys what a platform engineer would have deployed: uploads the templates to a staging
 * bucket in the sandbox's S3, then creates the shared-services root stack (nested shared
 * stacks, the Service Catalog portfolio and its products). Seeding again returns the
 * existing deployment.
 */
export async function seedPlatform(
  sandbox: SeedTarget,
  options: SeedPlatformOptions,
): Promise<PlatformSeed> {
  const rootTemplate = join(options.templatesDir, ROOT_TEMPLATE);
  if (!existsSync(rootTemplate)) {
    throw new Error(
      `Cannot seed the platform: ${rootTemplate} not found. Pass templatesDir pointing at the product's cloudformation/ folder (shared-services.yaml, shared/*.yaml, products/*.yaml).`,
    );
  }
  const { accountId, region } = sandbox.settings;
  const stackName = options.stackName ?? DEFAULT_PLATFORM_STACK_NAME;
  const sharedServicesName = options.sharedServicesName ?? 'ds-shared';
  const bucket =
    options.stagingBucket ?? `sagemaker-studio-templates-${accountId}`;
  const prefix = options.stagingPrefix ?? 'sagemaker-studio/v1';
  const templateBaseUrl = `https://${bucket}.s3.${region}.amazonaws.com/${prefix}`;

  const existing = await findStack(sandbox, stackName);
  if (existing) {
    return {
      stackId: existing.stackId,
      stackName,
      sharedServicesName,
      templateBaseUrl,
      outputs: outputsOf(existing),
    };
  }

  await ensureBucket(sandbox, bucket);
  for (const file of templateFiles(options.templatesDir)) {
    const key = `${prefix}/${relative(options.templatesDir, file)
      .split(sep)
      .join('/')}`;
    await sandbox.invoke('s3', 'PutObject', {
      Bucket: bucket,
      Key: key,
      Body: readFileSync(file, 'utf8'),
    });
  }
  const codeKey = `${prefix}/detective-control.zip`;
  // The sandbox runs the detective control in-process; the Lambda package only has to exist.
  await sandbox.invoke('s3', 'PutObject', {
    Bucket: bucket,
    Key: codeKey,
    Body: 'sandbox stand-in for the packaged Lambda',
  });

  const parameters: Record<string, string> = {
    SharedServicesName: sharedServicesName,
    TemplateBaseUrl: templateBaseUrl,
    DetectiveControlCodeBucket: bucket,
    DetectiveControlCodeKey: codeKey,
    ...options.parameters,
  };
  const { StackId } = await sandbox.invoke('cloudformation', 'CreateStack', {
    StackName: stackName,
    TemplateURL: `${templateBaseUrl}/${ROOT_TEMPLATE}`,
    Parameters: Object.entries(parameters).map(
      ([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }),
    ),
    Capabilities: [
      'CAPABILITY_IAM',
      'CAPABILITY_NAMED_IAM',
      'CAPABILITY_AUTO_EXPAND',
    ],
    Tags: [{ Key: 'SharedServicesName', Value: sharedServicesName }],
  });
  const stack = stackRecord(sandbox, StackId);
  if (!stack || stack.status !== 'CREATE_COMPLETE') {
    throw new Error(
      `Seeding the platform failed: stack ${stackName} ended ${
        stack ? stackFailure(sandbox, stack) : 'missing'
      }`,
    );
  }
  return {
    stackId: StackId,
    stackName,
    sharedServicesName,
    templateBaseUrl,
    outputs: outputsOf(stack),
  };
}

async function findStack(
  sandbox: SeedTarget,
  stackName: string,
): Promise<StackRecord | undefined> {
  try {
    const { Stacks } = await sandbox.invoke(
      'cloudformation',
      'DescribeStacks',
      { StackName: stackName },
    );
    const stack = stackRecord(sandbox, Stacks[0].StackId);
    return stack &&
      (stack.status === 'CREATE_COMPLETE' || stack.status === 'UPDATE_COMPLETE')
      ? stack
      : undefined;
  } catch {
    return undefined;
  }
}
