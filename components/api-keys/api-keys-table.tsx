"use client";

import { useRef, useState } from "react";
import { ApiKeyStatusBadge } from "@/components/api-keys/api-key-status-badge";
import { RevokeApiKeyDialog, type RevokeTarget } from "@/components/api-keys/revoke-api-key-dialog";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ApiKeyListItem } from "@/lib/api-keys/list-api-keys";

type ApiKeysTableProps = { keys: readonly ApiKeyListItem[] };

export function ApiKeysTable({ keys }: ApiKeysTableProps) {
  const [target, setTarget] = useState<RevokeTarget | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const wasRevokedRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function handleCloseAutoFocus(event: Event) {
    event.preventDefault();
    // A revoked row loses its button, so focus the list instead of dropping it on <body>.
    const opener = openerRef.current;
    if (!wasRevokedRef.current && opener?.isConnected) opener.focus();
    else headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="api-keys-heading" className="flex flex-col gap-3">
      <h2
        id="api-keys-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold tracking-tight outline-none"
      >
        Your keys
      </h2>
      <Table scrollLabel="API keys" className="min-w-[46rem]">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Name</TableHead>
            <TableHead scope="col">Key</TableHead>
            <TableHead scope="col">Trader</TableHead>
            <TableHead scope="col">Created</TableHead>
            <TableHead scope="col">Last used</TableHead>
            <TableHead scope="col">Status</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => {
            const isRevoked = key.revokedAt !== null;
            return (
              <TableRow
                key={key.id}
                data-testid="api-key-row"
                data-key-id={key.id}
                className={isRevoked ? "text-muted-foreground" : undefined}
              >
                <TableCell className="max-w-56 font-medium break-words">{key.name}</TableCell>
                <TableCell>
                  <code className="whitespace-nowrap font-mono text-xs">{key.prefix}…</code>
                </TableCell>
                <TableCell>{key.trader?.name ?? "All traders"}</TableCell>
                <TableCell>
                  <RelativeTime date={key.createdAt} />
                </TableCell>
                <TableCell>
                  {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : "Never"}
                </TableCell>
                <TableCell>
                  <ApiKeyStatusBadge isRevoked={isRevoked} />
                </TableCell>
                <TableCell className="text-right">
                  {isRevoked ? null : (
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={(event) => {
                        openerRef.current = event.currentTarget;
                        wasRevokedRef.current = false;
                        setTarget({ id: key.id, name: key.name });
                      }}
                      data-testid={`revoke-api-key-${key.id}`}
                    >
                      Revoke<span className="sr-only"> {key.name}</span>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <RevokeApiKeyDialog
        target={target}
        onClose={(outcome) => {
          wasRevokedRef.current = outcome === "revoked";
          setTarget(null);
        }}
        onCloseAutoFocus={handleCloseAutoFocus}
      />
    </section>
  );
}
