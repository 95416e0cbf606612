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

/**
 * A local stand-in for the AWS control plane, speaking the real wire
 * protocols on 127.0.0.1. A development and test tool, never a production path.
 *
 * @packageDocumentation
 */

export { startSandbox } from './sandbox';
export {
  seedPlatform,
  seedDemoEstate,
  seedDemoAccounts,
  DEMO_PROFILES,
  DEMO_TEAMS,
  DEMO_SECOND_ACCOUNT,
  FIXTURE_PROFILES,
} from './seed';
export type {
  DemoAccount,
  DemoEstate,
  DemoEstateOptions,
  DemoEstatePreset,
  DemoProfile,
  PlatformSeed,
  SeedTarget,
} from './seed';
export type { Sandbox, SandboxOptions } from './sandbox';
export { defaultServiceFactories } from './serviceFactories';
export * from './server';
export * from './state';
export * from './events';
export * from './faults';
export { parseS3Url } from './services/s3';
export type { S3Location } from './services/s3';
