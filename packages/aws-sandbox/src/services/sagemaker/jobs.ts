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

import { AwsError, OperationHandler, RequestContext } from '../../server/types';
import { requireMembers } from '../../server/validation';
import { scheduleStatuses } from '../../state';
import {
  liveRecord,
  liveRecords,
  listPage,
  notFound,
  recordKey,
  requireName,
  requireRoleArn,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
} from './common';
import type { JobTableName, SageMakerDeps } from './tables';

/** How one kind of SageMaker job is named and described. */
export interface JobKind {
  table: JobTableName;
  /** `TrainingJob`: gives CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs, StopTrainingJob. */
  noun: string;
  /** Noun as it appears in messages, e.g. `training job`. */
  label: string;
  nameMember: string;
  arnMember: string;
  statusMember: string;
  arnType: string;
  maxNameLength: number;
  required: string[];
  roleMember?: string;
  /** Members of list summaries beyond name, ARN, status and times. */
  summaryMembers: string[];
  /** Members computed for describe calls. */
  describeExtras?(record: SageMakerRecord): Record<string, unknown>;
}

const endTime = (record: SageMakerRecord) =>
  ['Completed', 'Stopped', 'Failed'].includes(record.status)
    ? new Date(record.lastModifiedTime)
    : undefined;

export const TRAINING_JOB: JobKind = {
  table: 'trainingJobs',
  noun: 'TrainingJob',
  label: 'training job',
  nameMember: 'TrainingJobName',
  arnMember: 'TrainingJobArn',
  statusMember: 'TrainingJobStatus',
  arnType: 'training-job',
  maxNameLength: 63,
  required: [
    'TrainingJobName',
    'RoleArn',
    'OutputDataConfig',
    'ResourceConfig',
    'StoppingCondition',
  ],
  roleMember: 'RoleArn',
  summaryMembers: ['TrainingEndTime', 'SecondaryStatus'],
  describeExtras: record => ({
    SecondaryStatus:
      { InProgress: 'Training', Stopping: 'Stopping' }[record.status] ??
      record.status,
    TrainingStartTime: new Date(record.creationTime),
    TrainingEndTime: endTime(record),
    EnableNetworkIsolation: record.input.EnableNetworkIsolation ?? false,
    EnableInterContainerTrafficEncryption:
      record.input.EnableInterContainerTrafficEncryption ?? false,
    ModelArtifacts:
      record.status === 'Completed'
        ? {
            S3ModelArtifacts: `${record.input.OutputDataConfig?.S3OutputPath}/${record.name}/output/model.tar.gz`,
          }
        : undefined,
  }),
};

export const PROCESSING_JOB: JobKind = {
  table: 'processingJobs',
  noun: 'ProcessingJob',
  label: 'processing job',
  nameMember: 'ProcessingJobName',
  arnMember: 'ProcessingJobArn',
  statusMember: 'ProcessingJobStatus',
  arnType: 'processing-job',
  maxNameLength: 63,
  required: [
    'ProcessingJobName',
    'ProcessingResources',
    'AppSpecification',
    'RoleArn',
  ],
  roleMember: 'RoleArn',
  summaryMembers: ['ProcessingEndTime'],
  describeExtras: record => ({
    ProcessingStartTime: new Date(record.creationTime),
    ProcessingEndTime: endTime(record),
  }),
};

export const TRANSFORM_JOB: JobKind = {
  table: 'transformJobs',
  noun: 'TransformJob',
  label: 'transform job',
  nameMember: 'TransformJobName',
  arnMember: 'TransformJobArn',
  statusMember: 'TransformJobStatus',
  arnType: 'transform-job',
  maxNameLength: 63,
  required: [
    'TransformJobName',
    'ModelName',
    'TransformInput',
    'TransformOutput',
    'TransformResources',
  ],
  summaryMembers: ['TransformEndTime'],
  describeExtras: record => ({
    TransformStartTime: new Date(record.creationTime),
    TransformEndTime: endTime(record),
  }),
};

export const HYPER_PARAMETER_TUNING_JOB: JobKind = {
  table: 'hyperParameterTuningJobs',
  noun: 'HyperParameterTuningJob',
  label: 'hyper-parameter tuning job',
  nameMember: 'HyperParameterTuningJobName',
  arnMember: 'HyperParameterTuningJobArn',
  statusMember: 'HyperParameterTuningJobStatus',
  arnType: 'hyper-parameter-tuning-job',
  maxNameLength: 32,
  required: ['HyperParameterTuningJobName', 'HyperParameterTuningJobConfig'],
  summaryMembers: [
    'Strategy',
    'HyperParameterTuningEndTime',
    'TrainingJobStatusCounters',
    'ObjectiveStatusCounters',
  ],
  describeExtras: record => {
    const done = record.status === 'Completed' ? 1 : 0;
    return {
      Strategy: record.input.HyperParameterTuningJobConfig?.Strategy,
      HyperParameterTuningEndTime: endTime(record),
      TrainingJobStatusCounters: {
        Completed: done,
        InProgress: record.status === 'InProgress' ? 1 : 0,
        RetryableError: 0,
        NonRetryableError: 0,
        Stopped: record.status === 'Stopped' ? 1 : 0,
      },
      ObjectiveStatusCounters: {
        Succeeded: done,
        Pending: 1 - done,
        Failed: 0,
      },
    };
  },
};

