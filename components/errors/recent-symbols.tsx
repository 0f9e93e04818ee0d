const shownSymbols = 2;

// The first few symbols inline; the rest are counted and named on hover.
export function RecentSymbols({ symbols }: { symbols: readonly string[] }) {
  if (symbols.length === 0) {
    return (
      <span className="text-muted-foreground">
        <span aria-hidden="true">—</span>
        <span className="sr-only">None</span>
      </span>
    );
  }
  const hidden = symbols.length - shownSymbols;
  return (
    <span
      data-testid="recent-symbols"
      title={symbols.join(", ")}
      className="flex items-center gap-1 whitespace-nowrap font-mono text-xs"
    >
      {symbols.slice(0, shownSymbols).map((symbol) => (
        <span key={symbol} className="rounded bg-muted px-1.5 py-0.5 text-foreground">
          {symbol}
        </span>
      ))}
      {hidden > 0 ? (
        <span className="px-0.5 py-0.5 text-muted-foreground">
          +{hidden}
          <span className="sr-only"> more: {symbols.slice(shownSymbols).join(", ")}</span>
        </span>
      ) : null}
    </span>
  );
}
