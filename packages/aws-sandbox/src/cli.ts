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

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSandbox, SandboxOptions } from './sandbox';
import type { FaultScopeRule } from './faults';
import { seedDemoAccounts, seedPlatform } from './seed';

/**
 * The repository's CloudFormation, deployed at start as a platform engineer
 * would. The sandbox always runs from its sources in this repository (it is
 * never built or shipped), so __dirname is stable here.
 */
// eslint-disable-next-line no-restricted-syntax
const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '../../../cloudformation');

/** The product's reserved sandbox port. */
export const DEFAULT_PORT = 4580;
const DEFAULT_CLI_DELAY_MS = 2000;

const USAGE = `Usage: aws-sandbox [options]

A local stand-in for the AWS control plane on 127.0.0.1 (development and tests only).

Options:
  --port <n>               TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --demo                   seed the demo estate: in the default account a domain, the
                           fraud-detection and recommendations teams, Dana's and Sam's
                           profiles and jobs; in account 210987654321 a domain and
                           recommendations' prod environment
  --templates <dir>        CloudFormation to deploy at start (default: the repository's cloudformation/)
  --no-seed                start empty: no shared services, no portfolio
  --state-file <file>      keep state in this JSON file across restarts
  --delay-ms <n>           duration of asynchronous work in ms (default ${DEFAULT_CLI_DELAY_MS})
  --throttle-rate <r>      fraction of calls answered with a throttling error (0..1)
  --latency-ms <n>         latency added to every call
  --error-rate <r>         fraction of calls answered with a 500 server error (0..1)
  --seed <n>               seed of the fault-injection random generator
  --unavailable <scope>    answer every call of <scope> 503 ServiceUnavailable (repeatable)
  --unreachable <scope>    close every connection of <scope> unanswered (repeatable)
                           <scope> is <account>, <account>:<region> or *:<region>
  --account-id <id>        default account id (default 123456789012)
  --region <region>        default region (default us-east-1)
  --no-detective-control   do not deliver SageMaker events to the detective-control handler
  --help                   show this text
`;

function numberOption(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new Error(`--${name} must be a number, got ${value}`);
  }
  return parsed;
}

/** Turns command-line arguments into sandbox options; undefined means "print usage". */
export interface CliOptions extends SandboxOptions {
  templatesDir: string;
  seedPlatform: boolean;
}

export function parseCliArguments(args: string[]): CliOptions | undefined {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean' },
      templates: { type: 'string' },
      'no-seed': { type: 'boolean' },
      'state-file': { type: 'string' },
      'delay-ms': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'latency-ms': { type: 'string' },
      'error-rate': { type: 'string' },
      seed: { type: 'string' },
      unavailable: { type: 'string', multiple: true },
      unreachable: { type: 'string', multiple: true },
      'account-id': { type: 'string' },
      region: { type: 'string' },
      'no-detective-control': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    return undefined;
  }
  const scopes: Record<string, FaultScopeRule> = {};
  for (const scope of values.unavailable ?? []) {
    scopes[scope] = { unavailableRate: 1 };
  }
  for (const scope of values.unreachable ?? []) {
    scopes[scope] = { connectionResetRate: 1 };
  }
  return {
    templatesDir: values.templates
      ? resolve(values.templates)
      : DEFAULT_TEMPLATES_DIR,
    seedPlatform: !values['no-seed'],
    port: numberOption('port', values.port) ?? DEFAULT_PORT,
    demo: values.demo ?? false,
    stateFile: values['state-file'],
    delayMs:
      numberOption('delay-ms', values['delay-ms']) ?? DEFAULT_CLI_DELAY_MS,
    accountId: values['account-id'],
    region: values.region,
    detectiveControl: !values['no-detective-control'],
    faults: {
      throttleRate: numberOption('throttle-rate', values['throttle-rate']),
      latencyMs: numberOption('latency-ms', values['latency-ms']),
      errorRate: numberOption('error-rate', values['error-rate']),
      seed: numberOption('seed', values.seed),
      ...(Object.keys(scopes).length > 0 ? { scopes } : {}),
    },
  };
}

export async function main(args: string[]): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCliArguments(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    process.stdout.write(USAGE);
    return;
  }
  const sandbox = await startSandbox({ ...options, logger: console });
  if (options.seedPlatform) {
    const platform = await seedPlatform(sandbox, {
      templatesDir: options.templatesDir,
    });
    process.stdout.write(
      `Seeded the shared services (stack ${platform.stackName}) and the Service Catalog portfolio\n`,
    );
    if (options.demo) {
      const estates = await seedDemoAccounts(sandbox, {
        templatesDir: options.templatesDir,
      });
      for (const demo of estates) {
        process.stdout.write(
          `Seeded the demo estate in account ${demo.accountId} (${
            demo.region
          }): domain ${demo.domainId}, provisioned products ${Object.keys(
            demo.provisionedProducts,
          ).join(', ')}, ${
            demo.trainingJobs.nonCompliant.length +
            demo.processingJobs.nonCompliant.length
          } non-compliant jobs\n`,
        );
      }
    }
  }
  process.stdout.write(
    `AWS sandbox listening on ${sandbox.url} (account ${sandbox.settings.accountId}, region ${sandbox.settings.region})\n` +
      `Services: ${(await fetchServiceNames(sandbox.url)).join(', ')}\n` +
      `This is a development and test tool; never point production at it.\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      error => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function fetchServiceNames(url: string): Promise<string[]> {
  const response = await fetch(`${url}/_sandbox/health`);
  const health = (await response.json()) as { services: string[] };
  return health.services;
}
