/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  sageMakerStudio: {
    /** The catalog entity provider. */
    catalog?: {
      /**
       * How often the provider re-reads SageMaker and Service Catalog, in
       * minutes, when `schedule` is not set. Default 10.
       */
      frequencyMinutes?: number;
      /**
       * The provider's schedule in the standard scheduler form (frequency,
       * timeout, initialDelay, scope). Default: every `frequencyMinutes`,
       * 3 minutes timeout, 15 seconds initial delay.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
