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
import { promises as fs } from 'node:fs';
import type { CreateStackCommandInput, Parameter } from '@aws-sdk/client-cloudformation';
import type { TemplateSet } from '../template/types';
import type { LambdaBundle } from './bundleLambda';
import { PackagingError } from './packagingError';
import { rewriteTemplate } from './rewriteTemplate';

export const ROOT_TEMPLATE = 'shared-services.yaml';
export const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

/** @public */
export interface PackageTarget {
  bucket: string;
  prefix: string;
  region: string;
  /** An endpoint override (the local sandbox): URLs become path-style. */
  endpoint?: string;
  stackName: string;
  /** Extra root-stack parameters, `Key=Value`. */
  parameters?: string[];
}

/** @public */
export interface PlannedUpload {
  key: string;
  body: Buffer;
  contentType: string;
  /** What the upload is and what was rewritten in it. */
  description: string;
}

/** @public */
export interface PackagePlan {
  baseUrl: string;
  uploads: PlannedUpload[];
  createStack: CreateStackCommandInput;
}

/**
 * The URL CloudFormation reads an object from. Always the S3 form AWS
 * accepts (CloudFormation refuses other hosts), also with `--endpoint`: the
 * local sandbox resolves these URLs from its own S3.
 */
export function objectUrl(target: Pick<PackageTarget, 'bucket' | 'region'>, key: string): string {
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  return `https://${target.bucket}.s3.${target.region}.amazonaws.com/${encodedKey}`;
}

function trimSlashes(prefix: string): string {
  return prefix.replace(/^\/+|\/+$/g, '');
}

function parseParameters(pairs: string[] = []): Record<string, string> {
  return Object.fromEntries(
    pairs.map(pair => {
      const index = pair.indexOf('=');
      if (index <= 0) throw new PackagingError(`--parameter ${pair} is not Key=Value`);
      return [pair.slice(0, index), pair.slice(index + 1)];
    }),
  );
}

/**
 * Works out everything `package` uploads and the CreateStack it issues,
 * without touching AWS.
 *
 * @public
 */
export async function planPackage(set: TemplateSet, lambda: LambdaBundle, target: PackageTarget): Promise<PackagePlan> {
  const prefix = trimSlashes(target.prefix);
  const keyFor = (relative: string) => (prefix ? `${prefix}/${relative}` : relative);
  const baseUrl = objectUrl(target, prefix).replace(/\/$/, '');
  const lambdaKey = keyFor(`artifacts/detective-control-${lambda.hash}.zip`);
  const parameterDefaults: Record<string, string> = {
    TemplateBaseUrl: baseUrl,
    TemplatesBaseUrl: baseUrl,
    DetectiveControlCodeBucket: target.bucket,
    DetectiveControlCodeKey: lambdaKey,
  };

  const root = set.templates.find(t => t.file === ROOT_TEMPLATE);
  if (!root) throw new PackagingError(`the template set has no ${ROOT_TEMPLATE}`);

  const uploads: PlannedUpload[] = [
    { key: lambdaKey, body: lambda.zip, contentType: 'application/zip', description: `detective-control Lambda bundled from ${lambda.entry}` },
  ];
  for (const template of set.templates) {
    const source = await fs.readFile(template.absolutePath, 'utf8');
    const rewritten = rewriteTemplate(template, source, { baseUrl, parameterDefaults });
    uploads.push({
      key: keyFor(template.file),
      body: rewritten.body,
      contentType: template.file.endsWith('.json') ? 'application/json' : 'application/x-yaml',
      description: rewritten.changes.length > 0 ? `${template.file} (${rewritten.changes.join('; ')})` : template.file,
    });
  }

  const declared = root.body.Parameters ?? {};
  const values = { ...parameterDefaults, ...parseParameters(target.parameters) };
  const unknown = Object.keys(parseParameters(target.parameters)).filter(name => !(name in declared));
  if (unknown.length > 0) throw new PackagingError(`${ROOT_TEMPLATE} declares no parameter ${unknown.join(', ')}`);
  const parameters: Parameter[] = Object.entries(values)
    .filter(([name]) => name in declared)
    .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

  return {
    baseUrl,
    uploads,
    createStack: {
      StackName: target.stackName,
      TemplateURL: `${baseUrl}/${ROOT_TEMPLATE}`,
      Capabilities: [...CAPABILITIES],
      Parameters: parameters,
    },
  };
}

/** The plan's CreateStack as an AWS CLI command line. */
export function createStackCommandLine(input: CreateStackCommandInput, target: Pick<PackageTarget, 'region' | 'endpoint'>): string {
  const quote = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const parameters = (input.Parameters ?? []).map(p => quote(`ParameterKey=${p.ParameterKey},ParameterValue=${p.ParameterValue}`));
  return [
    'aws cloudformation create-stack',
    `--region ${quote(target.region)}`,
    ...(target.endpoint ? [`--endpoint-url ${quote(target.endpoint)}`] : []),
    `--stack-name ${quote(input.StackName ?? '')}`,
    `--template-url ${quote(input.TemplateURL ?? '')}`,
    `--capabilities ${(input.Capabilities ?? []).join(' ')}`,
    ...(parameters.length > 0 ? [`--parameters ${parameters.join(' ')}`] : []),
  ].join(' \\\n  ');
}
