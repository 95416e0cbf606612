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

import type { SandboxEnvironment } from '../../server/types';
import type { StateStore, StateTable } from '../../state';
import type { SageMakerRecord } from './common';

/** A presigned Studio URL and the session it opens. */
export interface PresignedUrlRecord {
  token: string;
  account: string;
  region: string;
  domainId: string;
  userProfileName: string;
  spaceName?: string;
  landingUri?: string;
  /** The URL must be opened before this time (epoch ms). */
  urlExpiresAt: number;
  sessionDurationMs: number;
  /** Set when the URL is first opened. */
  sessionExpiresAt?: number;
}

export const JOB_TABLES = [
  'trainingJobs',
  'processingJobs',
  'transformJobs',
  'hyperParameterTuningJobs',
  'autoMLJobs',
] as const;

export type JobTableName = (typeof JOB_TABLES)[number];

export function createSageMakerTables(state: StateStore) {
  const table = (name: string) =>
    state.table<SageMakerRecord>('sagemaker', name);
  return {
    domains: table('domains'),
    userProfiles: table('userProfiles'),
    spaces: table('spaces'),
    apps: table('apps'),
    models: table('models'),
    endpointConfigs: table('endpointConfigs'),
    notebookInstances: table('notebookInstances'),
    jobs: Object.fromEntries(
      JOB_TABLES.map(name => [name, table(name)]),
    ) as Record<JobTableName, StateTable<SageMakerRecord>>,
    presignedUrls: state.table<PresignedUrlRecord>(
      'sagemaker',
      'presignedUrls',
    ),
  };
}

export type SageMakerTables = ReturnType<typeof createSageMakerTables>;

export interface SageMakerDeps {
  env: SandboxEnvironment;
  tables: SageMakerTables;
}

/** Every table whose records carry ARNs and tags. */
export function taggableTables(
  tables: SageMakerTables,
): StateTable<SageMakerRecord>[] {
  return [
    tables.domains,
    tables.userProfiles,
    tables.spaces,
    tables.apps,
    tables.models,
    tables.endpointConfigs,
    tables.notebookInstances,
    ...Object.values(tables.jobs),
  ];
}
