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
 * Node library of the SageMaker Studio plugin set: config reading and the
 * AWS access layer shared by the backend plugin and its modules.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './aws/SageMakerStudioAwsClients';
export * from './aws/ProvisionedProductReader';
export * from './aws/StudioDomainReader';
export * from './aws/translateAwsError';
export * from './aws/studioAwsErrors';
export * from './aws/studioReadHelpers';
export * from './aws/StudioDomainStatusReader';
export * from './aws/StudioUserProfileStatusReader';
export * from './aws/TeamEnvironmentStatusReader';
export * from './aws/createPresignedDomainUrl';
export * from './compliance';
export * from './provisioning';
export * from './serviceRefs';
export * from './client';
