import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeySection } from "@/components/api-keys/create-api-key-section";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireUserPage } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { listTraders } from "@/lib/traders/list-traders";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUserPage("/settings/api-keys");
  const [keys, traders] = await Promise.all([
    listApiKeys({ userId: user.id }),
    listTraders({ userId: user.id }),
  ]);
  const activeCount = keys.filter((key) => key.revokedAt === null).length;

  return (
    <>
      <PageHeader
        title="API keys"
        count={activeCount}
        countLabel={activeCount === 1 ? "active key" : "active keys"}
        description="Executors authenticate with these keys to report failed filter runs."
      />
      <div className="flex flex-col gap-8">
        <CreateApiKeySection
          traders={traders.map((trader) => ({ id: trader.id, name: trader.name }))}
          // The canonical public URL, so the curl example works from the executor's host.
          appUrl={env.APP_URL}
        />
        {keys.length === 0 ? (
          <EmptyState
            icon={<KeyRound />}
            title="No API keys yet"
            description="Create one above and give it to your executor."
            data-testid="api-keys-empty-state"
          />
        ) : (
          <ApiKeysTable keys={keys} />
        )}
      </div>
    </>
  );
}
