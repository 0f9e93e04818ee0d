import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "System errors" };

const newestLimit = 50;

// GET /admin/errors – Faultline's own failures (not traders'), newest first.
export default async function AdminSystemErrorsPage() {
  await requireAdminPage();
  const systemErrors = await getDb().systemError.findMany({
    select: {
      id: true,
      severity: true,
      component: true,
      errorType: true,
      message: true,
      createdAt: true,
      resolvedAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: newestLimit,
  });

  return (
    <>
      <PageHeader
        title="System errors"
        count={systemErrors.length}
        countLabel="system errors"
        description={`Faultline's own failures (jobs, email, AI, ingest). The ${newestLimit} newest are shown.`}
      />
      {systemErrors.length === 0 ? (
        <EmptyState
          data-testid="system-errors-empty-state"
          icon={<CircleCheck />}
          title="No system errors"
          description="Failures inside Faultline itself are recorded here."
        />
      ) : (
        <Table scrollLabel="System errors" className="min-w-[40rem]">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col" className="w-28">
                Severity
              </TableHead>
              <TableHead scope="col">Message</TableHead>
              <TableHead scope="col">Created</TableHead>
              <TableHead scope="col">Resolved</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {systemErrors.map((systemError) => (
              <TableRow key={systemError.id} data-testid="system-error-row">
                <TableCell>
                  <Badge variant={systemError.severity} hasDot className="capitalize">
                    {systemError.severity}
                  </Badge>
                </TableCell>
                <TableCell className="w-full min-w-72">
                  <div className="flex flex-col gap-1">
                    <span className="line-clamp-2 break-words" title={systemError.message}>
                      {systemError.message}
                    </span>
                    <span className="font-mono text-xs text-muted-foreground">
                      {systemError.component} · {systemError.errorType}
                    </span>
                  </div>
                </TableCell>
                <TableCell className="text-muted-foreground">
                  <RelativeTime date={systemError.createdAt} />
                </TableCell>
                <TableCell>
                  {systemError.resolvedAt ? (
                    <RelativeTime date={systemError.resolvedAt} className="text-muted-foreground" />
                  ) : (
                    <Badge variant="outline">Open</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
