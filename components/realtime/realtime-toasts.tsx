"use client";

import Link from "next/link";
import { toast } from "sonner";
import { useRealtimeEvent } from "@/components/realtime/realtime-context";

function ViewGroupLink({ groupId }: { groupId: string }) {
  return (
    <Link
      href={`/errors/${groupId}`}
      className="font-medium text-foreground underline underline-offset-4 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      View error
    </Link>
  );
}

// A toast for what needs attention: a new error group or a regression. The toast id
// is the group's, so a repeated event for the same group updates one toast.
export function RealtimeToasts() {
  useRealtimeEvent((event) => {
    if (event.type === "group.created") {
      toast(`New error: ${event.title}`, {
        id: `group-${event.groupId}`,
        testId: "realtime-toast",
        description: <ViewGroupLink groupId={event.groupId} />,
      });
    } else if (event.type === "group.regressed") {
      toast.warning(`Regression: ${event.title}`, {
        id: `group-${event.groupId}`,
        testId: "realtime-toast",
        description: <ViewGroupLink groupId={event.groupId} />,
      });
    }
  });
  return null;
}
