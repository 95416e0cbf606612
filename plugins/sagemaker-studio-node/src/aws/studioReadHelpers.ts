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

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AwsLocation,
  SourceError,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { studioAwsReadError, toStudioSourceError } from './studioAwsErrors';

/**
 * Per-item AWS calls run this many at a time: enough to finish quickly, few
 * enough to stay under SageMaker's and Service Catalog's request rates.
 *
 * @public
 */
export const STUDIO_READ_CONCURRENCY = 5;

/**
 * Maps items with at most `concurrency` calls in flight, in input order.
 *
 * @public
 */
export async function mapWithConcurrency<T, R>(
  items: T[],
  fn: (item: T) => Promise<R>,
  concurrency = STUDIO_READ_CONCURRENCY,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  return results;
}

/**
 * The account and region of an ARN; the fallbacks when the ARN is absent or
 * not an ARN.
 *
 * @public
 */
export function locationOfArn(
  arn: string | undefined,
  fallback: AwsLocation,
): AwsLocation {
  const parts = (arn ?? '').split(':');
  if (parts.length >= 6 && parts[0] === 'arn' && parts[3] && parts[4]) {
    return { region: parts[3], accountId: parts[4] };
  }
  return fallback;
}

/**
 * A per-source error that names the account and region it happened in
 * (the account is left out for the `aws:` block's main account, whose id
 * config does not give).
 * @public
 */
export function withStudioTarget(
  error: SourceError,
  clients: Pick<SageMakerStudioAwsClients, 'accountId' | 'region'>,
): SourceError {
  return {
    ...error,
    ...(clients.accountId ? { accountId: clients.accountId } : {}),
    region: clients.region,
  };
}

/**
 * Turns any failure of a read in one account and region into its per-source
 * error: AWS failures with their fixed message (AWS's text is logged), and
 * anything else (credentials that cannot be had, a bug) logged and shown as
 * `UNKNOWN` with the fixed message.
 * @public
 */
export function studioTargetError(options: {
  error: unknown;
  clients: SageMakerStudioAwsClients;
  action: string;
  source?: string;
  logger?: LoggerService;
}): SourceError {
  const { error, clients, action, logger } = options;
  return withStudioTarget(
    toStudioSourceError(
      studioAwsReadError({
        error,
        action,
        source: options.source ?? `${action}:${clients.targetKey}`,
        logger,
      }),
    ),
    clients,
  );
}

/**
 * Runs one read in every configured account and region, at most
 * `concurrency` at a time. A target whose read fails is an entry in
 * `errors` naming its account and region; the others' values are returned
 * in config order, each with the clients of its target.
 * @public
 */
export async function readEachStudioTarget<T>(options: {
  clients: SageMakerStudioAwsClients;
  /** For the log and the source of a failure, e.g. `ListDomains`. */
  action: string;
  read: (clients: SageMakerStudioAwsClients) => Promise<T>;
  logger?: LoggerService;
  concurrency?: number;
}): Promise<{
  values: Array<{ clients: SageMakerStudioAwsClients; value: T }>;
  errors: SourceError[];
}> {
  const { action, read, logger } = options;
  type Settled =
    | { clients: SageMakerStudioAwsClients; value: T }
    | { clients: SageMakerStudioAwsClients; error: SourceError };
  const settled = await mapWithConcurrency(
    options.clients.forEachTarget(),
    async (clients): Promise<Settled> => {
      try {
        return { clients, value: await read(clients) };
      } catch (error) {
        return {
          clients,
          error: studioTargetError({ error, clients, action, logger }),
        };
      }
    },
    options.concurrency,
  );
  const values: Array<{ clients: SageMakerStudioAwsClients; value: T }> = [];
  const errors: SourceError[] = [];
  for (const result of settled) {
    if ('error' in result) errors.push(result.error);
    else values.push(result);
  }
  return { values, errors };
}
