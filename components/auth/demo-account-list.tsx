"use client";

import { ArrowRight, LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { DemoAccount } from "@/lib/auth/sign-in-options";

type DemoAccountListProps = {
  accounts: DemoAccount[];
  pendingKey: string | null;
  onSelect: (account: DemoAccount) => void;
};

export function demoPendingKey(account: DemoAccount): string {
  return `demo:${account.email}`;
}

function describeAccount(account: DemoAccount): string {
  return `Continue as ${account.name?.trim() || account.email} (${account.role})`;
}

export function DemoAccountList({ accounts, pendingKey, onSelect }: DemoAccountListProps) {
  return (
    <section aria-labelledby="demo-accounts-heading" className="flex flex-col gap-3">
      <div className="flex flex-col gap-0.5">
        <h2 id="demo-accounts-heading" className="text-sm font-medium">
          Demo accounts
        </h2>
        <p className="text-xs text-muted-foreground">
          Seeded sample data. Demo sign-in is enabled on this server.
        </p>
      </div>
      {accounts.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-3 py-2.5 text-sm text-muted-foreground">
          No demo accounts exist yet. Run <code className="font-mono text-xs">npm run db:seed</code>{" "}
          to create them.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {accounts.map((account) => {
            const isPending = pendingKey === demoPendingKey(account);
            return (
              <li key={account.email}>
                <Button
                  variant="outline"
                  size="lg"
                  className="w-full justify-between"
                  data-testid={`demo-sign-in-${account.email}`}
                  disabled={pendingKey !== null}
                  aria-busy={isPending || undefined}
                  onClick={() => onSelect(account)}
                >
                  <span className="truncate">{describeAccount(account)}</span>
                  {isPending ? (
                    <LoaderCircle aria-hidden="true" className="animate-spin" />
                  ) : (
                    <ArrowRight aria-hidden="true" className="text-muted-foreground" />
                  )}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
