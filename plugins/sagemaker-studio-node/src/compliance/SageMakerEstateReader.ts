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
  DescribeAutoMLJobV2Command,
  DescribeDomainCommand,
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeTransformJobCommand,
  DescribeUserProfileCommand,
  ListAutoMLJobsCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListTagsCommand,
  ListTransformJobsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ComplianceRule,
  defaultComplianceRules,
  evaluateWorkload,
  failedFindings,
  fromDescribeOutput,
  sageMakerArnFor,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from '../aws/SageMakerStudioAwsClients';
import { classifyAwsFailure } from '../aws/studioAwsErrors';
import { locationOfArn, mapWithConcurrency } from '../aws/studioReadHelpers';
import { CompliancePageRetry, retryPage } from './retryPage';
import { attributeTeam, executionRoleOf } from './teamAttribution';
import {
  COMPLIANCE_READ_FAILURE_MESSAGES,
  ComplianceReadError,
  SweptResource,
} from './types';

type Raw = Record<string, any>;

/** The kinds `Search` returns whole, tags included: one call per 100 resources. */
export const SEARCHED_KINDS = [
  'TrainingJob',
  'HyperParameterTuningJob',
  'Model',
] as const;

/** Statuses in which nothing of the resource runs any more. */
const INACTIVE_STATUSES: Partial<Record<SageMakerWorkloadKind, string[]>> = {
  TrainingJob: ['Completed', 'Failed', 'Stopped', 'Stopping'],
  ProcessingJob: ['Completed', 'Failed', 'Stopped', 'Stopping'],
  TransformJob: ['Completed', 'Failed', 'Stopped', 'Stopping'],
  HyperParameterTuningJob: ['Completed', 'Failed', 'Stopped', 'Stopping'],
  AutoMLJob: ['Completed', 'Failed', 'Stopped', 'Stopping'],
  NotebookInstance: ['Stopped', 'Stopping', 'Failed', 'Deleting'],
  Domain: ['Deleting', 'Delete_Failed'],
  UserProfile: ['Deleting', 'Delete_Failed'],
};

/** A kind read with a List call and one Describe (plus ListTags) per active resource. */
interface ListedKind {
  kind: SageMakerWorkloadKind;
  list: string;
  listCommand: new (input: any) => any;
  /** Where the page's summaries are in the List output. */
  items: string;
  nameOf(summary: Raw): string | undefined;
  statusOf(summary: Raw): string | undefined;
  arnOf(summary: Raw): string | undefined;
  describe: string;
  describeCommand: new (input: any) => any;
  describeInput(summary: Raw): Raw;
}

const LISTED_KINDS: ListedKind[] = [
  {
    kind: 'ProcessingJob',
    list: 'ListProcessingJobs',
    listCommand: ListProcessingJobsCommand,
    items: 'ProcessingJobSummaries',
    nameOf: s => s.ProcessingJobName,
    statusOf: s => s.ProcessingJobStatus,
    arnOf: s => s.ProcessingJobArn,
    describe: 'DescribeProcessingJob',
    describeCommand: DescribeProcessingJobCommand,
    describeInput: s => ({ ProcessingJobName: s.ProcessingJobName }),
  },
  {
    kind: 'TransformJob',
    list: 'ListTransformJobs',
    listCommand: ListTransformJobsCommand,
    items: 'TransformJobSummaries',
    nameOf: s => s.TransformJobName,
    statusOf: s => s.TransformJobStatus,
    arnOf: s => s.TransformJobArn,
    describe: 'DescribeTransformJob',
    describeCommand: DescribeTransformJobCommand,
    describeInput: s => ({ TransformJobName: s.TransformJobName }),
  },
  {
    kind: 'AutoMLJob',
    list: 'ListAutoMLJobs',
    listCommand: ListAutoMLJobsCommand,
    items: 'AutoMLJobSummaries',
    nameOf: s => s.AutoMLJobName,
    statusOf: s => s.AutoMLJobStatus,
    arnOf: s => s.AutoMLJobArn,
    describe: 'DescribeAutoMLJobV2',
    describeCommand: DescribeAutoMLJobV2Command,
    describeInput: s => ({ AutoMLJobName: s.AutoMLJobName }),
  },
  {
    kind: 'NotebookInstance',
    list: 'ListNotebookInstances',
    listCommand: ListNotebookInstancesCommand,
    items: 'NotebookInstances',
    nameOf: s => s.NotebookInstanceName,
    statusOf: s => s.NotebookInstanceStatus,
    arnOf: s => s.NotebookInstanceArn,
    describe: 'DescribeNotebookInstance',
    describeCommand: DescribeNotebookInstanceCommand,
    describeInput: s => ({ NotebookInstanceName: s.NotebookInstanceName }),
  },
  {
    kind: 'EndpointConfig',
    list: 'ListEndpointConfigs',
    listCommand: ListEndpointConfigsCommand,
    items: 'EndpointConfigs',
    nameOf: s => s.EndpointConfigName,
    statusOf: () => undefined,
    arnOf: s => s.EndpointConfigArn,
    describe: 'DescribeEndpointConfig',
    describeCommand: DescribeEndpointConfigCommand,
    describeInput: s => ({ EndpointConfigName: s.EndpointConfigName }),
  },
  {
    kind: 'Domain',
    list: 'ListDomains',
    listCommand: ListDomainsCommand,
    items: 'Domains',
    nameOf: s => s.DomainName ?? s.DomainId,
    statusOf: s => s.Status,
    arnOf: s => s.DomainArn,
    describe: 'DescribeDomain',
    describeCommand: DescribeDomainCommand,
    describeInput: s => ({ DomainId: s.DomainId }),
  },
  {
    kind: 'UserProfile',
    list: 'ListUserProfiles',
    listCommand: ListUserProfilesCommand,
    items: 'UserProfiles',
    nameOf: s => s.UserProfileName,
    statusOf: s => s.Status,
    arnOf: () => undefined,
    describe: 'DescribeUserProfile',
    describeCommand: DescribeUserProfileCommand,
    describeInput: s => ({
      DomainId: s.DomainId,
      UserProfileName: s.UserProfileName,
    }),
  },
];

