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
import { Command } from 'commander';
import { formatFinding, summaryLine, validateDirectory } from './validateCommand';
import { PackageCommandOptions, runPackageCommand } from './packageCommand';

/**
 * Builds the `sagemaker-studio-cfn` command line.
 *
 * @public
 */
export function createProgram(out: (line: string) => void = console.log): Command {
  const program = new Command('sagemaker-studio-cfn')
    .description('Validate and package the SageMaker Studio portal CloudFormation')
    .exitOverride();

  program
    .command('validate')
    .description('Check templates against the CloudFormation resource specification and the security rules')
    .argument('[dir]', 'directory of templates', 'cloudformation')
    .option('--spec-only', 'skip the security rules')
    .action(async (dir: string, options: { specOnly?: boolean }) => {
      const report = await validateDirectory({ dir, specOnly: options.specOnly });
      report.findings.forEach(finding => out(formatFinding(finding)));
      out(summaryLine(report));
      if (report.findings.length > 0) process.exitCode = 1;
    });

  program
    .command('package')
    .description('Bundle the detective-control Lambda, upload templates and artifacts to a staging bucket, print or run the CreateStack')
    .option('--dir <dir>', 'directory of templates', 'cloudformation')
    .option('--bucket <bucket>', 'staging bucket')
    .option('--prefix <prefix>', 'key prefix in the staging bucket', 'sagemaker-studio-portal')
    .option('--region <region>', 'AWS Region (default: AWS_REGION / AWS_DEFAULT_REGION)')
    .option('--endpoint <url>', 'AWS endpoint override, e.g. the local sandbox (path-style S3)')
    .option('--lambda-entry <file>', 'detective-control entry', 'packages/detective-control/src/index.ts')
    .option('--stack-name <name>', 'shared-services stack name', 'sagemaker-studio-shared-services')
    .option('--parameter <key=value...>', 'extra CreateStack parameters')
    .option('--create-bucket', 'create the staging bucket if it does not exist')
    .option('--dry-run', 'list what would be done, without any AWS call')
    .option('--skip-validation', 'package even if the specification checks fail')
    .option('--deploy', 'run the CreateStack instead of printing it')
    .action(async (options: PackageCommandOptions) => {
      await runPackageCommand(options, out);
    });

  return program;
}

/**
 * Runs the command line; errors are printed without a stack trace and set a
 * non-zero exit code.
 *
 * @public
 */
export async function runCli(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return;
    if (code?.startsWith('commander.')) {
      process.exitCode = 2;
      return;
    }
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
