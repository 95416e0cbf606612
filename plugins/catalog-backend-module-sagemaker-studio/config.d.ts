/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  sageMakerStudio: {
    /** The catalog entity provider. */
    catalog?: {
      /** How often the provider re-reads SageMaker, in minutes. Default 10. */
      frequencyMinutes?: number;
    };
  };
}
