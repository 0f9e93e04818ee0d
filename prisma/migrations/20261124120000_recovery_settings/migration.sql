-- CreateEnum
CREATE TYPE "regeneration_policy" AS ENUM ('off', 'compile_runtime', 'all');

-- AlterTable
ALTER TABLE "traders" ADD COLUMN     "deploy_webhook_secret" TEXT,
ADD COLUMN     "deploy_webhook_url" TEXT;

-- CreateTable
CREATE TABLE "ai_settings" (
    "user_id" UUID NOT NULL,
    "regeneration_policy" "regeneration_policy" NOT NULL DEFAULT 'off',
    "auto_trigger_min_events" INTEGER NOT NULL DEFAULT 3,
    "daily_attempt_cap" INTEGER NOT NULL DEFAULT 20,
    "daily_token_cap" INTEGER NOT NULL DEFAULT 200000,
    "group_attempt_cap" INTEGER NOT NULL DEFAULT 5,
    "group_cooldown_minutes" INTEGER NOT NULL DEFAULT 10,
    "auto_deploy" BOOLEAN NOT NULL DEFAULT false,
    "watch_minutes" INTEGER NOT NULL DEFAULT 60,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_settings_pkey" PRIMARY KEY ("user_id")
);

-- AddForeignKey
ALTER TABLE "ai_settings" ADD CONSTRAINT "ai_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