export const AUTO_ML_JOB: JobKind = {
  table: 'autoMLJobs',
  noun: 'AutoMLJob',
  label: 'AutoML job',
  nameMember: 'AutoMLJobName',
  arnMember: 'AutoMLJobArn',
  statusMember: 'AutoMLJobStatus',
  arnType: 'automl-job',
  maxNameLength: 32,
  required: ['AutoMLJobName', 'InputDataConfig', 'OutputDataConfig', 'RoleArn'],
  roleMember: 'RoleArn',
  summaryMembers: ['AutoMLJobSecondaryStatus', 'EndTime'],
  describeExtras: record => ({
    AutoMLJobSecondaryStatus:
      {
        InProgress: 'Starting',
        Completed: 'Completed',
        Stopping: 'Stopping',
        Stopped: 'Stopped',
      }[record.status] ?? record.status,
    EndTime: endTime(record),
  }),
};

/** AutoML V2 shares the table (and ListAutoMLJobs) with V1, as in AWS. */
const AUTO_ML_JOB_V2: JobKind = {
  ...AUTO_ML_JOB,
  required: [
    'AutoMLJobName',
    'AutoMLJobInputDataConfig',
    'OutputDataConfig',
    'AutoMLProblemTypeConfig',
    'RoleArn',
  ],
};

export const JOB_KINDS = [
  TRAINING_JOB,
  PROCESSING_JOB,
  TRANSFORM_JOB,
  HYPER_PARAMETER_TUNING_JOB,
  AUTO_ML_JOB,
];

export function describeJob(kind: JobKind, record: SageMakerRecord) {
  return {
    ...record.input,
    [kind.arnMember]: record.arn,
    [kind.statusMember]: record.status,
    ...times(record),
    ...kind.describeExtras?.(record),
  };
}

export function createJobOperations(
  deps: SageMakerDeps,
  kind: JobKind,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const table = tables.jobs[kind.table];
  const now = () => env.clock.now();

  function findJob(ctx: RequestContext, name: unknown): SageMakerRecord {
    const record =
      typeof name === 'string'
        ? liveRecord(table, recordKey(ctx, name), now())
        : undefined;
    if (!record) {
      throw notFound(
        `Requested resource not found: ${sageMakerArn(
          ctx,
          kind.arnType,
          String(name),
        )}`,
      );
    }
    return record;
  }

  function create(variant: JobKind, version?: 'V2'): OperationHandler {
    return (input, ctx) => {
      requireMembers(input, variant.required);
      requireName(input, variant.nameMember, variant.maxNameLength);
      if (variant.roleMember) {
        requireRoleArn(input, variant.roleMember);
      }
      requireTags(input.Tags);
      if (
        variant === TRANSFORM_JOB &&
        !liveRecord(tables.models, recordKey(ctx, input.ModelName), now())
      ) {
        throw new AwsError(
          'ValidationException',
          `Could not find model "${sageMakerArn(
            ctx,
            'model',
            input.ModelName,
          )}".`,
        );
      }
      const name: string = input[variant.nameMember];
      const key = recordKey(ctx, name);
      const arn = sageMakerArn(ctx, variant.arnType, name);
      if (liveRecord(table, key, now())) {
        throw new AwsError(
          'ResourceInUse',
          `${variant.label[0].toUpperCase()}${variant.label.slice(
            1,
          )} names must be unique within an AWS account and region, and a ${
            variant.label
          } with this name already exists (${arn})`,
        );
      }
      const time = now();
      const record: SageMakerRecord = {
        arn,
        name,
        account: ctx.accountId,
        region: ctx.region,
        status: 'InProgress',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: version ? { version } : {},
      };
      scheduleStatuses(record, time, [['Completed', env.settings.delayMs]]);
      table.set(key, record);
      return { [variant.arnMember]: arn };
    };
  }

  const operations: Record<string, OperationHandler> = {
    [`Create${kind.noun}`]: create(kind),

    [`Describe${kind.noun}`]: (input, ctx) => {
      requireMembers(input, [kind.nameMember]);
      return describeJob(kind, findJob(ctx, input[kind.nameMember]));
    },

    [`List${kind.noun}s`]: (input, ctx) => {
      const page = listPage(liveRecords(table, ctx, now()), input);
      return {
        [`${kind.noun}Summaries`]: page.items.map(record => {
          const description = describeJob(kind, record) as Record<
            string,
            unknown
          >;
          const summary: Record<string, unknown> = {
            [kind.nameMember]: record.name,
            [kind.arnMember]: record.arn,
            [kind.statusMember]: record.status,
            ...times(record),
          };
          for (const member of kind.summaryMembers) {
            summary[member] = description[member];
          }
          return summary;
        }),
        NextToken: page.nextToken,
      };
    },

    [`Stop${kind.noun}`]: (input, ctx) => {
      requireMembers(input, [kind.nameMember]);
      const record = findJob(ctx, input[kind.nameMember]);
      if (record.status !== 'InProgress') {
        throw new AwsError(
          'ValidationException',
          `The request was rejected because the ${kind.label} is in status ${record.status}.`,
        );
      }
      scheduleStatuses(record, now(), [
        ['Stopping', 0],
        ['Stopped', env.settings.delayMs],
      ]);
      return {};
    },
  };

  if (kind === AUTO_ML_JOB) {
    operations.CreateAutoMLJobV2 = create(AUTO_ML_JOB_V2, 'V2');
    operations.DescribeAutoMLJobV2 = operations.DescribeAutoMLJob;
  }
  return operations;
}
