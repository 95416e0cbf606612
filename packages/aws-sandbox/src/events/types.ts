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

/** An EventBridge event as delivered to targets. */
export interface SandboxEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** A target of events, such as the detective-control Lambda handler. */
export type EventHandler = (event: SandboxEvent) => Promise<unknown>;

/** The part of the event bus that services see. */
export interface EventPublisher {
  /** Queues the event; handlers run after the current call has returned. */
  publish(event: SandboxEvent): void;
}
