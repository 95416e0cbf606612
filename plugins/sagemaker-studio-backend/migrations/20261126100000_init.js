/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sagemaker_studio_requests', table => {
    table.comment('Templated requests to provision a Service Catalog product');
    table.string('id', 36).primary().notNullable();
    table.string('product', 32).notNullable();
    table.string('team_name', 64).nullable();
    table
      .text('parameters')
      .notNullable()
      .comment('JSON object of product parameters');
    table.string('requested_by', 255).notNullable();
    table.string('status', 32).notNullable();
    table.string('idempotency_key', 255).notNullable().unique();
    table.string('provisioned_product_id', 64).nullable();
    table.string('record_id', 64).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['requested_by'], 'sagemaker_studio_requests_requested_by_idx');
    table.index(['status'], 'sagemaker_studio_requests_status_idx');
  });
  await knex.schema.createTable('sagemaker_studio_request_events', table => {
    table.comment('Audit trail of every request: who did what, when and why');
    table.increments('event_id').primary();
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('sagemaker_studio_requests')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('status', 32).notNullable();
    table.text('comment').nullable();
    table.index(['request_id'], 'sagemaker_studio_request_events_request_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sagemaker_studio_request_events');
  await knex.schema.dropTable('sagemaker_studio_requests');
};
