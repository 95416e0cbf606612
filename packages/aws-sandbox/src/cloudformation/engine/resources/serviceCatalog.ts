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

import { TemplateValue } from '../types';
import { ResourceHandler, ResourceHandlerContext } from './types';

type Properties = Record<string, TemplateValue>;

function pick(
  properties: Properties,
  keys: string[],
): Record<string, TemplateValue> {
  return Object.fromEntries(
    keys
      .filter(key => properties[key] !== undefined)
      .map(key => [key, properties[key]]),
  );
}

async function ignoreMissing(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ResourceNotFoundException') {
      throw error;
    }
  }
}

function idempotencyToken(context: ResourceHandlerContext): string {
  return `${context.stack.stackId.split('/').pop()}-${context.logicalId}`.slice(
    0,
    128,
  );
}

/** Template URLs written relative to the stack's own template resolve against it. */
function resolveArtifact(
  artifact: Record<string, any>,
  context: ResourceHandlerContext,
): Record<string, any> {
  const url = artifact?.Info?.LoadTemplateFromURL;
  if (
    typeof url !== 'string' ||
    /^[a-z]+:\/\//i.test(url) ||
    !context.stack.templateUrl
  ) {
    return artifact;
  }
  return {
    ...artifact,
    Info: {
      ...artifact.Info,
      LoadTemplateFromURL: new URL(url, context.stack.templateUrl).toString(),
    },
  };
}

const PORTFOLIO_KEYS = [
  'DisplayName',
  'ProviderName',
  'Description',
  'AcceptLanguage',
];

/** `AWS::ServiceCatalog::Portfolio`: a real sandbox portfolio; `Ref` is its id. */
export const portfolioHandler: ResourceHandler = {
  async create(properties, context) {
    const created = await context.invoke('servicecatalog', 'CreatePortfolio', {
      ...pick(properties, [...PORTFOLIO_KEYS, 'Tags']),
      IdempotencyToken: idempotencyToken(context),
    });
    const detail = created.PortfolioDetail;
    return {
      physicalId: detail.Id,
      attributes: {
        Id: detail.Id,
        PortfolioName: detail.DisplayName,
        Arn: detail.ARN,
      },
    };
  },
  async update(properties, existing, context) {
    const updated = await context.invoke('servicecatalog', 'UpdatePortfolio', {
      Id: existing.physicalId,
      ...pick(properties, PORTFOLIO_KEYS),
    });
    return {
      physicalId: existing.physicalId,
      attributes: {
        ...existing.attributes,
        PortfolioName: updated.PortfolioDetail.DisplayName,
      },
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke('servicecatalog', 'DeletePortfolio', {
        Id: existing.physicalId,
      }),
    );
  },
};

const PRODUCT_KEYS = [
  'Name',
  'Owner',
  'Description',
  'Distributor',
  'SupportDescription',
  'SupportEmail',
  'SupportUrl',
];

async function productAttributes(
  productId: string,
  context: ResourceHandlerContext,
) {
  const listed = await context.invoke(
    'servicecatalog',
    'ListProvisioningArtifacts',
    { ProductId: productId },
  );
  const artifacts: Array<{ Id: string; Name: string }> =
    listed.ProvisioningArtifactDetails ?? [];
  const described = await context.invoke(
    'servicecatalog',
    'DescribeProductAsAdmin',
    { Id: productId },
  );
  return {
    ProductName: described.ProductViewDetail.ProductViewSummary.Name,
    ProvisioningArtifactIds: artifacts.map(artifact => artifact.Id).join(','),
    ProvisioningArtifactNames: artifacts
      .map(artifact => artifact.Name)
      .join(','),
  };
}

