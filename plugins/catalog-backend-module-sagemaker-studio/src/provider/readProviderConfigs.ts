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
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * The schedule when config sets none: every 10 minutes (or
 * `sageMakerStudio.catalog.frequencyMinutes`), 3 minutes at most per run,
 * starting 15 seconds after the backend.
 *
 * @public
 */
export const DEFAULT_SAGEMAKER_STUDIO_PROVIDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 10 },
    timeout: { minutes: 3 },
    initialDelay: { seconds: 15 },
  };

/**
 * How one SageMaker Studio entity provider runs.
 *
 * @public
 */
export interface SageMakerStudioProviderConfig {
  /** Names the provider, `sagemaker-studio:<id>`; `default` for the only one. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads `sageMakerStudio.catalog`. There is one provider, `default`, since
 * one backend serves one account and region. `schedule` takes the standard
 * scheduler form; without it, `frequencyMinutes` (default 10) sets the
 * frequency of {@link DEFAULT_SAGEMAKER_STUDIO_PROVIDER_SCHEDULE}.
 *
 * @public
 */
export function readProviderConfigs(
  config: Config,
): SageMakerStudioProviderConfig[] {
  const catalog = config.getOptionalConfig('sageMakerStudio.catalog');
  const scheduleConfig = catalog?.getOptionalConfig('schedule');
  if (scheduleConfig) {
    return [
      {
        id: 'default',
        schedule:
          readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig),
      },
    ];
  }
  const minutes = catalog?.getOptionalNumber('frequencyMinutes');
  return [
    {
      id: 'default',
      schedule: {
        ...DEFAULT_SAGEMAKER_STUDIO_PROVIDER_SCHEDULE,
        ...(minutes !== undefined ? { frequency: { minutes } } : {}),
      },
    },
  ];
}
