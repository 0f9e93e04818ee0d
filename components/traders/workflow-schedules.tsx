"use client";

import { LoaderCircle, RotateCcw } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { reenableScheduleAction } from "@/app/(app)/traders/[id]/schedule-actions";
import { Badge } from "@/components/ui/badge";
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
import type { WorkflowType } from "@/lib/generated/prisma/enums";
import type { ScheduleRecord } from "@/lib/workflows/schedule-record";
import { STOP_REASON_ERROR_LIMIT } from "@/lib/workflows/stop-reasons";

const typeLabel: Record<WorkflowType, string> = {
  signal_monitoring: "Signals",
  position_management: "Positions",
};

function ScheduleStateBadge({ schedule }: { schedule: ScheduleRecord }) {
  if (schedule.isActive) {
    return (
      <Badge variant="resolved" hasDot>
        Running
      </Badge>
    );
  }
  if (schedule.stopReason === STOP_REASON_ERROR_LIMIT) {
    return (
      <Badge variant="unresolved" hasDot>
        Disabled
      </Badge>
    );
  }
  return (
    <Badge variant="outline" hasDot>
      Stopped
    </Badge>
  );
}

function ReenableButton({ schedule }: { schedule: ScheduleRecord }) {
  const [isPending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const label = `${schedule.symbol} ${schedule.interval}`;

  function reenable() {
    setFailure(null);
    startTransition(async () => {
      const result = await reenableScheduleAction({ scheduleId: schedule.id });
      if (!result.ok) {
        setFailure(result.message);
        toast.error(result.message);
        return;
      }
      toast.success(`${label} re-enabled: its executor picks it up on its next reload`);
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="outline"
        size="sm"
        onClick={reenable}
        disabled={isPending}
        aria-busy={isPending || undefined}
        data-testid="reenable-schedule"
      >
        {isPending ? (
          <LoaderCircle aria-hidden="true" className="animate-spin" />
        ) : (
          <RotateCcw aria-hidden="true" />
        )}
        Re-enable
        <span className="sr-only"> {label}</span>
      </Button>
      {failure ? (
        <p role="alert" className="max-w-48 text-right text-xs text-destructive">
          {failure}
        </p>
      ) : null}
    </div>
  );
}

function Never() {
  return <span className="text-muted-foreground">Never</span>;
}

// The trader's workflow schedules and their health. Below sm the secondary columns
// fold into the first cell, so a phone shows symbol, state and the action side by side.
export function WorkflowSchedules({ schedules }: { schedules: ScheduleRecord[] }) {
  return (
    <Table scrollLabel="Workflow schedules of this trader" data-testid="workflow-schedules">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="col">Symbol</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Interval
          </TableHead>
          <TableHead scope="col" className="hidden md:table-cell">
            Type
          </TableHead>
          <TableHead scope="col">State</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Last candle
          </TableHead>
          <TableHead scope="col" className="hidden text-right sm:table-cell">
            Runs
          </TableHead>
          <TableHead scope="col" className="hidden text-right sm:table-cell">
            Error streak
          </TableHead>
          <TableHead scope="col" className="hidden lg:table-cell">
            Last error
          </TableHead>
          <TableHead scope="col" className="hidden md:table-cell">
            Stop reason
          </TableHead>
          <TableHead scope="col" className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {schedules.map((schedule) => (
          <TableRow
            key={schedule.id}
            data-testid="workflow-schedule-row"
            data-state={schedule.isActive ? "active" : "stopped"}
          >
            <TableCell className="min-w-0">
              <div className="font-medium [overflow-wrap:anywhere]">{schedule.symbol}</div>
              <div className="text-xs text-muted-foreground sm:hidden">
                {schedule.interval} · {typeLabel[schedule.workflowType]} ·{" "}
                {schedule.executionCount.toLocaleString("en-US")} runs ·{" "}
                {schedule.consecutiveErrors} failing
              </div>
            </TableCell>
            <TableCell className="hidden tabular-nums sm:table-cell">{schedule.interval}</TableCell>
            <TableCell className="hidden md:table-cell">
              {typeLabel[schedule.workflowType]}
            </TableCell>
            <TableCell>
              <ScheduleStateBadge schedule={schedule} />
            </TableCell>
            <TableCell className="hidden text-xs sm:table-cell">
              {schedule.lastCandleTime ? (
                <RelativeTime date={schedule.lastCandleTime} />
              ) : (
                <Never />
              )}
            </TableCell>
            <TableCell
              className="hidden text-right tabular-nums sm:table-cell"
              data-testid="schedule-executions"
            >
              {schedule.executionCount.toLocaleString("en-US")}
            </TableCell>
            <TableCell
              className="hidden text-right tabular-nums sm:table-cell"
              data-testid="schedule-error-streak"
            >
              <span
                className={schedule.consecutiveErrors > 0 ? "font-medium text-destructive" : ""}
              >
                {schedule.consecutiveErrors}
              </span>
            </TableCell>
            <TableCell className="hidden max-w-64 lg:table-cell">
              {schedule.lastError ? (
                <div className="flex flex-col gap-0.5">
                  <span className="truncate font-mono text-xs" title={schedule.lastError}>
                    {schedule.lastError}
                  </span>
                  {schedule.lastErrorAt ? (
                    <RelativeTime
                      date={schedule.lastErrorAt}
                      className="text-xs text-muted-foreground"
                    />
                  ) : null}
                </div>
              ) : (
                <span className="text-muted-foreground">None</span>
              )}
            </TableCell>
            <TableCell className="hidden text-xs md:table-cell">
              {schedule.stopReason ?? <span className="text-muted-foreground">—</span>}
            </TableCell>
            <TableCell className="text-right">
              {schedule.isActive ? null : <ReenableButton schedule={schedule} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
