/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /** Settings of the SageMaker Studio plugin set (see also the -node package's schema). */
  sageMakerStudio: {
    /** The compliance sweep over SageMaker work. */
    sweep?: {
      /** Whether the backend sweeps SageMaker for rule breaks on a schedule. Default true. */
      enabled?: boolean;
      /** How often, in minutes. Default 15. */
      frequencyMinutes?: number;
    };
  };
}
