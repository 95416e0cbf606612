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

import type { ServiceDefinition } from './types';

/** The services a sandbox hosts, found by name, signing name or JSON target prefix. */
export class ServiceRegistry {
  private readonly byName = new Map<string, ServiceDefinition>();
  private readonly bySigningName = new Map<string, ServiceDefinition>();
  private readonly byTargetPrefix = new Map<string, ServiceDefinition>();

  register(service: ServiceDefinition): void {
    if (this.byName.has(service.name)) {
      throw new Error(`Service ${service.name} is registered twice`);
    }
    this.byName.set(service.name, service);
    this.bySigningName.set(service.signingName, service);
    if (service.jsonTargetPrefix) {
      this.byTargetPrefix.set(service.jsonTargetPrefix, service);
    }
  }

  get(name: string): ServiceDefinition | undefined {
    return this.byName.get(name);
  }

  forSigningName(signingName: string): ServiceDefinition | undefined {
    return this.bySigningName.get(signingName);
  }

  forTargetPrefix(prefix: string): ServiceDefinition | undefined {
    return this.byTargetPrefix.get(prefix);
  }

  all(): ServiceDefinition[] {
    return [...this.byName.values()];
  }
}
