import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function TraderNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Trader not found"
      description="It doesn't exist, or it isn't yours."
      action={
        <Button asChild variant="outline">
          <Link href="/traders">Back to traders</Link>
        </Button>
      }
      data-testid="trader-not-found"
    />
  );
}