const NOT_FOUND = new Set(['ResourceNotFound', 'ResourceNotFoundException']);

/** A Describe or ListTags of a resource deleted since it was listed. */
function isGone(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: string })?.message ?? '');
  return (
    NOT_FOUND.has(name) ||
    (name === 'ValidationException' &&
      /does not exist|not found/i.test(message))
  );
}

/**
 * Options of {@link SageMakerEstateReader}.
 *
 * @public
 */
export interface SageMakerEstateReaderOptions {
  /** Clients scoped to the one account and region to read. */
  clients: SageMakerStudioAwsClients;
  logger: LoggerService;
  /** Defaults to the shared rules of `-common`. */
  rules?: readonly ComplianceRule[];
  /** How failed pages are retried. */
  retry?: CompliancePageRetry;
  /** Describe and ListTags calls in flight at once. Defaults to 8. */
  concurrency?: number;
}

/**
 * Reads every SageMaker resource the compliance rules cover in one account
 * and region, a page at a time, and judges each with the shared rules.
 *
 * Calls, cheapest first: `Search` (100 whole resources per call, tags
 * included) for training jobs, tuning jobs and models; a List call per 100
 * for processing, transform and AutoML jobs, notebook instances, endpoint
 * configurations, domains and user profiles, then `Describe…` and
 * `ListTags` only for resources still active (a finished job has nothing
 * left to judge). Pages are yielded as they arrive, so memory holds one page
 * whatever the size of the estate. A page that AWS throttles or fails on is
 * retried (see {@link retryPage}); a page that keeps failing ends the read
 * with a {@link ComplianceReadError}.
 *
 * @public
 */
export class SageMakerEstateReader {
  private readonly rules: readonly ComplianceRule[];
  private readonly concurrency: number;

  constructor(private readonly options: SageMakerEstateReaderOptions) {
    this.rules = options.rules ?? defaultComplianceRules;
    this.concurrency = options.concurrency ?? 8;
  }

  /** Pages of judged resources, kind after kind. */
  async *pages(): AsyncGenerator<SweptResource[]> {
    const client = await this.options.clients.sageMaker();
    for (const kind of SEARCHED_KINDS) {
      yield* this.searched(client, kind);
    }
    for (const kind of LISTED_KINDS) {
      yield* this.listed(client, kind);
    }
  }

