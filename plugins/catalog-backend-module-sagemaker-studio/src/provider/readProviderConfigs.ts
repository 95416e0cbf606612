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
import {
  readSageMakerStudioConfig,
  SageMakerStudioAwsTarget,
  sageMakerStudioTargetKey,
} from '@internal/plugin-sagemaker-studio-node';

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
 * How one SageMaker Studio entity provider runs: one provider per account
 * and region of `sageMakerStudio.accounts`.
 *
 * @public
 */
export interface SageMakerStudioProviderConfig {
  /**
   * Names the provider, `sagemaker-studio:<id>`: `default` for the home
   * account and region (the name it had before there were several),
   * `<accountId>-<region>` for the others (`default-<region>` for the
   * `aws:` block's main account in another region).
   */
  id: string;
  /** The account and region it reads. */
  target: SageMakerStudioAwsTarget;
  /**
   * Whether it is the home account and region, whose entities keep their
   * plain names; the others' names end in `-<accountId>-<region>`.
   */
  home: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads `sageMakerStudio.catalog` and `sageMakerStudio.accounts`: one
 * provider per account and region, each with its own full mutation, so a
 * target that cannot be read keeps its entities while the others refresh.
 * `schedule` takes the standard scheduler form; without it,
 * `frequencyMinutes` (default 10) sets the frequency of
 * {@link DEFAULT_SAGEMAKER_STUDIO_PROVIDER_SCHEDULE}.
 *
 * @public
 */
export function readProviderConfigs(
  config: Config,
): SageMakerStudioProviderConfig[] {
  const catalog = config.getOptionalConfig('sageMakerStudio.catalog');
  const scheduleConfig = catalog?.getOptionalConfig('schedule');
  const minutes = catalog?.getOptionalNumber('frequencyMinutes');
  const schedule: SchedulerServiceTaskScheduleDefinition = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : {
        ...DEFAULT_SAGEMAKER_STUDIO_PROVIDER_SCHEDULE,
        ...(minutes !== undefined ? { frequency: { minutes } } : {}),
      };
  const settings = readSageMakerStudioConfig(config);
  const homeKey = sageMakerStudioTargetKey({
    ...(settings.accountId ? { accountId: settings.accountId } : {}),
    region: settings.region,
  });
  return settings.targets.map(target => {
    const home = sageMakerStudioTargetKey(target) === homeKey;
    return {
      id: home
        ? 'default'
        : `${target.accountId ?? 'default'}-${target.region}`,
      target,
      home,
      schedule,
    };
  });
}
