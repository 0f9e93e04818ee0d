import { Skeleton } from "@/components/ui/skeleton";

const placeholderRows = 8;

// Mirrors the inbox: header, filter bar, rows (cards on phones), pagination.
export default function ErrorsLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="errors-loading">
      <span className="sr-only">Loading errors…</span>
      <div className="mb-6 flex flex-col gap-2">
        <Skeleton className="h-7 w-32" />
        <Skeleton className="h-4 w-72 max-w-full" />
      </div>
      <div className="mb-4 grid grid-cols-2 gap-2 md:flex">
        <Skeleton className="col-span-2 h-9 md:flex-1" />
        <Skeleton className="h-9 md:w-44" />
        <Skeleton className="h-9 md:w-40" />
        <Skeleton className="h-9 md:w-48" />
        <Skeleton className="h-9 md:w-44" />
      </div>
      <div className="overflow-hidden rounded-lg border border-border bg-card">
        <div className="hidden border-b border-border bg-muted/60 px-4 py-3 md:block">
          <Skeleton className="h-3 w-1/2" />
        </div>
        {Array.from({ length: placeholderRows }, (_, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders with no identity.
            key={index}
            className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-3.5 last:border-0"
          >
            <Skeleton className="size-4" />
            <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1.5">
              <Skeleton className="h-4 w-3/5" />
              <Skeleton className="h-3 w-24" />
            </div>
            <Skeleton className="h-5 w-24" />
            <Skeleton className="hidden h-5 w-20 md:block" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-5 w-16" />
            <Skeleton className="h-4 w-14" />
          </div>
        ))}
      </div>
      <div className="mt-3 flex justify-end gap-2">
        <Skeleton className="h-8 w-20" />
        <Skeleton className="h-8 w-20" />
      </div>
    </div>
  );
}