  private async *searched(
    client: SageMakerClient,
    kind: (typeof SEARCHED_KINDS)[number],
  ): AsyncGenerator<SweptResource[]> {
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const output = await this.page('Search', () =>
        client.send(
          new SearchCommand({
            Resource: kind,
            MaxResults: 100,
            // Oldest first, so resources created during the sweep land on
            // later pages instead of shifting the ones not yet read.
            SortBy: 'CreationTime',
            SortOrder: 'Ascending',
            NextToken: token,
          }),
        ),
      );
      const page: SweptResource[] = [];
      for (const record of output.Results ?? []) {
        let item = (record as Raw)[kind] as Raw | undefined;
        // Search returns a model as a ModelDashboardModel around the model.
        if (kind === 'Model' && item?.Model && !item.ModelName) {
          item = item.Model as Raw;
        }
        const resource = item && this.judge(kind, item, item.Tags ?? []);
        if (resource) page.push(resource);
      }
      if (page.length > 0) yield page;
      nextToken = output.NextToken;
    } while (nextToken);
  }

  private async *listed(
    client: SageMakerClient,
    spec: ListedKind,
  ): AsyncGenerator<SweptResource[]> {
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const output = (await this.page(spec.list, () =>
        client.send(
          new spec.listCommand({ MaxResults: 100, NextToken: token }),
        ),
      )) as Raw;
      const summaries: Raw[] = output[spec.items] ?? [];
      const judged = await mapWithConcurrency(
        summaries,
        summary => this.describeAndJudge(client, spec, summary),
        this.concurrency,
      );
      const page = judged.filter((r): r is SweptResource => Boolean(r));
      if (page.length > 0) yield page;
      nextToken = output.NextToken;
    } while (nextToken);
  }

  private async describeAndJudge(
    client: SageMakerClient,
    spec: ListedKind,
    summary: Raw,
  ): Promise<SweptResource | undefined> {
    const name = spec.nameOf(summary);
    if (!name) return undefined;
    const status = spec.statusOf(summary);
    const summaryArn = spec.arnOf(summary);
    if (summaryArn && !this.isActive(spec.kind, status)) {
      return {
        ...this.where(summaryArn),
        kind: spec.kind,
        name,
        arn: summaryArn,
        status,
        active: false,
        failed: [],
      };
    }
    try {
      const described = (await this.page(spec.describe, () =>
        client.send(new spec.describeCommand(spec.describeInput(summary))),
      )) as Raw;
      const arn =
        described[`${spec.kind}Arn`] ??
        (spec.kind === 'UserProfile' ? described.UserProfileArn : undefined) ??
        summaryArn;
      const tags = arn
        ? (
            await this.page('ListTags', () =>
              client.send(
                new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }),
              ),
            )
          ).Tags ?? []
        : [];
      return this.judge(
        spec.kind,
        { ...described, ...(arn ? { [`${spec.kind}Arn`]: arn } : {}) },
        tags,
      );
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }

  /** Normalises, attributes and judges one resource read whole. */
  private judge(
    kind: SageMakerWorkloadKind,
    output: Raw,
    tags: ReadonlyArray<{ Key?: string; Value?: string }>,
  ): SweptResource | undefined {
    const workload = fromDescribeOutput(kind, output, { tags });
    if (!workload) return undefined;
    const { clients } = this.options;
    const fallback = {
      accountId: clients.accountId ?? '',
      region: clients.region,
    };
    const arn = sageMakerArnFor(
      workload,
      locationOfArn(workload.arn, fallback),
    );
    if (!arn) return undefined;
    const active = this.isActive(kind, workload.status);
    const { team, by } = attributeTeam(workload, executionRoleOf(kind, output));
    return {
      ...this.where(arn),
      kind,
      name: workload.name,
      arn,
      ...(workload.status ? { status: workload.status } : {}),
      active,
      ...(team ? { team, teamBy: by } : {}),
      failed: active
        ? failedFindings(evaluateWorkload(workload, this.rules))
        : [],
    };
  }

  private where(arn: string): { accountId: string; region: string } {
    const { clients } = this.options;
    return locationOfArn(arn, {
      accountId: clients.accountId ?? '',
      region: clients.region,
    });
  }

  private isActive(kind: SageMakerWorkloadKind, status: string | undefined) {
    return !status || !(INACTIVE_STATUSES[kind] ?? []).includes(status);
  }

  private async page<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await retryPage(call, {
        ...this.options.retry,
        what: `${operation} in ${this.options.clients.targetKey}`,
        logger: this.options.logger,
      });
    } catch (error) {
      if (isGone(error)) throw error;
      const failure = classifyAwsFailure(error);
      const aws = error as {
        name?: string;
        message?: string;
        $metadata?: { requestId?: string };
      };
      this.options.logger.error(
        `Compliance sweep: ${operation} failed (${failure})`,
        {
          target: this.options.clients.targetKey,
          awsError: aws?.name,
          awsMessage: aws?.message,
          awsRequestId: aws?.$metadata?.requestId,
        },
      );
      throw new ComplianceReadError(
        COMPLIANCE_READ_FAILURE_MESSAGES.sageMaker,
        operation,
        failure,
      );
    }
  }
}
