import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/admin/code-block";
import { ResolveSystemErrorButton } from "@/components/admin/resolve-system-error-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { getSystemError, type SystemErrorDetail } from "@/lib/admin/get-system-error";
import { requireAdminPage } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "System error" };

type AdminSystemErrorPageProps = { params: Promise<{ id: string }> };

async function loadOrNotFound(userId: string, id: string): Promise<SystemErrorDetail> {
  try {
    return await getSystemError({ userId, id });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="shrink-0 text-muted-foreground sm:w-28">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

// GET /admin/errors/:id – one system error: stack, context, related ids and resolution.
export default async function AdminSystemErrorPage({ params }: AdminSystemErrorPageProps) {
  const user = await requireAdminPage();
  const { id } = await params;
  const { systemError, trader } = await loadOrNotFound(user.id, id);
  const resolver = systemError.resolvedBy;

  return (
    <article className="flex flex-col gap-6" data-testid="system-error-detail">
      <div className="flex flex-col gap-3">
        <Link
          href="/admin/errors"
          className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          System errors
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={systemError.severity} hasDot className="capitalize">
            {systemError.severity}
          </Badge>
          <span className="font-mono text-xs text-muted-foreground">
            {systemError.component} · {systemError.errorType}
          </span>
        </div>
        <h1
          className="break-words text-xl font-semibold tracking-tight"
          data-testid="system-error-message"
        >
          {systemError.message}
        </h1>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="flex flex-col gap-2 text-sm">
              <Fact label="Logged">
                <RelativeTime date={systemError.createdAt} /> ·{" "}
                <span className="font-mono text-xs">{systemError.createdAt.toISOString()}</span>
              </Fact>
              <Fact label="Component">{systemError.component}</Fact>
              <Fact label="Type">
                <span className="font-mono">{systemError.errorType}</span>
              </Fact>
              <Fact label="Job">
                {systemError.jobId ? <span className="font-mono">{systemError.jobId}</span> : none}
              </Fact>
              <Fact label="Trader">
                {trader ? (
                  <Link
                    href={`/admin/users/${trader.owner.id}`}
                    className="underline-offset-2 hover:underline"
                  >
                    {trader.name} ({trader.owner.email})
                  </Link>
                ) : systemError.traderId ? (
                  <span className="font-mono">{systemError.traderId}</span>
                ) : (
                  none
                )}
              </Fact>
              <Fact label="Request">
                {systemError.requestId ? (
                  <span className="font-mono">{systemError.requestId}</span>
                ) : (
                  none
                )}
              </Fact>
              <Fact label="Id">
                <span className="font-mono text-xs">{systemError.id}</span>
              </Fact>
            </dl>
          </CardContent>
        </Card>

        <Card data-testid="system-error-resolution">
          <CardHeader>
            <CardTitle>Resolution</CardTitle>
          </CardHeader>
          <CardContent>
            {systemError.resolvedAt ? (
              <dl className="flex flex-col gap-2 text-sm" data-status="resolved">
                <Fact label="Status">
                  <Badge variant="resolved" hasDot>
                    Resolved
                  </Badge>
                </Fact>
                <Fact label="When">
                  <RelativeTime date={systemError.resolvedAt} />
                </Fact>
                <Fact label="By">
                  {resolver ? (
                    <span data-testid="system-error-resolver">
                      {resolver.name ?? resolver.email}
                    </span>
                  ) : (
                    <span className="text-muted-foreground">A deleted account</span>
                  )}
                </Fact>
                <Fact label="Notes">
                  <p className="whitespace-pre-wrap break-words" data-testid="system-error-notes">
                    {systemError.resolutionNotes}
                  </p>
                </Fact>
              </dl>
            ) : (
              <div className="flex flex-col items-start gap-3 text-sm" data-status="open">
                <p className="text-muted-foreground">
                  Open. Resolve it with a note once the cause is dealt with.
                </p>
                <ResolveSystemErrorButton id={systemError.id} />
              </div>
            )}
          </CardContent>
        </Card>
      </div>

      <section className="flex min-w-0 flex-col gap-2">
        <h2 className="text-base font-semibold">Stack trace</h2>
        {systemError.stackTrace ? (
          <CodeBlock label="Stack trace" data-testid="system-error-stack">
            {systemError.stackTrace}
          </CodeBlock>
        ) : (
          <p className="text-sm text-muted-foreground">No stack trace was recorded.</p>
        )}
      </section>

      <section className="flex min-w-0 flex-col gap-2">
        <h2 className="text-base font-semibold">Context</h2>
        {systemError.context === null ? (
          <p className="text-sm text-muted-foreground">No context was recorded.</p>
        ) : (
          <CodeBlock label="Context (JSON)" data-testid="system-error-context">
            {JSON.stringify(systemError.context, null, 2)}
          </CodeBlock>
        )}
      </section>
    </article>
  );
}
