"use client";

import { CheckCheck, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useNotifications } from "@/components/notifications/notifications-provider";
import { Button } from "@/components/ui/button";

// For /notifications: marks everything read through the shared provider (so the bell
// agrees) and then re-renders the server list.
export function MarkAllReadButton({ isDisabled }: { isDisabled: boolean }) {
  const { markAllRead } = useNotifications();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isDisabled || isPending}
      data-testid="notifications-mark-all-read"
      onClick={() =>
        startTransition(async () => {
          await markAllRead();
          router.refresh();
        })
      }
    >
      {isPending ? (
        <LoaderCircle aria-hidden="true" className="animate-spin" />
      ) : (
        <CheckCheck aria-hidden="true" />
      )}
      Mark all read
    </Button>
  );
}
