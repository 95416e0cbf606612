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

import { OperationHandler, RequestContext } from '../../server/types';
import { paginate } from '../../server/pagination';
import { requireMembers, validationError } from '../../server/validation';
import { settleStatus } from '../../state';
import {
  mergeTags,
  notFound,
  REMOVED,
  requireTags,
  SageMakerRecord,
} from './common';
import { SageMakerDeps, taggableTables } from './tables';

const MAX_TAGS_PER_RESOURCE = 50;

export function createTagOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const now = () => deps.env.clock.now();

  function findByArn(ctx: RequestContext, arn: unknown): SageMakerRecord {
    for (const table of taggableTables(deps.tables)) {
      for (const record of table.values()) {
        if (record.arn === arn && record.account === ctx.accountId) {
          settleStatus(record, now());
          if (record.status !== REMOVED) {
            return record;
          }
        }
      }
    }
    throw notFound(`Resource ${String(arn)} not found`);
  }

  return {
    AddTags: (input, ctx) => {
      requireMembers(input, ['ResourceArn', 'Tags']);
      requireTags(input.Tags);
      const record = findByArn(ctx, input.ResourceArn);
      const merged = mergeTags(record.tags, input.Tags);
      if (merged.length > MAX_TAGS_PER_RESOURCE) {
        throw validationError(
          'Tags',
          `${merged.length} tags`,
          `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags`,
        );
      }
      record.tags = merged;
      return { Tags: input.Tags };
    },

    ListTags: (input, ctx) => {
      requireMembers(input, ['ResourceArn']);
      const record = findByArn(ctx, input.ResourceArn);
      const page = paginate(record.tags, {
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
        defaultPageSize: 50,
        maxPageSize: 100,
      });
      return { Tags: page.items, NextToken: page.nextToken };
    },

    DeleteTags: (input, ctx) => {
      requireMembers(input, ['ResourceArn', 'TagKeys']);
      const record = findByArn(ctx, input.ResourceArn);
      const removed = new Set<string>(input.TagKeys);
      record.tags = record.tags.filter(tag => !removed.has(tag.Key));
      return {};
    },
  };
}
