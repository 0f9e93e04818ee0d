import type { Metadata } from "next";
import Link from "next/link";
import { UserRoleControl } from "@/components/admin/user-role-control";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { ADMIN_USERS_LIMIT, listAdminUsers } from "@/lib/admin/list-admin-users";
import { requireAdminPage } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Users" };

// GET /admin/users – every account with its role; admins promote and demote here.
export default async function AdminUsersPage() {
  const admin = await requireAdminPage();
  const { users, isTruncated } = await listAdminUsers({ userId: admin.id });

  return (
    <>
      <PageHeader
        title="Users"
        count={users.length}
        countLabel="users"
        description={
          isTruncated
            ? `The first ${ADMIN_USERS_LIMIT} accounts, admins first.`
            : "Every account, admins first. Open one to browse its traders and errors (read-only)."
        }
      />
      <Table scrollLabel="Users" className="max-md:block" data-testid="admin-users">
        <TableHeader className="max-md:hidden">
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">User</TableHead>
            <TableHead scope="col">Role</TableHead>
            <TableHead scope="col" className="text-right">
              Traders
            </TableHead>
            <TableHead scope="col" className="text-right">
              Error groups
            </TableHead>
            <TableHead scope="col">Joined</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className="max-md:block">
          {users.map((user) => (
            <TableRow
              key={user.id}
              data-testid="admin-user-row"
              data-user-email={user.email}
              data-role={user.role}
              className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-2 max-md:px-4 max-md:py-3"
            >
              <TableCell className="w-full min-w-56 max-w-0 max-md:max-w-none max-md:p-0!">
                <div className="flex min-w-0 flex-col">
                  <Link
                    href={`/admin/users/${user.id}`}
                    className="truncate font-medium hover:underline"
                    data-testid="admin-user-link"
                  >
                    {user.email}
                  </Link>
                  {user.name ? (
                    <span className="truncate text-xs text-muted-foreground">{user.name}</span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className="max-md:p-0!">
                <Badge
                  variant={user.role === "admin" ? "accent" : "neutral"}
                  data-testid="user-role"
                >
                  {user.role === "admin" ? "Admin" : "Trader"}
                </Badge>
                {user.id === admin.id ? (
                  <span className="ml-1.5 text-xs text-muted-foreground">(you)</span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums max-md:p-0! max-md:text-xs max-md:text-muted-foreground">
                {user._count.traders}
                <span className="md:hidden"> traders</span>
              </TableCell>
              <TableCell className="text-right tabular-nums max-md:p-0! max-md:text-xs max-md:text-muted-foreground">
                {user._count.errorGroups}
                <span className="md:hidden"> error groups</span>
              </TableCell>
              <TableCell className="text-muted-foreground max-md:p-0! max-md:text-xs">
                <RelativeTime date={user.createdAt} />
              </TableCell>
              <TableCell className="text-right max-md:ml-auto max-md:p-0!">
                <UserRoleControl user={user} isSelf={user.id === admin.id} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
