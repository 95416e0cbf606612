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

import type { SandboxLogger } from '../server/types';
import type { EventHandler, EventPublisher, SandboxEvent } from './types';

const RECENT_EVENT_LIMIT = 500;

/** A delivery that failed, kept for tests and the admin endpoint. */
export interface FailedDelivery {
  eventId: string;
  error: string;
}

/**
 * The EventBridge stand-in. Delivery is asynchronous, like EventBridge's:
 * a handler runs on a later tick than the API call that caused the event, and
 * its failure is logged, never propagated to the caller or the server.
 */
export class EventBus implements EventPublisher {
  private readonly handlers = new Set<EventHandler>();
  private readonly pending = new Set<Promise<void>>();
  private readonly responsesInFlight = new Set<Promise<void>>();
  readonly recent: SandboxEvent[] = [];
  readonly failures: FailedDelivery[] = [];

  constructor(private readonly logger: SandboxLogger) {}

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /**
   * Holds deliveries of events published from now on until `responseSent`
   * settles, so a handler never runs before the caller has its answer.
   */
  deferUntil(responseSent: Promise<void>): void {
    this.responsesInFlight.add(responseSent);
    responseSent.finally(() => this.responsesInFlight.delete(responseSent));
  }

  publish(event: SandboxEvent): void {
    const responses = [...this.responsesInFlight];
    this.recent.push(event);
    if (this.recent.length > RECENT_EVENT_LIMIT) {
      this.recent.shift();
    }
    for (const handler of this.handlers) {
      this.track(this.deliver(handler, event, responses));
    }
  }

  /** Resolves once every queued delivery, including ones queued meanwhile, has ended. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  private async deliver(
    handler: EventHandler,
    event: SandboxEvent,
    responses: Promise<void>[],
  ) {
    await new Promise(resolve => setImmediate(resolve));
    await Promise.all(responses);
    try {
      await handler(event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failures.push({ eventId: event.id, error: message });
      this.logger.error(
        `Event handler failed for ${
          event.detail.eventName ?? event['detail-type']
        }: ${message}`,
      );
    }
  }

  private track(delivery: Promise<void>) {
    this.pending.add(delivery);
    delivery.finally(() => this.pending.delete(delivery));
  }
}
