-- AlterTable
ALTER TABLE "workflow_runs" ADD COLUMN     "code_version_id" UUID;

-- CreateIndex
CREATE INDEX "workflow_runs_code_version_id_idx" ON "workflow_runs"("code_version_id");

-- AddForeignKey
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_code_version_id_fkey" FOREIGN KEY ("code_version_id") REFERENCES "trader_code_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
