import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorGroupNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Error group not found"
      description="It doesn't exist, or it isn't yours."
      action={
        <Button asChild variant="outline">
          <Link href="/errors">Back to errors</Link>
        </Button>
      }
      data-testid="error-group-not-found"
    />
  );
}
