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
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ProvisioningRequest,
  SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
} from '@internal/plugin-sagemaker-studio-common';

const REQUESTS_LINK = '/sagemaker-studio-requests';
const REVIEW_LINK = '/sagemaker-studio-review';

const PRODUCT_TITLES: Record<ProvisioningRequest['product'], string> = {
  studioDomain: 'Studio domain',
  teamEnvironment: 'team environment',
  userProfile: 'Studio user profile',
};

function describe(request: ProvisioningRequest): string {
  const what = PRODUCT_TITLES[request.product];
  const team = request.teamName ? ` for ${request.teamName}` : '';
  const op = request.operation === 'provision' ? '' : ` (${request.operation})`;
  return `${what}${team}${op}`;
}

/**
 * Tells people what happened to requests (Backstage notifications) and tells
 * other plugins (the events service). A failure to notify is logged, never
 * fails the request.
 */
export class RequestNotifier {
  constructor(
    private readonly deps: {
      adminGroup: string;
      logger: LoggerService;
      notifications?: NotificationService;
      events?: EventsService;
    },
  ) {}

  /** To the requester (and the person it is for) on every status change. */
  async statusChanged(request: ProvisioningRequest): Promise<void> {
    const last = request.events[request.events.length - 1];
    const reason = last?.comment ? `: ${last.comment}` : '';
    await this.send(
      [request.requestedBy, request.requestedFor].filter((r): r is string =>
        Boolean(r),
      ),
      {
        title: `Your ${describe(request)} request is ${request.status}`,
        description: `Request ${request.id} is now ${request.status}${reason}`,
        link: REQUESTS_LINK,
        severity:
          request.status === 'FAILED' || request.status === 'REJECTED'
            ? 'high'
            : 'normal',
        topic: `sagemaker-studio-request-${request.id}`,
      },
    );
  }

  /** To the admin group once a request's plan is ready for review. */
  async waitingForReview(request: ProvisioningRequest): Promise<void> {
    await this.send([this.deps.adminGroup], {
      title: `A ${describe(request)} request waits for review`,
      description: `${request.requestedBy} asked for a ${describe(
        request,
      )} (request ${request.id}).`,
      link: REVIEW_LINK,
      severity: 'normal',
      topic: 'sagemaker-studio-review',
    });
  }

  /** Announces a finished request on the events service. */
  async finished(request: ProvisioningRequest): Promise<void> {
    if (!this.deps.events) return;
    try {
      await this.deps.events.publish({
        topic: SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
        eventPayload: {
          requestId: request.id,
          product: request.product,
          operation: request.operation,
          status: request.status,
          provisionedProductId: request.provisionedProductId,
        },
      });
    } catch (error) {
      this.deps.logger.warn(
        `Publishing request ${request.id} failed: ${error}`,
      );
    }
  }

  private async send(
    entityRef: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      severity: 'high' | 'normal';
      topic: string;
    },
  ): Promise<void> {
    if (!this.deps.notifications || entityRef.length === 0) return;
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef },
        payload,
      });
    } catch (error) {
      this.deps.logger.warn(`Sending a notification failed: ${error}`);
    }
  }
}
