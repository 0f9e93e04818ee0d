import { z } from "zod";
import { RegenerationPolicy } from "@/lib/generated/prisma/enums";

// Bounds keep a typo from removing the cost controls (a cap of 10^9) or making
// automation useless (a watch window of a year). A cap of 0 switches that path off,
// and 0 watch executions leaves only the minutes to end a watch.
// Shared with the settings form, so it never offers what the server refuses.
export const aiSettingsBounds = {
  autoTriggerMinEvents: { min: 1, max: 10_000, label: "The event threshold" },
  dailyAttemptCap: { min: 0, max: 500, label: "The daily attempt limit" },
  dailyTokenCap: { min: 0, max: 10_000_000, label: "The daily token limit" },
  groupAttemptCap: { min: 0, max: 50, label: "The per-error limit" },
  groupCooldownMinutes: { min: 0, max: 1_440, label: "The cooldown" },
  watchMinutes: { min: 5, max: 1_440, label: "The watch window" },
  watchExecutions: { min: 0, max: 10_000, label: "The clean execution count" },
} as const;

export type AiNumberSetting = keyof typeof aiSettingsBounds;

const wholeNumber = (key: AiNumberSetting) => {
  const { min, max, label } = aiSettingsBounds[key];
  return z
    .number(`${label} must be a number.`)
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min.toLocaleString("en-US")}.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`);
};

export const aiSettingsSchema = z.object({
  regenerationPolicy: z.enum(RegenerationPolicy, "Choose when fixes are generated automatically."),
  autoTriggerMinEvents: wholeNumber("autoTriggerMinEvents"),
  dailyAttemptCap: wholeNumber("dailyAttemptCap"),
  dailyTokenCap: wholeNumber("dailyTokenCap"),
  groupAttemptCap: wholeNumber("groupAttemptCap"),
  groupCooldownMinutes: wholeNumber("groupCooldownMinutes"),
  autoDeploy: z.boolean(),
  watchMinutes: wholeNumber("watchMinutes"),
  watchExecutions: wholeNumber("watchExecutions"),
});

export type AiSettingsValues = z.infer<typeof aiSettingsSchema>;

// A missing ai_settings row means these: the column defaults of the schema.
export const defaultAiSettings = {
  regenerationPolicy: "off",
  autoTriggerMinEvents: 3,
  dailyAttemptCap: 20,
  dailyTokenCap: 200_000,
  groupAttemptCap: 5,
  groupCooldownMinutes: 10,
  autoDeploy: false,
  watchMinutes: 60,
  watchExecutions: 20,
} as const satisfies AiSettingsValues;
