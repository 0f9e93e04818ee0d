import { Users } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { TraderStateBadge } from "@/components/traders/trader-state-badge";
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
import { requireUserPage } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { formatTraderDsn } from "@/lib/sentry/format-dsn";
import { listTraders } from "@/lib/traders/list-traders";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Traders" };

export default async function TradersPage() {
  const user = await requireUserPage("/traders");
  const traders = await listTraders({ userId: user.id });

  return (
    <>
      <PageHeader
        title="Traders"
        count={traders.length}
        countLabel={traders.length === 1 ? "trader" : "traders"}
        description="Each trader runs one active version of your filter code."
      />
      {traders.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title="No traders yet"
          description="Traders you create appear here."
        />
      ) : (
        <Table scrollLabel="Traders" className="min-w-[40rem]">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col">Trader</TableHead>
              <TableHead scope="col">State</TableHead>
              <TableHead scope="col">Active version</TableHead>
              <TableHead scope="col">Open error groups</TableHead>
              <TableHead scope="col">Last error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {traders.map((trader) => (
              <TableRow key={trader.id} data-testid="trader-row">
                <TableCell className="min-w-56">
                  <div className="flex flex-col gap-0.5">
                    <span className="font-medium">{trader.name}</span>
                    {trader.description ? (
                      <span className="text-xs text-muted-foreground">{trader.description}</span>
                    ) : null}
                    <span className="text-xs text-muted-foreground">
                      Sentry DSN{" "}
                      <code className="break-all font-mono" data-testid="trader-dsn">
                        {formatTraderDsn(trader, env.APP_URL)}
                      </code>
                    </span>
                  </div>
                </TableCell>
                <TableCell>
                  <TraderStateBadge state={trader.state} />
                </TableCell>
                <TableCell className="tabular-nums">
                  {trader.activeVersion
                    ? `v${trader.activeVersion.version} (${trader.activeVersion.source})`
                    : "—"}
                </TableCell>
                <TableCell className="tabular-nums">{trader._count.errorGroups}</TableCell>
                <TableCell>
                  {trader.lastErrorAt ? <RelativeTime date={trader.lastErrorAt} /> : "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
