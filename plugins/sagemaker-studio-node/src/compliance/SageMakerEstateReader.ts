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
  DescribeAppCommand,
  DescribeAutoMLJobV2Command,
  DescribeDomainCommand,
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeSpaceCommand,
  DescribeTransformJobCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListAutoMLJobsCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListSpacesCommand,
  ListTagsCommand,
  ListTransformJobsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ComplianceContext,
  ComplianceRule,
  defaultComplianceRules,
  evaluateWorkload,
  failedFindings,
  fromDescribeOutput,
  sageMakerArnFor,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from '../aws/SageMakerStudioAwsClients';
import { locationOfArn, mapWithConcurrency } from '../aws/studioReadHelpers';
import { readPage } from './readPage';
import { CompliancePageRetry } from './retryPage';
import { attributeTeam, executionRoleOf } from './teamAttribution';
import { COMPLIANCE_READ_FAILURE_MESSAGES, SweptResource } from './types';

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
  Space: ['Deleting', 'Delete_Failed'],
  App: ['Deleted', 'Deleting', 'Failed'],
};

/** `<domain id>\n<name>`: a user profile or space within its domain. */
function inDomain(domainId: unknown, name: unknown): string | undefined {
  return typeof domainId === 'string' && typeof name === 'string'
    ? `${domainId}\n${name}`
    : undefined;
}

/** A kind read with a List call and one Describe (plus ListTags) per active resource. */
interface ListedKind {
  kind: SageMakerWorkloadKind;
  list: string;
  ListCommand: new (input: any) => any;
  /** Where the page's summaries are in the List output. */
  items: string;
  nameOf(summary: Raw): string | undefined;
  statusOf(summary: Raw): string | undefined;
  arnOf(summary: Raw): string | undefined;
  describe: string;
  DescribeCommand: new (input: any) => any;
  describeInput(summary: Raw): Raw;
}

