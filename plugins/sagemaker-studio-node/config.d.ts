/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /** Settings of the SageMaker Studio plugin set. */
  sageMakerStudio: {
    /** The AWS region of the Studio domain and the Service Catalog products, e.g. us-east-1. */
    region: string;
    /** The AWS account of the products; the main account of the `aws:` block when absent. */
    accountId?: string;
    /**
     * Every account and region whose Studio estate is read (entity pages,
     * catalog, compliance). Credentials per account come from the `aws:` block.
     * When absent, only the home `accountId` and `region` are read; when
     * present, it must list the home account and region too (start-up fails
     * otherwise), since the products are launched there.
     */
    accounts?: Array<{
      /** 12-digit account id; the `aws:` block's main account when absent. */
      accountId?: string;
      /** Regions to read in that account; the home region when absent. */
      regions?: string[];
    }>;
    /**
     * Points every AWS client at this endpoint instead of AWS (the local sandbox,
     * e.g. http://127.0.0.1:4580). For development and tests only.
     */
    endpoint?: string;
    /**
     * Entity ref of the data-science admin group, e.g. group:default/data-science-admins.
     * @visibility frontend
     */
    adminGroup: string;
    /**
     * Values of the parameters only the platform sets, applied to every product
     * that has the parameter. A request that carries one of these is refused.
     */
    platformParameters?: {
      /** Name of the shared-services deployment whose exports the products import. */
      SharedServicesName?: string;
      /** Principal allowed to assume the team roles (team environment). */
      TrustedPrincipalArn?: string;
      /** Role that may reach the team buckets from outside the VPC (team environment). */
      BreakGlassRoleArn?: string;
      /** ECR URI of the custom JupyterLab image (Studio domain). */
      CustomImageUri?: string;
      /** Name of the custom image (Studio domain). */
      CustomImageName?: string;
      /** Name of the app image config (Studio domain). */
      AppImageConfigName?: string;
    };
    /** Abuse limits per person. */
    limits?: {
      /** New requests a person may create per minute; beyond, 429 with Retry-After. Default 10. */
      requestsPerMinute?: number;
      /** Requests a person may have waiting for review at once; beyond, 409. Default 5. */
      pendingRequestsPerUser?: number;
      /** Presigned Studio URLs a person may ask for per minute; beyond, 429 with Retry-After. Default 10. */
      openStudioPerMinute?: number;
    };
    /** Caching of the AWS reads behind the entity pages. */
    cache?: {
      /** Seconds an AWS read (domain, team environment, user profile) is served from the cache, 1 to 3600. Default 30. */
      ttlSeconds?: number;
    };
    /** How "Open Studio" sessions are issued. */
    openStudio?: {
      /** How long a Studio session lasts once opened, 1800 to 43200 seconds. Default 43200. */
      sessionExpirationSeconds?: number;
    };
    /** The scheduled compliance sweep over every configured account and region. */
    sweep?: {
      /** Whether the backend schedules the sweep. Default true. */
      enabled?: boolean;
      /** Minutes between two sweeps (one instance sweeps at a time), 5 to 1440. Default 60. */
      frequencyMinutes?: number;
      /**
       * The settings the rules are judged with: the same as the detective
       * control's `APPROVED_*` and `ALLOW_SHARED_SPACES` environment, so both
       * judge alike. A rule whose setting is absent is not applicable.
       * Unknown keys are refused.
       */
      context?: {
        /** Subnets workloads may use (`SAGEMAKER_APPROVED_NETWORK`). */
        allowedSubnetIds?: string[];
        /** Security groups workloads may use (`SAGEMAKER_APPROVED_NETWORK`). */
        allowedSecurityGroupIds?: string[];
        /** Custom SageMaker image ARNs Studio apps, spaces and profiles may use (`SAGEMAKER_APPROVED_IMAGE`). */
        approvedImageArns?: string[];
        /** Custom SageMaker image names, as an alternative to ARNs (`SAGEMAKER_APPROVED_IMAGE`). */
        approvedImageNames?: string[];
        /** Execution roles user profiles and domains may use (`SAGEMAKER_APPROVED_EXECUTION_ROLE`). */
        allowedExecutionRoleArns?: string[];
        /** Whether shared Studio spaces are allowed (`SAGEMAKER_SPACE_SHARING`). */
        allowSharedSpaces?: boolean;
      };
    };
    /** How the scheduler drives provisioning. */
    provisioning?: {
      /** Seconds between two rounds of the provisioning task. Default 5. */
      frequencySeconds?: number;
      /** Transient AWS failures tolerated per request before it fails. Default 8. */
      maxAttempts?: number;
    };
    /** The Service Catalog products and whether their requests need approval. */
    products?: {
      /** The Studio domain product. */
      studioDomain?: {
        /** The Service Catalog product name. */
        productName?: string;
        /** The provisioning artifact (version) name; the newest active one when absent. */
        version?: string;
        /** Whether an admin must approve requests for this product. */
        requiresApproval?: boolean;
      };
      /** The team environment product. */
      teamEnvironment?: {
        /** The Service Catalog product name. */
        productName?: string;
        /** The provisioning artifact (version) name; the newest active one when absent. */
        version?: string;
        /** Whether an admin must approve requests for this product. */
        requiresApproval?: boolean;
      };
      /** The user profile product. */
      userProfile?: {
        /** The Service Catalog product name. */
        productName?: string;
        /** The provisioning artifact (version) name; the newest active one when absent. */
        version?: string;
        /** Whether an admin must approve requests for this product. */
        requiresApproval?: boolean;
      };
    };
  };
}
