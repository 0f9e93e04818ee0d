import { Users } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { TraderCard } from "@/components/traders/trader-card";
import { EmptyState } from "@/components/ui/empty-state";
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
        <ul className="grid min-w-0 gap-4 xl:grid-cols-2">
          {traders.map((trader) => (
            <li key={trader.id} className="min-w-0">
              <TraderCard trader={trader} dsn={formatTraderDsn(trader, env.APP_URL)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
