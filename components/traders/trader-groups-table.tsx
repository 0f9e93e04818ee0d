import Link from "next/link";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { ErrorTypeBadge } from "@/components/errors/error-type-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { TraderDetail } from "@/lib/traders/get-trader-detail";

// A compact list of one trader's groups; below sm the type and count columns drop out.
export function TraderGroupsTable({ groups }: { groups: TraderDetail["errorGroups"] }) {
  return (
    <Table scrollLabel="Error groups of this trader" className="table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="col" className="w-28">
            Status
          </TableHead>
          <TableHead scope="col">Error</TableHead>
          <TableHead scope="col" className="hidden w-28 sm:table-cell">
            Type
          </TableHead>
          <TableHead scope="col" className="hidden w-20 text-right sm:table-cell">
            Events
          </TableHead>
          <TableHead scope="col" className="w-24">
            Last seen
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((group) => (
          <TableRow key={group.id} data-testid="trader-group-row">
            <TableCell>
              <ErrorGroupStatusBadge status={group.status} />
            </TableCell>
            <TableCell className="truncate">
              <Link
                href={`/errors/${group.id}`}
                className="font-medium text-link hover:underline"
                title={group.title}
              >
                {group.title}
              </Link>
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <ErrorTypeBadge errorType={group.errorType} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">
              {group.eventCount.toLocaleString("en-US")}
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">
              <RelativeTime date={group.lastSeenAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
