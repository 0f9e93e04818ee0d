import { Badge } from "@/components/ui/badge";

export function ApiKeyStatusBadge({ isRevoked }: { isRevoked: boolean }) {
  // Reuses the status tones: green like "resolved" for live keys, neutral once revoked.
  return isRevoked ? (
    <Badge variant="ignored">Revoked</Badge>
  ) : (
    <Badge variant="resolved" hasDot>
      Active
    </Badge>
  );
}
