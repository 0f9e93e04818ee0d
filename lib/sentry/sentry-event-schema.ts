import { z } from "zod";

// Only the parts of a Sentry event that Faultline reads. Like Sentry's relay, a field of
// an unexpected shape is dropped (`.catch(undefined)`) instead of rejecting the event:
// SDKs of every language and age send slightly different shapes.
const lenient = <Schema extends z.ZodType>(schema: Schema) => schema.optional().catch(undefined);

const stringRecord = z.record(z.string(), z.unknown());

const frameSchema = z.looseObject({
  filename: lenient(z.string()),
  abs_path: lenient(z.string()),
  module: lenient(z.string()),
  function: lenient(z.string()),
  lineno: lenient(z.number()),
  colno: lenient(z.number()),
  context_line: lenient(z.string()),
  in_app: lenient(z.boolean()),
});

const stacktraceSchema = z.looseObject({ frames: lenient(z.array(frameSchema)) });

const exceptionSchema = z.looseObject({
  type: lenient(z.string()),
  value: lenient(z.string()),
  module: lenient(z.string()),
  stacktrace: lenient(stacktraceSchema),
});

const messageSchema = z.union([
  z.string(),
  z.looseObject({ formatted: lenient(z.string()), message: lenient(z.string()) }),
]);

// Tags arrive as an object or, from some SDKs, as a list of [key, value] pairs.
const tagsSchema = z
  .union([stringRecord, z.array(z.tuple([z.string(), z.unknown()]))])
  .transform((tags) => (Array.isArray(tags) ? Object.fromEntries(tags) : tags));

export const sentryEventSchema = z.looseObject({
  event_id: lenient(z.string()),
  level: lenient(z.string()),
  platform: lenient(z.string()),
  release: lenient(z.string()),
  environment: lenient(z.string()),
  server_name: lenient(z.string()),
  timestamp: lenient(z.union([z.number(), z.string()])),
  message: lenient(messageSchema),
  logentry: lenient(
    z.looseObject({ formatted: lenient(z.string()), message: lenient(z.string()) }),
  ),
  // The legacy shape is a bare list of exceptions.
  exception: lenient(
    z.union([
      z.looseObject({ values: lenient(z.array(exceptionSchema)) }),
      z.array(exceptionSchema).transform((values) => ({ values })),
    ]),
  ),
  stacktrace: lenient(stacktraceSchema),
  tags: lenient(tagsSchema),
  contexts: lenient(stringRecord),
  extra: lenient(stringRecord),
  fingerprint: lenient(z.array(z.string())),
  sdk: lenient(z.looseObject({ name: lenient(z.string()), version: lenient(z.string()) })),
});

export type SentryEvent = z.infer<typeof sentryEventSchema>;
export type SentryException = z.infer<typeof exceptionSchema>;
export type SentryFrame = z.infer<typeof frameSchema>;