const LISTED_KINDS: ListedKind[] = [
  {
    kind: 'ProcessingJob',
    list: 'ListProcessingJobs',
    ListCommand: ListProcessingJobsCommand,
    items: 'ProcessingJobSummaries',
    nameOf: s => s.ProcessingJobName,
    statusOf: s => s.ProcessingJobStatus,
    arnOf: s => s.ProcessingJobArn,
    describe: 'DescribeProcessingJob',
    DescribeCommand: DescribeProcessingJobCommand,
    describeInput: s => ({ ProcessingJobName: s.ProcessingJobName }),
  },
  {
    kind: 'TransformJob',
    list: 'ListTransformJobs',
    ListCommand: ListTransformJobsCommand,
    items: 'TransformJobSummaries',
    nameOf: s => s.TransformJobName,
    statusOf: s => s.TransformJobStatus,
    arnOf: s => s.TransformJobArn,
    describe: 'DescribeTransformJob',
    DescribeCommand: DescribeTransformJobCommand,
    describeInput: s => ({ TransformJobName: s.TransformJobName }),
  },
  {
    kind: 'AutoMLJob',
    list: 'ListAutoMLJobs',
    ListCommand: ListAutoMLJobsCommand,
    items: 'AutoMLJobSummaries',
    nameOf: s => s.AutoMLJobName,
    statusOf: s => s.AutoMLJobStatus,
    arnOf: s => s.AutoMLJobArn,
    describe: 'DescribeAutoMLJobV2',
    DescribeCommand: DescribeAutoMLJobV2Command,
    describeInput: s => ({ AutoMLJobName: s.AutoMLJobName }),
  },
  {
    kind: 'NotebookInstance',
    list: 'ListNotebookInstances',
    ListCommand: ListNotebookInstancesCommand,
    items: 'NotebookInstances',
    nameOf: s => s.NotebookInstanceName,
    statusOf: s => s.NotebookInstanceStatus,
    arnOf: s => s.NotebookInstanceArn,
    describe: 'DescribeNotebookInstance',
    DescribeCommand: DescribeNotebookInstanceCommand,
    describeInput: s => ({ NotebookInstanceName: s.NotebookInstanceName }),
  },
  {
    kind: 'EndpointConfig',
    list: 'ListEndpointConfigs',
    ListCommand: ListEndpointConfigsCommand,
    items: 'EndpointConfigs',
    nameOf: s => s.EndpointConfigName,
    statusOf: () => undefined,
    arnOf: s => s.EndpointConfigArn,
    describe: 'DescribeEndpointConfig',
    DescribeCommand: DescribeEndpointConfigCommand,
    describeInput: s => ({ EndpointConfigName: s.EndpointConfigName }),
  },
  {
    kind: 'Domain',
    list: 'ListDomains',
    ListCommand: ListDomainsCommand,
    items: 'Domains',
    nameOf: s => s.DomainName ?? s.DomainId,
    statusOf: s => s.Status,
    arnOf: s => s.DomainArn,
    describe: 'DescribeDomain',
    DescribeCommand: DescribeDomainCommand,
    describeInput: s => ({ DomainId: s.DomainId }),
  },
  {
    kind: 'UserProfile',
    list: 'ListUserProfiles',
    ListCommand: ListUserProfilesCommand,
    items: 'UserProfiles',
    nameOf: s => s.UserProfileName,
    statusOf: s => s.Status,
    arnOf: () => undefined,
    describe: 'DescribeUserProfile',
    DescribeCommand: DescribeUserProfileCommand,
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
  /**
   * The settings the rules are judged with (`sageMakerStudio.sweep.context`);
   * without it the rules that need a setting are not applicable.
   */
  context?: ComplianceContext;
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
 * left to judge); last, Studio spaces and apps with one `ListSpaces` and
 * one `ListApps` per 100 over all domains, `DescribeSpace` / `DescribeApp`
 * only when approved images are configured (and for an app only when its
 * summary lacks `ResourceSpec`), and no ListTags: a space or app takes the
 * team of its owning user profile, read just before. Pages are yielded as they arrive, so memory holds one page
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

  /**
   * The team of each user profile read so far (`<domain id>\n<profile>`),
   * and of each space (its owner's team): how spaces and apps, which the
   * sweep does not ListTags, are attributed. Reset on every read.
   */
  private profileTeams = new Map<string, string>();
  private spaceTeams = new Map<string, string>();

  /** Pages of judged resources, kind after kind. */
  async *pages(): AsyncGenerator<SweptResource[]> {
    const client = await this.options.clients.sageMaker();
    this.profileTeams = new Map();
    this.spaceTeams = new Map();
    for (const kind of SEARCHED_KINDS) {
      yield* this.searched(client, kind);
    }
    // User profiles come last of these, so their teams are known below.
    for (const kind of LISTED_KINDS) {
      yield* this.listed(client, kind);
    }
    yield* this.spaces(client);
    yield* this.apps(client);
  }

  /**
   * Whether a space's or app's Describe output can change a verdict that
   * its List summary cannot give: only `SAGEMAKER_APPROVED_IMAGE` reads the
   * images, and only when approved images are configured (custom rules may
   * read anything, so they always get the Describe output).
   */
  private needsStudioImages(): boolean {
    const { context, rules } = this.options;
    return (
      rules !== undefined ||
      Boolean(context?.approvedImageArns || context?.approvedImageNames)
    );
  }

  /**
   * Studio spaces: `ListSpaces` over every domain of the account and region
   * (100 per call; the summary carries the owner, sharing type and app
   * type), then `DescribeSpace` per active space only when the images must
   * be judged. A space takes its owner's team; no ListTags.
   */
  private async *spaces(
    client: SageMakerClient,
  ): AsyncGenerator<SweptResource[]> {
    const describe = this.needsStudioImages();
    yield* this.listStudio(client, 'ListSpaces', ListSpacesCommand, 'Spaces', {
      kind: 'Space',
      describe: summary =>
        describe
          ? this.page('DescribeSpace', () =>
              client.send(
                new DescribeSpaceCommand({
                  DomainId: summary.DomainId,
                  SpaceName: summary.SpaceName,
                }),
              ),
            )
          : undefined,
      fromSummary: summary => ({
        DomainId: summary.DomainId,
        SpaceName: summary.SpaceName,
        Status: summary.Status,
        OwnershipSettings: summary.OwnershipSettingsSummary,
        SpaceSharingSettings: summary.SpaceSharingSettingsSummary,
        SpaceSettings: summary.SpaceSettingsSummary?.AppType
          ? { AppType: summary.SpaceSettingsSummary.AppType }
          : undefined,
      }),
      teamOf: output => {
        const owner = output.OwnershipSettings?.OwnerUserProfileName;
        const key = inDomain(output.DomainId, owner);
        return key ? this.profileTeams.get(key) : undefined;
      },
      remember: (output, team) => {
        const key = inDomain(output.DomainId, output.SpaceName);
        if (key && team) this.spaceTeams.set(key, team);
      },
    });
  }

  /**
   * Studio apps: `ListApps` over every domain (100 per call; the summary
   * carries `ResourceSpec`), `DescribeApp` only for an active app whose
   * summary lacks it when the images must be judged. An app takes the team
   * of its space, else of its user profile; no ListTags.
   */
  private async *apps(
    client: SageMakerClient,
  ): AsyncGenerator<SweptResource[]> {
    const describe = this.needsStudioImages();
    yield* this.listStudio(client, 'ListApps', ListAppsCommand, 'Apps', {
      kind: 'App',
      describe: summary =>
        describe && !summary.ResourceSpec
          ? this.page('DescribeApp', () =>
              client.send(
                new DescribeAppCommand({
                  DomainId: summary.DomainId,
                  AppType: summary.AppType,
                  AppName: summary.AppName,
                  ...(summary.SpaceName
                    ? { SpaceName: summary.SpaceName }
                    : { UserProfileName: summary.UserProfileName }),
                }),
              ),
            )
          : undefined,
      fromSummary: summary => summary,
      teamOf: output =>
        output.SpaceName
          ? this.spaceTeams.get(
              inDomain(output.DomainId, output.SpaceName) ?? '',
            )
          : this.profileTeams.get(
              inDomain(output.DomainId, output.UserProfileName) ?? '',
            ),
    });
  }

  private async *listStudio(
    client: SageMakerClient,
    list: string,
    ListCommand: new (input: any) => any,
    items: string,
    spec: {
      kind: 'Space' | 'App';
      describe(summary: Raw): Promise<unknown> | undefined;
      fromSummary(summary: Raw): Raw;
      teamOf(output: Raw): string | undefined;
      remember?(output: Raw, team: string | undefined): void;
    },
  ): AsyncGenerator<SweptResource[]> {
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const output = (await this.page(list, () =>
        client.send(new ListCommand({ MaxResults: 100, NextToken: token })),
      )) as Raw;
      const summaries: Raw[] = output[items] ?? [];
      const judged = await mapWithConcurrency(
        summaries,
        async summary => {
          const active = this.isActive(spec.kind, summary.Status);
          let raw: Raw = spec.fromSummary(summary);
          if (active) {
            try {
              const described = (await spec.describe(summary)) as
                | Raw
                | undefined;
              if (described) raw = described;
            } catch (error) {
              if (isGone(error)) return undefined;
              throw error;
            }
          }
          const team = spec.teamOf(raw);
          spec.remember?.(raw, team);
          return this.judge(spec.kind, raw, [], team);
        },
        this.concurrency,
      );
      const page = judged.filter((r): r is SweptResource => Boolean(r));
      if (page.length > 0) yield page;
      nextToken = output.NextToken;
    } while (nextToken);
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
          new spec.ListCommand({ MaxResults: 100, NextToken: token }),
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
        client.send(new spec.DescribeCommand(spec.describeInput(summary))),
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
      const resource = this.judge(
        spec.kind,
        { ...described, ...(arn ? { [`${spec.kind}Arn`]: arn } : {}) },
        tags,
      );
      const profile = inDomain(described.DomainId, resource?.name);
      if (spec.kind === 'UserProfile' && profile && resource?.team) {
        this.profileTeams.set(profile, resource.team);
      }
      return resource;
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }

  /**
   * Normalises, attributes and judges one resource read whole. `ownerTeam`
   * (spaces and apps) is the team of the owning user profile, used when the
   * resource carries no `TeamName` tag of its own.
   */
  private judge(
    kind: SageMakerWorkloadKind,
    output: Raw,
    tags: ReadonlyArray<{ Key?: string; Value?: string }>,
    ownerTeam?: string,
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
    // A List summary (spaces, apps) has no ARN: the rules need its account.
    workload.arn ??= arn;
    const active = this.isActive(kind, workload.status);
    const attributed = attributeTeam(workload, executionRoleOf(kind, output));
    const { team, by } =
      !attributed.team && ownerTeam
        ? { team: ownerTeam, by: 'owner' as const }
        : attributed;
    return {
      ...this.where(arn),
      kind,
      name: workload.name,
      arn,
      ...(workload.status ? { status: workload.status } : {}),
      active,
      ...(team ? { team, teamBy: by } : {}),
      failed: active
        ? failedFindings(
            evaluateWorkload(workload, this.rules, this.options.context),
          )
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

  private page<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return readPage(call, {
      operation,
      message: COMPLIANCE_READ_FAILURE_MESSAGES.sageMaker,
      targetKey: this.options.clients.targetKey,
      logger: this.options.logger,
      retry: this.options.retry,
      passThrough: isGone,
    });
  }
}
