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
     * Points every AWS client at this endpoint instead of AWS (the local sandbox,
     * e.g. http://127.0.0.1:4580). For development and tests only.
     */
    endpoint?: string;
    /**
     * Entity ref of the data-science admin group, e.g. group:default/data-science-admins.
     * @visibility frontend
     */
    adminGroup: string;
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
