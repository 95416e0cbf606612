/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * Provisioning: operations (provision, update, terminate), who a request is
 * for, the payload fingerprint behind an idempotency key, the Service Catalog
 * plan, record errors and outputs, and the retry state of the scheduler.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sagemaker_studio_requests', table => {
    table.string('operation', 16).notNullable().defaultTo('provision');
    table.string('requested_for', 255).nullable();
    table
      .string('payload_hash', 64)
      .nullable()
      .comment(
        'sha256 of the request payload, to refuse a reused idempotency key with another payload',
      );
    table.string('product_name', 255).nullable();
    table.string('product_version', 255).nullable();
    table.string('provisioned_product_name', 128).nullable();
    table
      .text('plan')
      .nullable()
      .comment('JSON: the Service Catalog plan and its resource changes');
    table
      .text('record_errors')
      .nullable()
      .comment('JSON: the failed record errors');
    table.text('outputs').nullable().comment('JSON: the record outputs');
    table.string('entity_ref', 255).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.index(
      ['requested_for'],
      'sagemaker_studio_requests_requested_for_idx',
    );
    table.index(['created_at', 'id'], 'sagemaker_studio_requests_created_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('sagemaker_studio_requests', table => {
    table.dropIndex([], 'sagemaker_studio_requests_requested_for_idx');
    table.dropIndex([], 'sagemaker_studio_requests_created_idx');
    table.dropColumns(
      'operation',
      'requested_for',
      'payload_hash',
      'product_name',
      'product_version',
      'provisioned_product_name',
      'plan',
      'record_errors',
      'outputs',
      'entity_ref',
      'attempts',
      'next_attempt_at',
      'last_error',
    );
  });
};
