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

/** Account ids are 12 digits; the sandbox reads such an access key as that account. */
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Loads the detective-control Lambda handler with SDK clients pointed back at
 * the sandbox. The package is optional at run time: when it is missing or
 * fails to load, events are simply not delivered to it.
 *
 * The returned target stands in for the EventBridge rule of
 * `cloudformation/shared/detective-control.yaml`: it passes on only
 * CloudTrail events of the SageMaker calls the package judges
 * (`SAGEMAKER_JUDGED_EVENT_NAMES`), and acts in the event's account and
 * region: one handler per account and region, whose clients use the
 * account id as access key, so its Describe*, Stop*, Delete* and
 * Security Hub calls land in that account.
 */
export function loadDetectiveControlHandler(options: {
  baseUrl: string;
  settings: SandboxSettings;
  logger: SandboxLogger;
}): EventHandler | undefined {
  const { baseUrl, settings, logger } = options;
  let loaded: Record<string, unknown>;
  try {
    // Required lazily so the sandbox runs even where that package is absent or broken.
    loaded = require(DETECTIVE_CONTROL_PACKAGE);
  } catch (error) {
    logger.warn(
      `Detective control not loaded (${DETECTIVE_CONTROL_PACKAGE}): ${
        error instanceof Error ? error.message.split('\n')[0] : String(error)
      }`,
    );
    return undefined;
  }
  const factory = loaded.createDetectiveControlHandler;
  const judged = loaded.SAGEMAKER_JUDGED_EVENT_NAMES;
  if (typeof factory !== 'function' || !Array.isArray(judged)) {
    logger.warn(
      `Detective control not loaded: ${DETECTIVE_CONTROL_PACKAGE} has no createDetectiveControlHandler or SAGEMAKER_JUDGED_EVENT_NAMES`,
    );
    return undefined;
  }
  const createHandler = factory as (deps: object) => EventHandler;
  const routed = new Set<string>(judged);
  const { SageMakerClient } = require('@aws-sdk/client-sagemaker');
  const { SecurityHubClient } = require('@aws-sdk/client-securityhub');
  const handlers = new Map<string, EventHandler>();

  function handlerFor(accountId: string, region: string): EventHandler {
    const key = `${accountId}/${region}`;
    let handler = handlers.get(key);
    if (!handler) {
      const clientConfig = {
        endpoint: baseUrl,
        region,
        // A 12-digit access key makes the sandbox treat calls as that account's.
        credentials: { accessKeyId: accountId, secretAccessKey: 'sandbox' },
      };
      handler = createHandler({
        sageMaker: new SageMakerClient(clientConfig),
        securityHub: new SecurityHubClient(clientConfig),
        accountId,
        region,
        logger,
      });
      handlers.set(key, handler);
    }
    return handler;
  }

  return async event => {
    if (
      event.source !== 'aws.sagemaker' ||
      event['detail-type'] !== 'AWS API Call via CloudTrail' ||
      !routed.has(String(event.detail.eventName))
    ) {
      return undefined;
    }
    const accountId = ACCOUNT_ID.test(event.account)
      ? event.account
      : settings.accountId;
    return handlerFor(accountId, event.region || settings.region)(event);
  };
}
