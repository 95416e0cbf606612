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
import path from 'node:path';
import { loadTemplateSet } from '../template/loadTemplateSet';
import { loadResourceSpec } from '../validate/resourceSpec';
import { validateTemplateSet } from '../validate/validateTemplateSet';
import { bundleLambda } from '../packaging/bundleLambda';
import { AwsClients, createAwsClients, executePlan } from '../packaging/executePlan';
import { PackagingError } from '../packaging/packagingError';
import { createStackCommandLine, PackageTarget, planPackage } from '../packaging/planPackage';
import { formatFinding } from './validateCommand';

/** @public */
export interface PackageCommandOptions {
  dir: string;
  bucket?: string;
  prefix: string;
  region?: string;
  endpoint?: string;
  lambdaEntry: string;
  stackName: string;
  parameter?: string[];
  createBucket?: boolean;
  dryRun?: boolean;
  deploy?: boolean;
  skipValidation?: boolean;
}

/** Collaborators a test (or another tool) can replace. */
export interface PackageCommandDependencies {
  env?: Record<string, string | undefined>;
  cwd?: string;
  clients?: (target: PackageTarget) => AwsClients;
}

function resolveRegion(options: PackageCommandOptions, env: Record<string, string | undefined>): string {
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new PackagingError('no AWS Region: pass --region or set AWS_REGION (or AWS_DEFAULT_REGION)');
  }
  return region;
}

/**
 * The `package` command: validate, bundle the detective-control Lambda,
 * upload everything to the staging bucket, then print or run the CreateStack.
 *
 * @public
 */
export async function runPackageCommand(
  options: PackageCommandOptions,
  out: (line: string) => void,
  dependencies: PackageCommandDependencies = {},
): Promise<void> {
  const env = dependencies.env ?? process.env;
  const cwd = dependencies.cwd ?? process.cwd();
  if (!options.bucket) throw new PackagingError('--bucket is required (the staging bucket for templates and artifacts)');
  const target: PackageTarget = {
    bucket: options.bucket,
    prefix: options.prefix,
    region: resolveRegion(options, env),
    endpoint: options.endpoint,
    stackName: options.stackName,
    parameters: options.parameter,
  };

  const { set, parseFindings } = await loadTemplateSet(path.resolve(cwd, options.dir));
  if (!options.skipValidation) {
    const { findings } = validateTemplateSet(set, await loadResourceSpec());
    const errors = [...parseFindings, ...findings];
    if (errors.length > 0) {
      errors.forEach(finding => out(formatFinding(finding)));
      throw new PackagingError(`${errors.length} validation error(s); fix them or pass --skip-validation`);
    }
  }

  const lambda = await bundleLambda(path.resolve(cwd, options.lambdaEntry));
  const plan = await planPackage(set, lambda, target);

  if (options.dryRun) {
    out(`[dry-run] no AWS calls; target s3://${target.bucket}/${target.prefix} in ${target.region}${target.endpoint ? ` via ${target.endpoint}` : ''}`);
    out(`[dry-run] would check that bucket ${target.bucket} exists${options.createBucket ? ' and create it if not' : ''}`);
    for (const upload of plan.uploads) {
      out(`[dry-run] would upload s3://${target.bucket}/${upload.key} (${upload.body.length} bytes): ${upload.description}`);
    }
    out(`[dry-run] would ${options.deploy ? 'run' : 'print'} this CreateStack:`);
    out(createStackCommandLine(plan.createStack, target));
    return;
  }
  const clients = (dependencies.clients ?? createAwsClients)(target);
  await executePlan(plan, target, clients, { createBucket: options.createBucket, deploy: options.deploy }, out);
}
