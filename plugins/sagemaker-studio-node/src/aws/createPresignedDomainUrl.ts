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
import { CreatePresignedDomainUrlCommand } from '@aws-sdk/client-sagemaker';
import { OpenStudioResponse } from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { studioAwsReadError } from './studioAwsErrors';

/**
 * How long a presigned URL may wait to be opened: the browser opens it at
 * once, so a minute is plenty and a leaked URL is soon worthless.
 *
 * @public
 */
export const PRESIGNED_URL_EXPIRES_IN_SECONDS = 60;

/**
 * Asks SageMaker for a presigned Studio URL for one profile. The URL is a
 * credential: callers must neither log nor cache it, and this function does
 * neither. Throws a {@link StudioAwsReadError} with a fixed message.
 *
 * @public
 */
export async function createPresignedDomainUrl(options: {
  clients: SageMakerStudioAwsClients;
  logger?: LoggerService;
  domainId: string;
  userProfileName: string;
  /** How long the Studio session lasts once opened (1800 to 43200). */
  sessionExpirationSeconds: number;
  spaceName?: string;
  landingUri?: string;
  /** Seconds the URL may wait to be opened; {@link PRESIGNED_URL_EXPIRES_IN_SECONDS} by default. */
  expiresInSeconds?: number;
  now?: () => number;
}): Promise<OpenStudioResponse> {
  const { clients, domainId, userProfileName } = options;
  const expiresInSeconds =
    options.expiresInSeconds ?? PRESIGNED_URL_EXPIRES_IN_SECONDS;
  const client = await clients.sageMaker();
  const issuedAt = options.now?.() ?? Date.now();
  let url: string | undefined;
  try {
    const output = await client.send(
      new CreatePresignedDomainUrlCommand({
        DomainId: domainId,
        UserProfileName: userProfileName,
        ExpiresInSeconds: expiresInSeconds,
        SessionExpirationDurationInSeconds: options.sessionExpirationSeconds,
        ...(options.spaceName ? { SpaceName: options.spaceName } : {}),
        ...(options.landingUri ? { LandingUri: options.landingUri } : {}),
      }),
    );
    url = output.AuthorizedUrl;
  } catch (error) {
    throw studioAwsReadError({
      error,
      action: 'CreatePresignedDomainUrl',
      source: `sagemaker:${clients.region}:user-profile/${domainId}/${userProfileName}`,
      logger: options.logger,
    });
  }
  if (!url) {
    throw studioAwsReadError({
      error: new Error('CreatePresignedDomainUrl answered without a URL'),
      action: 'CreatePresignedDomainUrl',
      source: `sagemaker:${clients.region}:user-profile/${domainId}/${userProfileName}`,
      logger: options.logger,
    });
  }
  return {
    url,
    expiresAt: new Date(issuedAt + expiresInSeconds * 1000).toISOString(),
  };
}
