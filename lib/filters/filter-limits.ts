import {
  defaultFilterLimits,
  type FilterLimits,
  filterLimitsSchema,
} from "@/lib/filters/filter-types";

export function resolveFilterLimits(limits: Partial<FilterLimits> | undefined): FilterLimits {
  return filterLimitsSchema.parse({ ...defaultFilterLimits, ...limits });
}
