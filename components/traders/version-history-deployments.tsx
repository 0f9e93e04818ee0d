import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TraderVersionItem } from "@/lib/deploy/list-trader-versions";
import type { DeploymentKind } from "@/lib/generated/prisma/enums";

type Deployment = TraderVersionItem["deployments"][number];

const kindLabel: Record<DeploymentKind, string> = {
  deploy: "Deployed",
  rollback: "Rolled back to",
  auto_rollback: "Automatically rolled back to",
};

type Person = NonNullable<Deployment["actorUser"]>;

// Activations without a person (automatic rollbacks, auto-deployed AI fixes) were Faultline's.
export function displayPerson(person: Person | null): string {
  return person ? (person.name ?? person.email) : "Faultline";
}

function DeploymentLine({ deployment, note }: { deployment: Deployment; note: string | null }) {
  const { kind, actorUser, fromVersion, group, createdAt } = deployment;
  // A deploy records the version's note as its reason: shown once, on the version.
  const reason = kind === "deploy" && deployment.reason === note ? null : deployment.reason;
  return (
    <li
      className="flex min-w-0 flex-col gap-0.5 text-xs text-muted-foreground"
      data-testid="version-deployment"
      data-kind={kind}
    >
      <span className="[overflow-wrap:anywhere]">
        <span className="font-medium text-foreground">{kindLabel[kind]}</span>
        {kind === "deploy" ? null : " this version"} by {displayPerson(actorUser)}{" "}
        <RelativeTime date={createdAt} />
        {fromVersion ? <> · from v{fromVersion.version}</> : null}
        {group ? (
          <>
            {" · for "}
            <Link href={`/errors/${group.id}`} className="text-link hover:underline">
              {group.title}
            </Link>
          </>
        ) : null}
      </span>
      {reason ? (
        <span className="[overflow-wrap:anywhere]" data-testid="version-deployment-reason">
          Reason: {reason}
        </span>
      ) : null}
    </li>
  );
}

// Every activation of one version, newest first: its deploy and any rollbacks to it.
export function VersionHistoryDeployments({
  deployments,
  note,
}: {
  deployments: Deployment[];
  note: string | null;
}) {
  if (deployments.length === 0) return null;
  return (
    <ul className="flex min-w-0 flex-col gap-1.5" aria-label="Activations">
      {deployments.map((deployment) => (
        <DeploymentLine key={deployment.id} deployment={deployment} note={note} />
      ))}
    </ul>
  );
}
