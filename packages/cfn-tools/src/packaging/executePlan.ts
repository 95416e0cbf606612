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
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describeAwsError } from './awsErrors';
import type { PackagePlan, PackageTarget } from './planPackage';
import { createStackCommandLine } from './planPackage';

/** @public */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** @public */
export interface AwsClients {
  s3: S3Client;
  cloudFormation: CloudFormationClient;
  sts: STSClient;
}

/**
 * SDK clients for the target; with an endpoint override every client talks
 * to it and S3 uses path-style addressing, as the local sandbox expects.
 *
 * @public
 */
export function createAwsClients(
  target: Pick<PackageTarget, 'region' | 'endpoint'>,
  credentials?: StaticCredentials,
): AwsClients {
  const common = {
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  };
  return {
    s3: new S3Client({ ...common, forcePathStyle: Boolean(target.endpoint) }),
    cloudFormation: new CloudFormationClient(common),
    sts: new STSClient(common),
  };
}

/** @public */
export interface ExecuteOptions {
  createBucket?: boolean;
  deploy?: boolean;
}

async function ensureBucket(clients: AwsClients, target: PackageTarget, createBucket: boolean, out: (line: string) => void): Promise<void> {
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: target.bucket }));
    return;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (!createBucket || status !== 404) throw error;
  }
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: target.bucket,
      ...(target.region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: target.region as never } } : {}),
    }),
  );
  try {
    await clients.s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: target.bucket,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      }),
    );
  } catch (error) {
    // A local stand-in may not implement it; against AWS it must succeed.
    if (!target.endpoint) throw error;
    out(`created bucket ${target.bucket} at ${target.endpoint}; its public access block was not set: ${(error as Error).message}`);
    return;
  }
  out(`created bucket ${target.bucket} in ${target.region} (public access blocked)`);
}

/**
 * Uploads the plan's objects and prints, or runs, the CreateStack.
 *
 * @public
 */
export async function executePlan(
  plan: PackagePlan,
  target: PackageTarget,
  clients: AwsClients,
  options: ExecuteOptions,
  out: (line: string) => void,
): Promise<void> {
  try {
    const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
    out(`AWS identity: ${identity.Arn} (account ${identity.Account})`);
    await ensureBucket(clients, target, Boolean(options.createBucket), out);
    for (const upload of plan.uploads) {
      await clients.s3.send(
        new PutObjectCommand({ Bucket: target.bucket, Key: upload.key, Body: upload.body, ContentType: upload.contentType }),
      );
      out(`uploaded s3://${target.bucket}/${upload.key} (${upload.body.length} bytes): ${upload.description}`);
    }
    if (options.deploy) {
      const result = await clients.cloudFormation.send(new CreateStackCommand(plan.createStack));
      out(`CreateStack ${plan.createStack.StackName} started: ${result.StackId}`);
    } else {
      out('To create the shared-services stack run:');
      out(createStackCommandLine(plan.createStack, target));
    }
  } catch (error) {
    throw describeAwsError(error, target);
  }
}
