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
import { inflateRawSync } from 'node:zlib';
import { createAwsClients } from '../packaging/executePlan';
import { FakeAws, startFakeAws } from '../packaging/__testUtils__/fakeAwsServer';
import { PackageCommandOptions, runPackageCommand } from './packageCommand';

const fixtures = path.resolve(__dirname, '../__fixtures__');
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' };

function options(overrides: Partial<PackageCommandOptions> = {}): PackageCommandOptions {
  return {
    dir: path.join(fixtures, 'package'),
    bucket: 'staging',
    prefix: 'portal/v1',
    region: 'eu-west-1',
    lambdaEntry: path.join(fixtures, 'lambda/handler.ts'),
    stackName: 'portal-shared',
    ...overrides,
  };
}

function firstZipEntry(zip: Buffer): { name: string; data: Buffer } {
  const nameLength = zip.readUInt16LE(26);
  const compressedSize = zip.readUInt32LE(18);
  const start = 30 + nameLength + zip.readUInt16LE(28);
  return {
    name: zip.subarray(30, 30 + nameLength).toString(),
    data: inflateRawSync(zip.subarray(start, start + compressedSize)),
  };
}

describe('sagemaker-studio-cfn package', () => {
  let aws: FakeAws;
  let lines: string[];
  const out = (line: string) => lines.push(line);

  beforeEach(async () => {
    aws = await startFakeAws(['staging']);
    lines = [];
  });

  afterEach(() => aws.close());

  const withFake = () => ({ clients: () => createAwsClients({ region: 'eu-west-1', endpoint: aws.endpoint }, credentials) });

  it('lists uploads and the CreateStack in a dry run without any AWS call', async () => {
    const clients = jest.fn();
    await runPackageCommand(options({ dryRun: true }), out, { clients });

    expect(clients).not.toHaveBeenCalled();
    const text = lines.join('\n');
    expect(text).toMatch(/\[dry-run\] would upload s3:\/\/staging\/portal\/v1\/artifacts\/detective-control-[0-9a-f]{16}\.zip/);
    expect(text).toContain('would upload s3://staging/portal/v1/shared/detective.yaml');
    expect(text).toContain('Parameters.TemplateBaseUrl.Default = https://staging.s3.eu-west-1.amazonaws.com/portal/v1');
    expect(text).toContain('Resources.DetectiveAgain.Properties.TemplateURL = https://staging.s3.eu-west-1.amazonaws.com/portal/v1/shared/detective.yaml');
    expect(text).toContain('--template-url https://staging.s3.eu-west-1.amazonaws.com/portal/v1/shared-services.yaml');
    expect(text).toContain('--capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND');
  });

  it('uploads the Lambda zip and rewritten templates to the endpoint, with S3 URLs CloudFormation accepts', async () => {
    await runPackageCommand(options({ endpoint: aws.endpoint }), out, withFake());

    const keys = [...aws.objects.keys()];
    const zipKey = keys.find(key => key.endsWith('.zip'))!;
    expect(zipKey).toMatch(/^staging\/portal\/v1\/artifacts\/detective-control-[0-9a-f]{16}\.zip$/);
    const entry = firstZipEntry(aws.objects.get(zipKey)!);
    expect(entry.name).toBe('index.js');
    expect(entry.data.toString()).toContain('handler');

    const root = aws.objects.get('staging/portal/v1/shared-services.yaml')!.toString();
    const baseUrl = 'https://staging.s3.eu-west-1.amazonaws.com/portal/v1';
    expect(root).toContain(`Default: ${baseUrl}`);
    expect(root).toContain(`TemplateURL: ${baseUrl}/shared/detective.yaml`);
    expect(root).toContain(`LoadTemplateFromURL: ${baseUrl}/shared/detective.yaml`);
    expect(root).toContain("TemplateURL: !Sub '${TemplateBaseUrl}/shared/detective.yaml'");
    const child = aws.objects.get('staging/portal/v1/shared/detective.yaml')!.toString();
    expect(child).toContain(`Default: ${zipKey.replace('staging/', '')}`);
    expect(lines.at(-1)).toContain('--endpoint-url');
    expect(aws.createStackCalls).toHaveLength(0);
  });

  it('runs CreateStack with the named-IAM capability and the staging parameters when deploying', async () => {
    await runPackageCommand(options({ endpoint: aws.endpoint, deploy: true }), out, withFake());

    expect(aws.createStackCalls).toHaveLength(1);
    const call = aws.createStackCalls[0];
    expect(call.get('StackName')).toBe('portal-shared');
    expect(call.get('TemplateURL')).toBe('https://staging.s3.eu-west-1.amazonaws.com/portal/v1/shared-services.yaml');
    expect([...call.entries()].filter(([k]) => k.startsWith('Capabilities')).map(([, v]) => v)).toContain('CAPABILITY_NAMED_IAM');
    const parameters = Object.fromEntries(
      [1, 2, 3].map(i => [call.get(`Parameters.member.${i}.ParameterKey`), call.get(`Parameters.member.${i}.ParameterValue`)]),
    );
    expect(parameters.TemplateBaseUrl).toBe('https://staging.s3.eu-west-1.amazonaws.com/portal/v1');
    expect(parameters.DetectiveControlCodeBucket).toBe('staging');
    expect(lines.at(-1)).toMatch(/CreateStack portal-shared started: arn:aws:cloudformation/);
  });

  it('names the bucket and region when the bucket does not exist', async () => {
    await expect(
      runPackageCommand(options({ endpoint: aws.endpoint, bucket: 'missing' }), out, withFake()),
    ).rejects.toThrow(`bucket missing does not exist in region eu-west-1 at ${aws.endpoint}; create it or pass --create-bucket`);
  });

  it('creates a missing bucket with --create-bucket', async () => {
    await runPackageCommand(options({ endpoint: aws.endpoint, bucket: 'fresh', createBucket: true }), out, withFake());
    expect(aws.buckets.has('fresh')).toBe(true);
    expect(lines).toContain('created bucket fresh in eu-west-1 (public access blocked)');
    expect([...aws.objects.keys()].some(key => key.startsWith('fresh/portal/v1/'))).toBe(true);
  });

  it('asks for a region when none is given', async () => {
    await expect(runPackageCommand(options({ region: undefined, dryRun: true }), out, { env: {} })).rejects.toThrow(
      'no AWS Region: pass --region or set AWS_REGION (or AWS_DEFAULT_REGION)',
    );
  });

  it('takes the region from AWS_REGION', async () => {
    await runPackageCommand(options({ region: undefined, dryRun: true }), out, { env: { AWS_REGION: 'us-west-2' } });
    expect(lines[0]).toContain('in us-west-2');
  });

  it('names the credential settings when the SDK finds no credentials', async () => {
    const saved = { ...process.env };
    for (const name of Object.keys(process.env).filter(n => n.startsWith('AWS_'))) delete process.env[name];
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
    });
    try {
      await expect(
        runPackageCommand(options({ endpoint: aws.endpoint }), out, {
          clients: target => createAwsClients(target),
        }),
      ).rejects.toThrow(/no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .* or AWS_PROFILE/);
    } finally {
      process.env = saved;
    }
  });

  it('reports a missing Lambda entry clearly', async () => {
    await expect(
      runPackageCommand(options({ dryRun: true, lambdaEntry: path.join(fixtures, 'lambda/absent.ts') }), out),
    ).rejects.toThrow(/the detective-control Lambda entry .*absent\.ts does not exist/);
  });

  it('rejects an entry that does not export handler', async () => {
    await expect(
      runPackageCommand(options({ dryRun: true, lambdaEntry: path.join(fixtures, 'lambda/noHandler.ts') }), out),
    ).rejects.toThrow(/noHandler\.ts does not export handler \(exports: main\)/);
  });

  it('refuses to package templates that fail validation', async () => {
    await expect(
      runPackageCommand(options({ dryRun: true, dir: path.join(fixtures, 'negative/dangling-ref') }), out),
    ).rejects.toThrow('1 validation error(s); fix them or pass --skip-validation');
    expect(lines[0]).toBe('template.yaml: AlertsTopic: Ref to AlertsTopicName, which is not a parameter, resource or pseudo parameter [ref]');
  });
});