/** `AWS::ServiceCatalog::CloudFormationProduct`: a real product with one artifact per listed version. */
export const cloudFormationProductHandler: ResourceHandler = {
  async create(properties, context) {
    const artifacts = (
      (properties.ProvisioningArtifactParameters ?? []) as Array<
        Record<string, any>
      >
    ).map(artifact => resolveArtifact(artifact, context));
    const created = await context.invoke('servicecatalog', 'CreateProduct', {
      ...pick(properties, [...PRODUCT_KEYS, 'Tags']),
      ProductType: properties.ProductType ?? 'CLOUD_FORMATION_TEMPLATE',
      ProvisioningArtifactParameters: artifacts[0],
      IdempotencyToken: idempotencyToken(context),
    });
    const productId: string =
      created.ProductViewDetail.ProductViewSummary.ProductId;
    for (const [index, artifact] of artifacts.slice(1).entries()) {
      await context.invoke('servicecatalog', 'CreateProvisioningArtifact', {
        ProductId: productId,
        Parameters: artifact,
        IdempotencyToken: `${idempotencyToken(context)}-${index + 1}`,
      });
    }
    return {
      physicalId: productId,
      attributes: await productAttributes(productId, context),
    };
  },
  async update(properties, existing, context) {
    await context.invoke('servicecatalog', 'UpdateProduct', {
      Id: existing.physicalId,
      ...pick(properties, PRODUCT_KEYS),
    });
    const listed = await context.invoke(
      'servicecatalog',
      'ListProvisioningArtifacts',
      { ProductId: existing.physicalId },
    );
    const known = new Set(
      (listed.ProvisioningArtifactDetails ?? []).map(
        (artifact: { Name: string }) => artifact.Name,
      ),
    );
    const artifacts = (properties.ProvisioningArtifactParameters ??
      []) as Array<Record<string, any>>;
    for (const artifact of artifacts.filter(
      candidate => !known.has(candidate.Name),
    )) {
      await context.invoke('servicecatalog', 'CreateProvisioningArtifact', {
        ProductId: existing.physicalId,
        Parameters: resolveArtifact(artifact, context),
        IdempotencyToken: `${idempotencyToken(context)}-${artifact.Name}`,
      });
    }
    return {
      physicalId: existing.physicalId,
      attributes: await productAttributes(existing.physicalId, context),
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke('servicecatalog', 'DeleteProduct', {
        Id: existing.physicalId,
      }),
    );
  },
};

/** `AWS::ServiceCatalog::PortfolioProductAssociation`. */
export const portfolioProductAssociationHandler: ResourceHandler = {
  async create(properties, context) {
    await context.invoke(
      'servicecatalog',
      'AssociateProductWithPortfolio',
      pick(properties, [
        'PortfolioId',
        'ProductId',
        'SourcePortfolioId',
        'AcceptLanguage',
      ]),
    );
    return {
      physicalId: `${properties.PortfolioId}|${properties.ProductId}`,
      attributes: {},
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke(
        'servicecatalog',
        'DisassociateProductFromPortfolio',
        pick(existing.properties, ['PortfolioId', 'ProductId']),
      ),
    );
  },
};

/** `AWS::ServiceCatalog::PortfolioPrincipalAssociation`. */
export const portfolioPrincipalAssociationHandler: ResourceHandler = {
  async create(properties, context) {
    await context.invoke(
      'servicecatalog',
      'AssociatePrincipalWithPortfolio',
      pick(properties, [
        'PortfolioId',
        'PrincipalARN',
        'PrincipalType',
        'AcceptLanguage',
      ]),
    );
    return {
      physicalId: `${properties.PortfolioId}|${properties.PrincipalARN}`,
      attributes: {},
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke(
        'servicecatalog',
        'DisassociatePrincipalFromPortfolio',
        pick(existing.properties, [
          'PortfolioId',
          'PrincipalARN',
          'PrincipalType',
        ]),
      ),
    );
  },
};

/** `AWS::ServiceCatalog::LaunchRoleConstraint`: a LAUNCH constraint. */
export const launchRoleConstraintHandler: ResourceHandler = {
  async create(properties, context) {
    const launchParameters =
      properties.RoleArn !== undefined
        ? { RoleArn: properties.RoleArn }
        : { LocalRoleName: properties.LocalRoleName };
    const created = await context.invoke('servicecatalog', 'CreateConstraint', {
      ...pick(properties, [
        'PortfolioId',
        'ProductId',
        'Description',
        'AcceptLanguage',
      ]),
      Type: 'LAUNCH',
      Parameters: JSON.stringify(launchParameters),
      IdempotencyToken: idempotencyToken(context),
    });
    return {
      physicalId: created.ConstraintDetail.ConstraintId,
      attributes: { Id: created.ConstraintDetail.ConstraintId },
    };
  },
  async delete(existing, context) {
    await ignoreMissing(
      context.invoke('servicecatalog', 'DeleteConstraint', {
        Id: existing.physicalId,
      }),
    );
  },
};
