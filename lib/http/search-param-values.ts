// A page's searchParams as Next passes them: a key repeated in the URL is an array.
export type RawSearchParams = Record<string, string | string[] | undefined>;

type RawValue = RawSearchParams[string];

export function firstValue(value: RawValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// `status=a,b` and `status=a&status=b` both mean two values, as in the JSON APIs.
export function listValue(value: RawValue): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
