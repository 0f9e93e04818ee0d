-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('trader', 'admin');

-- CreateEnum
CREATE TYPE "api_key_scope" AS ENUM ('executor', 'admin');

-- CreateEnum
CREATE TYPE "trader_state" AS ENUM ('running', 'error', 'paused', 'disabled');

-- CreateEnum
CREATE TYPE "code_source" AS ENUM ('user', 'ai', 'rollback');

-- CreateEnum
CREATE TYPE "execution_error_type" AS ENUM ('compilation', 'runtime', 'timeout', 'panic');

-- CreateEnum
CREATE TYPE "error_group_status" AS ENUM ('unresolved', 'resolved', 'regressed', 'ignored', 'fix_proposed', 'fix_deployed');

-- CreateEnum
CREATE TYPE "event_source" AS ENUM ('api', 'sentry');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('user', 'system');

-- CreateEnum
CREATE TYPE "activity_kind" AS ENUM ('created', 'status_changed', 'regressed', 'comment', 'fix_proposed', 'fix_deployed', 'rolled_back');

-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('new_group', 'regression', 'fix_ready', 'workflow_disabled', 'daily_digest');

-- CreateEnum
CREATE TYPE "delivery_preference" AS ENUM ('immediate', 'digest', 'off');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('pending', 'sent', 'stored', 'failed', 'throttled');

-- CreateEnum
CREATE TYPE "job_status" AS ENUM ('pending', 'running', 'done', 'failed', 'dead');

-- CreateEnum
CREATE TYPE "attempt_trigger" AS ENUM ('manual', 'auto');

-- CreateEnum
CREATE TYPE "attempt_status" AS ENUM ('queued', 'running', 'proposed', 'failed', 'deployed', 'dismissed');

-- CreateEnum
CREATE TYPE "deployment_kind" AS ENUM ('deploy', 'rollback', 'auto_rollback');

-- CreateEnum
CREATE TYPE "workflow_type" AS ENUM ('signal_monitoring', 'position_management');

-- CreateEnum
CREATE TYPE "run_outcome" AS ENUM ('ok', 'error');

