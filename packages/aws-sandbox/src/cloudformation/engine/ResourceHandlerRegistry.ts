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

import { genericResourceHandler } from './resources/generic';
import {
  sageMakerAppImageConfigHandler,
  sageMakerDomainHandler,
  sageMakerImageHandler,
  sageMakerImageVersionHandler,
  sageMakerSpaceHandler,
  sageMakerUserProfileHandler,
} from './resources/sageMaker';
import {
  cloudFormationProductHandler,
  launchRoleConstraintHandler,
  portfolioHandler,
  portfolioPrincipalAssociationHandler,
  portfolioProductAssociationHandler,
} from './resources/serviceCatalog';
import { s3BucketHandler, ssmParameterHandler } from './resources/storage';
import { ResourceHandler } from './resources/types';

/** Resource types the engine provisions for real; everything else is generic. */
export class ResourceHandlerRegistry {
  private readonly handlers = new Map<string, ResourceHandler>();

  static withDefaults(): ResourceHandlerRegistry {
    const registry = new ResourceHandlerRegistry();
    registry.register('AWS::SageMaker::Domain', sageMakerDomainHandler);
    registry.register(
      'AWS::SageMaker::UserProfile',
      sageMakerUserProfileHandler,
    );
    registry.register('AWS::SageMaker::Space', sageMakerSpaceHandler);
    registry.register('AWS::SageMaker::Image', sageMakerImageHandler);
    registry.register(
      'AWS::SageMaker::ImageVersion',
      sageMakerImageVersionHandler,
    );
    registry.register(
      'AWS::SageMaker::AppImageConfig',
      sageMakerAppImageConfigHandler,
    );
    registry.register('AWS::SSM::Parameter', ssmParameterHandler);
    registry.register('AWS::S3::Bucket', s3BucketHandler);
    registry.register('AWS::ServiceCatalog::Portfolio', portfolioHandler);
    registry.register(
      'AWS::ServiceCatalog::CloudFormationProduct',
      cloudFormationProductHandler,
    );
    registry.register(
      'AWS::ServiceCatalog::PortfolioProductAssociation',
      portfolioProductAssociationHandler,
    );
    registry.register(
      'AWS::ServiceCatalog::PortfolioPrincipalAssociation',
      portfolioPrincipalAssociationHandler,
    );
    registry.register(
      'AWS::ServiceCatalog::LaunchRoleConstraint',
      launchRoleConstraintHandler,
    );
    return registry;
  }

  register(resourceType: string, handler: ResourceHandler): void {
    this.handlers.set(resourceType, handler);
  }

  /** The resource types registered for real provisioning. */
  resourceTypes(): string[] {
    return [...this.handlers.keys()];
  }

  handlerFor(resourceType: string): ResourceHandler {
    return (
      this.handlers.get(resourceType) ?? genericResourceHandler(resourceType)
    );
  }
}
