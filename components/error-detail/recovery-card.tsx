import { Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const explanationId = "recovery-explanation";

// Where AI-proposed fixes will start; until the recovery milestone lands it only
// says so. Self-contained so it can be wired without touching the page.
export function RecoveryCard() {
  return (
    <Card className="border-primary/40 bg-primary/[0.03]" data-testid="recovery-card">
      <CardHeader className="pb-3">
        <CardTitle className="flex items-center gap-2">
          <Sparkles aria-hidden="true" className="size-4 text-primary" />
          Recovery
        </CardTitle>
        <CardDescription id={explanationId}>
          AI-proposed fixes arrive in the next milestone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button disabled aria-describedby={explanationId} className="w-full sm:w-auto">
          Propose a fix
        </Button>
      </CardContent>
    </Card>
  );
}