-- CreateEnum
CREATE TYPE "severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "email_verified" TIMESTAMPTZ(3),
    "role" "user_role" NOT NULL DEFAULT 'trader',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "trader_id" UUID,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scope" "api_key_scope" NOT NULL DEFAULT 'executor',
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "traders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "state" "trader_state" NOT NULL DEFAULT 'running',
    "active_version_id" UUID,
    "dsn_public_key" TEXT NOT NULL,
    "project_id" SERIAL NOT NULL,
    "auto_rollback" BOOLEAN NOT NULL DEFAULT false,
    "last_error_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "traders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trader_code_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trader_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "source" "code_source" NOT NULL,
    "author_id" UUID,
    "parent_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trader_code_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_groups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "trader_id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "grouping_version" INTEGER NOT NULL DEFAULT 1,
    "error_type" "execution_error_type" NOT NULL,
    "title" TEXT NOT NULL,
    "culprit" TEXT,
    "error_hash" TEXT NOT NULL,
    "status" "error_group_status" NOT NULL DEFAULT 'unresolved',
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_in_version_id" UUID,
    "regressed_at" TIMESTAMPTZ(3),
    "regression_count" INTEGER NOT NULL DEFAULT 0,
    "ignored_until" TIMESTAMPTZ(3),
    "ignored_until_count" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "error_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trader_execution_errors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "trader_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "source" "event_source" NOT NULL DEFAULT 'api',
    "error_type" "execution_error_type" NOT NULL,
    "error_message" TEXT NOT NULL,
    "stack_trace" TEXT,
    "trigger_interval" TEXT,
    "symbols_processed" INTEGER,
    "execution_duration_ms" INTEGER,
    "code_version_id" UUID,
    "filter_code_snapshot" TEXT,
    "context" JSONB,
    "error_hash" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trader_execution_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_group_activities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "group_id" UUID NOT NULL,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_user_id" UUID,
    "kind" "activity_kind" NOT NULL,
    "from_status" "error_group_status",
    "to_status" "error_group_status",
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "error_group_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "email" "delivery_preference" NOT NULL DEFAULT 'immediate',

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "group_id" UUID,
    "trader_id" UUID,
    "data" JSONB,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "notification_id" UUID,
    "kind" "notification_kind" NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "email_status" NOT NULL DEFAULT 'pending',
    "idempotency_key" TEXT NOT NULL,
    "provider_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "job_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 8,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regeneration_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "trader_id" UUID NOT NULL,
    "base_version_id" UUID,
    "triggered_by_id" UUID,
    "trigger" "attempt_trigger" NOT NULL,
    "status" "attempt_status" NOT NULL DEFAULT 'queued',
    "model" TEXT,
    "prompt_hash" TEXT,
    "tokens_in" INTEGER NOT NULL DEFAULT 0,
    "tokens_out" INTEGER NOT NULL DEFAULT 0,
    "estimated_cost_usd" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "rounds" INTEGER NOT NULL DEFAULT 0,
    "proposed_code" TEXT,
    "explanation" TEXT,
    "changes" JSONB,
    "verification" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "regeneration_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trader_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "from_version_id" UUID,
    "to_version_id" UUID NOT NULL,
    "group_id" UUID,
    "attempt_id" UUID,
    "kind" "deployment_kind" NOT NULL,
    "reason" TEXT,
    "watch_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_schedules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workflow_type" "workflow_type" NOT NULL,
    "entity_id" TEXT NOT NULL,
    "trader_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "interval" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),
    "last_candle_time" TIMESTAMPTZ(3),
    "execution_count" INTEGER NOT NULL DEFAULT 0,
    "consecutive_errors" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),
    "stop_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schedule_id" UUID NOT NULL,
    "candle_time" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "run_outcome" NOT NULL,
    "error_event_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_errors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "error_type" TEXT NOT NULL,
    "severity" "severity" NOT NULL,
    "component" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "stack_trace" TEXT,
    "context" JSONB,
    "job_id" TEXT,
    "trader_id" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution_notes" TEXT,

    CONSTRAINT "system_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_user_id_created_at_idx" ON "api_keys"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "traders_active_version_id_key" ON "traders"("active_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "traders_dsn_public_key_key" ON "traders"("dsn_public_key");

-- CreateIndex
CREATE UNIQUE INDEX "traders_project_id_key" ON "traders"("project_id");

-- CreateIndex
CREATE UNIQUE INDEX "traders_user_id_name_key" ON "traders"("user_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "trader_code_versions_trader_id_version_key" ON "trader_code_versions"("trader_id", "version");

-- CreateIndex
CREATE INDEX "error_groups_user_id_last_seen_at_id_idx" ON "error_groups"("user_id", "last_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "error_groups_user_id_status_last_seen_at_idx" ON "error_groups"("user_id", "status", "last_seen_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "error_groups_trader_id_fingerprint_key" ON "error_groups"("trader_id", "fingerprint");

-- CreateIndex
CREATE INDEX "trader_execution_errors_group_id_occurred_at_id_idx" ON "trader_execution_errors"("group_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "trader_execution_errors_trader_id_occurred_at_idx" ON "trader_execution_errors"("trader_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "trader_execution_errors_code_version_id_idx" ON "trader_execution_errors"("code_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "trader_execution_errors_user_id_idempotency_key_key" ON "trader_execution_errors"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "error_group_activities_group_id_created_at_idx" ON "error_group_activities"("group_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notifications_group_id_idx" ON "notifications"("group_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_idempotency_key_key" ON "email_messages"("idempotency_key");

-- CreateIndex
CREATE INDEX "email_messages_user_id_created_at_idx" ON "email_messages"("user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_dedupe_key_key" ON "jobs"("dedupe_key");

-- CreateIndex
CREATE INDEX "jobs_status_run_at_idx" ON "jobs"("status", "run_at");

-- CreateIndex
CREATE INDEX "regeneration_attempts_group_id_created_at_idx" ON "regeneration_attempts"("group_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "regeneration_attempts_user_id_created_at_idx" ON "regeneration_attempts"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "regeneration_attempts_trader_id_idx" ON "regeneration_attempts"("trader_id");

-- CreateIndex
CREATE INDEX "deployments_trader_id_created_at_idx" ON "deployments"("trader_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "workflow_schedules_user_id_is_active_idx" ON "workflow_schedules"("user_id", "is_active");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_schedules_trader_id_workflow_type_entity_id_key" ON "workflow_schedules"("trader_id", "workflow_type", "entity_id");

-- CreateIndex
CREATE INDEX "workflow_runs_error_event_id_idx" ON "workflow_runs"("error_event_id");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_runs_schedule_id_candle_time_key" ON "workflow_runs"("schedule_id", "candle_time");

-- CreateIndex
CREATE INDEX "system_errors_created_at_idx" ON "system_errors"("created_at" DESC);

-- CreateIndex
CREATE INDEX "system_errors_resolved_at_severity_idx" ON "system_errors"("resolved_at", "severity");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "traders" ADD CONSTRAINT "traders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "traders" ADD CONSTRAINT "traders_active_version_id_fkey" FOREIGN KEY ("active_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_code_versions" ADD CONSTRAINT "trader_code_versions_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_code_versions" ADD CONSTRAINT "trader_code_versions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_code_versions" ADD CONSTRAINT "trader_code_versions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_groups" ADD CONSTRAINT "error_groups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_groups" ADD CONSTRAINT "error_groups_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_groups" ADD CONSTRAINT "error_groups_resolved_in_version_id_fkey" FOREIGN KEY ("resolved_in_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_execution_errors" ADD CONSTRAINT "trader_execution_errors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_execution_errors" ADD CONSTRAINT "trader_execution_errors_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_execution_errors" ADD CONSTRAINT "trader_execution_errors_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trader_execution_errors" ADD CONSTRAINT "trader_execution_errors_code_version_id_fkey" FOREIGN KEY ("code_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_group_activities" ADD CONSTRAINT "error_group_activities_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_group_activities" ADD CONSTRAINT "error_group_activities_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regeneration_attempts" ADD CONSTRAINT "regeneration_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regeneration_attempts" ADD CONSTRAINT "regeneration_attempts_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regeneration_attempts" ADD CONSTRAINT "regeneration_attempts_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regeneration_attempts" ADD CONSTRAINT "regeneration_attempts_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regeneration_attempts" ADD CONSTRAINT "regeneration_attempts_base_version_id_fkey" FOREIGN KEY ("base_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_from_version_id_fkey" FOREIGN KEY ("from_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_to_version_id_fkey" FOREIGN KEY ("to_version_id") REFERENCES "trader_code_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "regeneration_attempts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_schedules" ADD CONSTRAINT "workflow_schedules_trader_id_fkey" FOREIGN KEY ("trader_id") REFERENCES "traders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_schedules" ADD CONSTRAINT "workflow_schedules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "workflow_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_error_event_id_fkey" FOREIGN KEY ("error_event_id") REFERENCES "trader_execution_errors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "system_errors" ADD CONSTRAINT "system_errors_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
