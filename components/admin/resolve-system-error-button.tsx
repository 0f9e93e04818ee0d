"use client";

import { CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { ResolveSystemErrorsDialog } from "@/components/admin/resolve-system-errors-dialog";
import { Button } from "@/components/ui/button";

export function ResolveSystemErrorButton({ id }: { id: string }) {
  const [resolvingIds, setResolvingIds] = useState<string[]>([]);
  return (
    <>
      <Button size="sm" onClick={() => setResolvingIds([id])} data-testid="resolve-system-error">
        <CheckCircle2 aria-hidden="true" />
        Resolve
      </Button>
      <ResolveSystemErrorsDialog ids={resolvingIds} onClose={() => setResolvingIds([])} />
    </>
  );
}
