import { cn } from "@/lib/utils/cn";

function getInitials(name: string | null, email: string): string {
  const source = name?.trim() || email.split("@")[0] || "?";
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  const initials = parts.length > 1 ? `${parts[0]![0]}${parts[1]![0]}` : source.slice(0, 2);
  return initials.toUpperCase();
}

// Decorative: the user's name is always rendered as text next to it.
export function UserAvatar({
  name,
  email,
  className,
}: {
  name: string | null;
  email: string;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/15 text-[11px] font-semibold text-primary dark:text-link",
        className,
      )}
    >
      {getInitials(name, email)}
    </span>
  );
}
