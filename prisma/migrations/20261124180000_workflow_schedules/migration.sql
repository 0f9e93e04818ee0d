-- CreateEnum
CREATE TYPE "workflow_schedule_action" AS ENUM ('reenabled');

-- CreateTable
CREATE TABLE "workflow_schedule_audits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schedule_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "action" "workflow_schedule_action" NOT NULL,
    "previous_stop_reason" TEXT,
    "previous_consecutive_errors" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_schedule_audits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflow_schedule_audits_schedule_id_created_at_idx" ON "workflow_schedule_audits"("schedule_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "workflow_schedule_audits" ADD CONSTRAINT "workflow_schedule_audits_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "workflow_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_schedule_audits" ADD CONSTRAINT "workflow_schedule_audits_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
