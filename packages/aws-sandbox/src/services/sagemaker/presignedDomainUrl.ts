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

import { randomBytes } from 'node:crypto';
import {
  OperationHandler,
  PageRequest,
  PageResponse,
  PageRoute,
} from '../../server/types';
import { requireMembers, requireRange } from '../../server/validation';
import { escapeXml } from '../../server/xml';
import { liveRecord, recordKey } from './common';
import { findDomain } from './domains';
import { findSpace } from './spaces';
import { findUserProfile } from './userProfiles';
import type { PresignedUrlRecord, SageMakerDeps } from './tables';

export const STUDIO_PATH_PREFIX = '/studio/';

export function createPresignedUrlOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  return {
    CreatePresignedDomainUrl: (input, ctx) => {
      requireMembers(input, ['DomainId', 'UserProfileName']);
      requireRange(input, 'ExpiresInSeconds', 5, 300);
      requireRange(input, 'SessionExpirationDurationInSeconds', 1800, 43200);
      findDomain(deps, ctx, input.DomainId);
      findUserProfile(deps, ctx, input.DomainId, input.UserProfileName);
      if (input.SpaceName) {
        findSpace(deps, ctx, input.DomainId, input.SpaceName);
      }
      const token = randomBytes(24).toString('base64url');
      const record: PresignedUrlRecord = {
        token,
        account: ctx.accountId,
        region: ctx.region,
        domainId: input.DomainId,
        userProfileName: input.UserProfileName,
        spaceName: input.SpaceName,
        landingUri: input.LandingUri,
        urlExpiresAt: env.clock.now() + (input.ExpiresInSeconds ?? 300) * 1000,
        sessionDurationMs:
          (input.SessionExpirationDurationInSeconds ?? 43200) * 1000,
      };
      tables.presignedUrls.set(token, record);
      const path = `${STUDIO_PATH_PREFIX}${encodeURIComponent(
        input.DomainId,
      )}/${encodeURIComponent(input.UserProfileName)}`;
      return { AuthorizedUrl: `${env.baseUrl()}${path}?token=${token}` };
    },
  };
}

function page(status: number, title: string, body: string): PageResponse {
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(
      title,
    )}</title></head><body>${body}</body></html>`,
  };
}

function forbidden(reason: string): PageResponse {
  return page(
    403,
    'Forbidden',
    `<h1>403 Forbidden</h1><p>${escapeXml(reason)}</p>`,
  );
}

/**
 * The stand-in for Studio behind presigned URLs. Like the real one, the URL
 * must be opened within ExpiresInSeconds; opening it starts a session that
 * lasts SessionExpirationDurationInSeconds, during which it may be reloaded.
 */
export function createStudioPage(deps: SageMakerDeps): PageRoute {
  const { env, tables } = deps;
  return {
    prefix: STUDIO_PATH_PREFIX,
    handle(request: PageRequest): PageResponse {
      const [domainId, userProfileName] = request.url.pathname
        .slice(STUDIO_PATH_PREFIX.length)
        .split('/')
        .map(decodeURIComponent);
      const token = request.url.searchParams.get('token') ?? '';
      const grant = tables.presignedUrls.get(token);
      if (
        !grant ||
        grant.domainId !== domainId ||
        grant.userProfileName !== userProfileName
      ) {
        return forbidden('Invalid or missing authorization token.');
      }
      const now = env.clock.now();
      const expired =
        grant.sessionExpiresAt === undefined
          ? now > grant.urlExpiresAt
          : now > grant.sessionExpiresAt;
      if (expired) {
        return forbidden('The presigned URL has expired. Request a new one.');
      }
      grant.sessionExpiresAt ??= now + grant.sessionDurationMs;
      const context = { accountId: grant.account, region: grant.region };
      const domain = liveRecord(
        tables.domains,
        recordKey(context, grant.domainId),
        now,
      );
      const profile = liveRecord(
        tables.userProfiles,
        recordKey(context, grant.domainId, grant.userProfileName),
        now,
      );
      if (!domain || !profile) {
        return forbidden('The domain or user profile no longer exists.');
      }
      const rows: Array<[string, string | undefined]> = [
        ['Domain', `${domain.name} (${grant.domainId})`],
        ['User profile', grant.userProfileName],
        ['Space', grant.spaceName ?? '(none)'],
        [
          'Network access',
          domain.input.AppNetworkAccessType ?? 'PublicInternetOnly',
        ],
        ['Landing URI', grant.landingUri ?? 'studio::'],
        ['Session expires', new Date(grant.sessionExpiresAt).toISOString()],
      ];
      const table = rows
        .map(
          ([name, value]) =>
            `<tr><th>${escapeXml(name)}</th><td>${escapeXml(
              value ?? '',
            )}</td></tr>`,
        )
        .join('');
      return page(
        200,
        'SageMaker Studio (sandbox)',
        `<h1>SageMaker Studio (sandbox)</h1><p>This page stands in for SageMaker Studio in the local AWS sandbox.</p><table>${table}</table>`,
      );
    },
  };
}
