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

import { AwsError, OperationHandler } from '../../server/types';
import { paginate } from '../../server/pagination';
import { requireMembers, validationError } from '../../server/validation';
import type { StateTable } from '../../state';
import { liveRecords, SageMakerRecord } from './common';
import { describeJob, HYPER_PARAMETER_TUNING_JOB, TRAINING_JOB } from './jobs';
import { describeDefinition, MODEL } from './models';
import type { SageMakerDeps } from './tables';

interface SearchFilter {
  Name: string;
  Operator?: string;
  Value?: string;
}

interface NestedFilters {
  NestedPropertyName: string;
  Filters: SearchFilter[];
}

interface SearchExpression {
  Filters?: SearchFilter[];
  NestedFilters?: NestedFilters[];
  SubExpressions?: SearchExpression[];
  Operator?: 'And' | 'Or';
}

interface SearchableResource {
  table(deps: SageMakerDeps): StateTable<SageMakerRecord>;
  describe(record: SageMakerRecord): Record<string, unknown>;
}

const SEARCHABLE: Record<string, SearchableResource> = {
  TrainingJob: {
    table: deps => deps.tables.jobs.trainingJobs,
    describe: record => describeJob(TRAINING_JOB, record),
  },
  HyperParameterTuningJob: {
    table: deps => deps.tables.jobs.hyperParameterTuningJobs,
    describe: record => describeJob(HYPER_PARAMETER_TUNING_JOB, record),
  },
  Model: {
    table: deps => deps.tables.models,
    describe: record => describeDefinition(MODEL, record),
  },
};

const OPERATORS = [
  'Equals',
  'NotEquals',
  'GreaterThan',
  'GreaterThanOrEqualTo',
  'LessThan',
  'LessThanOrEqualTo',
  'Contains',
  'Exists',
  'NotExists',
  'In',
];

/** Reads `A.B.C` from a description; `Tags.<key>` reads a tag. */
function propertyAt(document: Record<string, any>, path: string): unknown {
  if (path.startsWith('Tags.')) {
    const key = path.slice('Tags.'.length);
    return (document.Tags as Array<{ Key: string; Value: string }>).find(
      tag => tag.Key === key,
    )?.Value;
  }
  return path
    .split('.')
    .reduce<any>(
      (value, segment) =>
        value === undefined || value === null ? undefined : value[segment],
      document,
    );
}

function comparable(value: unknown): number | string {
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'number') {
    return value;
  }
  return String(value);
}

function compare(actual: unknown, expected: string): number {
  const left = comparable(actual);
  if (typeof left === 'number') {
    const right =
      actual instanceof Date ? Date.parse(expected) : Number(expected);
    return left - right;
  }
  return left.localeCompare(expected);
}

function matchesFilter(
  document: Record<string, any>,
  filter: SearchFilter,
): boolean {
  const operator = filter.Operator ?? 'Equals';
  const actual = propertyAt(document, filter.Name);
  const present = actual !== undefined && actual !== null;
  const value = filter.Value ?? '';
  switch (operator) {
    case 'Exists':
      return present;
    case 'NotExists':
      return !present;
    case 'Equals':
      return (
        present &&
        (Array.isArray(actual)
          ? actual.map(String).includes(value)
          : compare(actual, value) === 0)
      );
    case 'NotEquals':
      return (
        !present ||
        (Array.isArray(actual)
          ? !actual.map(String).includes(value)
          : compare(actual, value) !== 0)
      );
    case 'GreaterThan':
      return present && compare(actual, value) > 0;
    case 'GreaterThanOrEqualTo':
      return present && compare(actual, value) >= 0;
    case 'LessThan':
      return present && compare(actual, value) < 0;
    case 'LessThanOrEqualTo':
      return present && compare(actual, value) <= 0;
    case 'Contains':
      return (
        present &&
        (Array.isArray(actual)
          ? actual.map(String).includes(value)
          : String(actual).includes(value))
      );
    case 'In':
      return (
        present &&
        value
          .split(',')
          .map(item => item.trim())
          .includes(String(actual))
      );
    default:
      throw validationError(
        'Operator',
        operator,
        `Member must satisfy enum value set: [${OPERATORS.join(', ')}]`,
      );
  }
}

function matchesExpression(
  document: Record<string, any>,
  expression: SearchExpression | undefined,
): boolean {
  if (!expression) {
    return true;
  }
  const results = [
    ...(expression.Filters ?? []).map(filter =>
      matchesFilter(document, filter),
    ),
    ...(expression.NestedFilters ?? []).map(nested => {
      const items = propertyAt(document, nested.NestedPropertyName);
      return (
        Array.isArray(items) &&
        items.some(item =>
          nested.Filters.every(filter => matchesFilter(item, filter)),
        )
      );
    }),
    ...(expression.SubExpressions ?? []).map(sub =>
      matchesExpression(document, sub),
    ),
  ];
  return expression.Operator === 'Or'
    ? results.some(Boolean)
    : results.every(Boolean);
}

export function createSearchOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  return {
    Search: (input, ctx) => {
      requireMembers(input, ['Resource']);
      const resource = SEARCHABLE[input.Resource];
      if (!resource) {
        throw new AwsError(
          'ValidationException',
          `The sandbox searches only ${Object.keys(SEARCHABLE).join(
            ', ',
          )}; got ${input.Resource}`,
        );
      }
      const documents = liveRecords(
        resource.table(deps),
        ctx,
        deps.env.clock.now(),
      ).map(record => ({
        ...resource.describe(record),
        Tags: record.tags,
      }));
      const matching = documents.filter(document =>
        matchesExpression(document, input.SearchExpression),
      );
      const sortBy: string = input.SortBy ?? 'CreationTime';
      const direction = input.SortOrder === 'Ascending' ? 1 : -1;
      matching.sort((a, b) => {
        const left = propertyAt(a, sortBy);
        const right = propertyAt(b, sortBy);
        if (left === right) {
          return 0;
        }
        if (left === undefined) {
          return 1;
        }
        if (right === undefined) {
          return -1;
        }
        return comparable(left) < comparable(right) ? -direction : direction;
      });
      const page = paginate(matching, {
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
        defaultPageSize: 10,
        maxPageSize: 100,
      });
      return {
        // AWS answers a model as a ModelDashboardModel around the model (the
        // SDK drops any other shape); the other kinds come as they are.
        Results: page.items.map(document => ({
          [input.Resource]:
            input.Resource === 'Model' ? { Model: document } : document,
        })),
        NextToken: page.nextToken,
      };
    },
  };
}
