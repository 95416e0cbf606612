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

export { seedPlatform, DEFAULT_PLATFORM_STACK_NAME } from './seedPlatform';
export type {
  PlatformSeed,
  SeedPlatformOptions,
  SeedTarget,
} from './seedPlatform';
export {
  seedDemoEstate,
  DEMO_PROFILES,
  DEMO_TEAMS,
  FIXTURE_PROFILES,
} from './seedDemoEstate';
export type {
  DemoEstate,
  DemoEstateOptions,
  DemoEstatePreset,
  DemoProfile,
} from './seedDemoEstate';
export { seedDemoAccounts, DEMO_SECOND_ACCOUNT } from './seedDemoAccounts';
export type { DemoAccount } from './seedDemoAccounts';
