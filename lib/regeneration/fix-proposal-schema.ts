import { z } from "zod";

// What the model must answer. Lengths are checked after generation
// (check-candidate-source.ts): strict structured-output modes reject many JSON
// Schema keywords, so the schema sent to the provider stays plain.
export const fixProposalSchema = z.object({
  code: z
    .string()
    .describe("The complete corrected filter module: the whole file, never a diff or a fragment."),
  explanation: z
    .string()
    .describe(
      "For the trader: why the filter failed and how the fix prevents it, in 2–5 sentences.",
    ),
  changes: z.array(z.string()).describe("Each change made to the code, one short sentence each."),
});

export type FixProposal = z.infer<typeof fixProposalSchema>;
