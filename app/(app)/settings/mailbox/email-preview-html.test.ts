import { describe, expect, it } from "vitest";
import { toPreviewHtml } from "@/app/(app)/settings/mailbox/email-preview-html";

describe("toPreviewHtml", () => {
  it("makes links open in a new tab", () => {
    expect(toPreviewHtml('<html><head lang="x"><title>t</title></head><body></body></html>')).toBe(
      '<html><head lang="x"><base target="_blank"><title>t</title></head><body></body></html>',
    );
  });

  it("prepends the base to a fragment without a head", () => {
    expect(toPreviewHtml("<p>hi</p>")).toBe('<base target="_blank"><p>hi</p>');
  });
});
