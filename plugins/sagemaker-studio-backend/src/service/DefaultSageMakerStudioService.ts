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
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ListResponse,
  ProvisioningRequest,
  StudioDomainSummary,
  sageMakerStudioEstateReadPermission,
  sageMakerStudioRequestCreatePermission,
  sageMakerStudioRequestReadPermission,
  sageMakerStudioRequestReviewPermission,
} from '@internal/plugin-sagemaker-studio-common';
import {
  SageMakerStudioConfig,
  StudioDomainReader,
  toSourceError,
} from '@internal/plugin-sagemaker-studio-node';
import {
  hasPermission,
  requirePermission,
} from '../permissions/requirePermission';
import { RequestStore } from '../requests/types';
import {
  CreateRequestInput,
  ReviewInput,
  SageMakerStudioService,
} from './types';

function userRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError('Only signed-in people can do this');
  }
  return principal.userEntityRef;
}

/** The default implementation: SageMaker reads plus the request store. */
export class DefaultSageMakerStudioService implements SageMakerStudioService {
  constructor(
    private readonly deps: {
      config: SageMakerStudioConfig;
      domains: StudioDomainReader;
      requests: RequestStore;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
    },
  ) {}

  async listDomains(_options: {
    credentials: BackstageCredentials;
  }): Promise<ListResponse<StudioDomainSummary>> {
    try {
      return await this.deps.domains.listDomains();
    } catch (error) {
      this.deps.logger.warn(`Reading SageMaker domains failed: ${error}`);
      return {
        items: [],
        errors: [toSourceError(`sagemaker:${this.deps.config.region}`, error)],
      };
    }
  }

  async createRequest(options: {
    credentials: BackstageCredentials;
    input: CreateRequestInput;
  }) {
    const { credentials, input } = options;
    const requestedBy = userRef(credentials);
    await requirePermission({
      permissions: this.deps.permissions,
      credentials,
      permission: sageMakerStudioRequestCreatePermission,
    });
    const product = this.deps.config.products[input.product];
    return this.deps.requests.create({
      product: input.product,
      teamName: input.teamName,
      parameters: input.parameters,
      requestedBy,
      idempotencyKey: `${requestedBy}:${input.idempotencyKey}`,
      status: product.requiresApproval ? 'PENDING_APPROVAL' : 'APPROVED',
    });
  }

  async listRequests(options: {
    credentials: BackstageCredentials;
    scope: 'mine' | 'all';
  }): Promise<ProvisioningRequest[]> {
    const { credentials, scope } = options;
    const me = userRef(credentials);
    if (scope === 'all') {
      await requirePermission({
        permissions: this.deps.permissions,
        credentials,
        permission: sageMakerStudioEstateReadPermission,
      });
      return this.deps.requests.list({});
    }
    return this.deps.requests.list({ requestedBy: me });
  }

  async getRequest(options: {
    credentials: BackstageCredentials;
    id: string;
  }): Promise<ProvisioningRequest> {
    const { credentials, id } = options;
    const me = userRef(credentials);
    const request = await this.deps.requests.get(id);
    if (!request) {
      throw new NotFoundError(`No provisioning request with id ${id}`);
    }
    if (request.requestedBy !== me) {
      const canSeeAll = await hasPermission({
        permissions: this.deps.permissions,
        credentials,
        permission: sageMakerStudioEstateReadPermission,
      });
      if (!canSeeAll) {
        await requirePermission({
          permissions: this.deps.permissions,
          credentials,
          permission: sageMakerStudioRequestReadPermission,
          resourceRef: id,
        });
      }
    }
    return request;
  }

  async reviewRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    review: ReviewInput;
  }): Promise<ProvisioningRequest> {
    const { credentials, id, review } = options;
    const reviewer = userRef(credentials);
    const auditEvent = await this.deps.auditor.createEvent({
      eventId: 'request-review',
      severityLevel: 'medium',
      meta: { requestId: id, decision: review.decision },
    });
    try {
      await requirePermission({
        permissions: this.deps.permissions,
        credentials,
        permission: sageMakerStudioRequestReviewPermission,
      });
      const request = await this.deps.requests.get(id);
      if (!request) {
        throw new NotFoundError(`No provisioning request with id ${id}`);
      }
      if (request.requestedBy === reviewer) {
        throw new NotAllowedError(
          'Nobody may review their own request; ask another admin',
        );
      }
      if (review.decision === 'reject' && !review.comment?.trim()) {
        throw new InputError(
          'comment: a rejection needs a reason the requester can act on',
        );
      }
      const reviewed = await this.deps.requests.transition({
        id,
        from: ['PENDING_APPROVAL'],
        to: review.decision === 'approve' ? 'APPROVED' : 'REJECTED',
        actor: reviewer,
        action: review.decision === 'approve' ? 'approved' : 'rejected',
        comment: review.comment?.trim() || undefined,
      });
      if (!reviewed) {
        throw new InputError(
          `Request ${id} is ${request.status}; only PENDING_APPROVAL requests can be reviewed`,
        );
      }
      await auditEvent.success({ meta: { status: reviewed.status } });
      return reviewed;
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  }
}
