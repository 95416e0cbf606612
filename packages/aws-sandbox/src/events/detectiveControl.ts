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

import type { SandboxLogger, SandboxSettings } from '../server/types';
import type { EventHandler } from './types';

const DETECTIVE_CONTROL_PACKAGE =
  '@internal/sagemaker-studio-detective-control';

/**
 * Loads the detective-control Lambda handler with SDK clients pointed back at
 * the sandbox. The package is optional at run time: when it is missing or
 * fails to load, events are simply not delivered to it.
 */
export function loadDetectiveControlHandler(options: {
  baseUrl: string;
  settings: SandboxSettings;
  logger: SandboxLogger;
}): EventHandler | undefined {
  const { baseUrl, settings, logger } = options;
  let factory: unknown;
  try {
    // Required lazily so the sandbox runs even where that package is absent or broken.
    factory = require(DETECTIVE_CONTROL_PACKAGE).createDetectiveControlHandler;
  } catch (error) {
    logger.warn(
      `Detective control not loaded (${DETECTIVE_CONTROL_PACKAGE}): ${
        error instanceof Error ? error.message.split('\n')[0] : String(error)
      }`,
    );
    return undefined;
  }
  if (typeof factory !== 'function') {
    logger.warn(
      `Detective control not loaded: ${DETECTIVE_CONTROL_PACKAGE} has no createDetectiveControlHandler`,
    );
    return undefined;
  }
  const { SageMakerClient } = require('@aws-sdk/client-sagemaker');
  const { SecurityHubClient } = require('@aws-sdk/client-securityhub');
  const clientConfig = {
    endpoint: baseUrl,
    region: settings.region,
    // A 12-digit access key makes the sandbox treat calls as that account's.
    credentials: {
      accessKeyId: settings.accountId,
      secretAccessKey: 'sandbox',
    },
  };
  const handler = factory({
    sageMaker: new SageMakerClient(clientConfig),
    securityHub: new SecurityHubClient(clientConfig),
    accountId: settings.accountId,
    region: settings.region,
    logger,
  });
  return typeof handler === 'function' ? (handler as EventHandler) : undefined;
}
