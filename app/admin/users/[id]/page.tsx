import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserRoleControl } from "@/components/admin/user-role-control";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { ErrorTypeBadge } from "@/components/errors/error-type-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  type AdminUserOverview,
  getAdminUserOverview,
  OVERVIEW_GROUPS_LIMIT,
} from "@/lib/admin/get-admin-user-overview";
import { requireAdminPage } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "User" };

type AdminUserPageProps = { params: Promise<{ id: string }> };

async function loadOrNotFound(userId: string, targetUserId: string): Promise<AdminUserOverview> {
  try {
    return await getAdminUserOverview({ userId, targetUserId });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

const stateVariant = {
  running: "resolved",
  error: "unresolved",
  paused: "neutral",
  disabled: "outline",
} as const;

// GET /admin/users/:id – one user's traders and error groups, read-only: admins look,
// the owner acts (nothing here changes the user's data).
export default async function AdminUserPage({ params }: AdminUserPageProps) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const user = await loadOrNotFound(admin.id, id);
  const hiddenGroups = user._count.errorGroups - user.errorGroups.length;

  return (
    <div className="flex flex-col gap-6" data-testid="admin-user-overview">
      <Link
        href="/admin/users"
        className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Users
      </Link>
      <PageHeader
        className="mb-0"
        title={user.email}
        description={
          <>
            {user.name ? `${user.name} · ` : null}
            {user.role === "admin" ? "Admin" : "Trader"} · joined{" "}
            <RelativeTime date={user.createdAt} />
          </>
        }
        actions={<UserRoleControl user={user} isSelf={user.id === admin.id} />}
      />

      <Card>
        <CardHeader>
          <CardTitle>Traders</CardTitle>
          <CardDescription>{user.traders.length} in total.</CardDescription>
        </CardHeader>
        <CardContent>
          {user.traders.length === 0 ? (
            <p className="text-sm text-muted-foreground">No traders yet.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-border" data-testid="admin-user-traders">
              {user.traders.map((trader) => (
                <li
                  key={trader.id}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 text-sm"
                >
                  <span className="min-w-0 flex-1 truncate font-medium">{trader.name}</span>
                  <Badge variant={stateVariant[trader.state]} hasDot className="capitalize">
                    {trader.state}
                  </Badge>
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {trader._count.errorGroups} error groups
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {trader.lastErrorAt ? (
                      <>
                        last error <RelativeTime date={trader.lastErrorAt} />
                      </>
                    ) : (
                      "no errors"
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Error groups</CardTitle>
          <CardDescription>
            {hiddenGroups > 0
              ? `The ${OVERVIEW_GROUPS_LIMIT} most recently seen of ${user._count.errorGroups}.`
              : `${user._count.errorGroups} in total, most recently seen first.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {user.errorGroups.length === 0 ? (
            <p className="text-sm text-muted-foreground">No errors reported.</p>
          ) : (
            <Table
              scrollLabel="Error groups"
              className="max-md:block"
              data-testid="admin-user-groups"
            >
              <TableHeader className="max-md:hidden">
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">Status</TableHead>
                  <TableHead scope="col">Error</TableHead>
                  <TableHead scope="col" className="text-right">
                    Events
                  </TableHead>
                  <TableHead scope="col">Last seen</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody className="max-md:block">
                {user.errorGroups.map((group) => (
                  <TableRow
                    key={group.id}
                    data-testid="admin-user-group"
                    className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-2.5 max-md:gap-y-1.5 max-md:px-0 max-md:py-3"
                  >
                    <TableCell className="max-md:order-2 max-md:p-0!">
                      <ErrorGroupStatusBadge status={group.status} />
                    </TableCell>
                    <TableCell className="w-full min-w-56 max-w-0 max-md:order-1 max-md:max-w-none max-md:p-0!">
                      <div className="flex min-w-0 flex-col gap-0.5">
                        <span className="truncate font-medium" title={group.title}>
                          {group.title}
                        </span>
                        <span className="flex items-center gap-1.5 truncate text-xs text-muted-foreground">
                          <ErrorTypeBadge errorType={group.errorType} /> {group.trader.name}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums max-md:order-2 max-md:p-0! max-md:text-xs">
                      {group.eventCount.toLocaleString("en-US")}
                      <span className="md:hidden"> events</span>
                    </TableCell>
                    <TableCell className="max-md:order-2 max-md:ml-auto max-md:p-0! max-md:text-xs">
                      <RelativeTime date={group.lastSeenAt} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
