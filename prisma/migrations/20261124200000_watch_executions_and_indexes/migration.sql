-- AlterTable
ALTER TABLE "ai_settings" ADD COLUMN     "watch_executions" INTEGER NOT NULL DEFAULT 20;

-- CreateIndex
CREATE INDEX "workflow_runs_schedule_id_created_at_idx" ON "workflow_runs"("schedule_id", "created_at");

-- CreateIndex
CREATE INDEX "trader_execution_errors_received_at_idx" ON "trader_execution_errors"("received_at");

-- CreateIndex
CREATE INDEX "deployments_group_id_idx" ON "deployments"("group_id");
