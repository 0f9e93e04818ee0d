const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

const intervalPattern = /^(\d{1,4})([mhdw])$/;

// Exchange-style candle intervals ("1m", "15m", "4h", "1d", "1w").
export function intervalToMs(interval: string): number {
  const match = intervalPattern.exec(interval.trim());
  const amount = Number(match?.[1]);
  const unit = match?.[2] as keyof typeof unitMs | undefined;
  if (!unit || amount < 1) {
    throw new RangeError(`Unknown candle interval "${interval}" (expected e.g. 1m, 15m, 4h, 1d).`);
  }
  return amount * unitMs[unit];
}
