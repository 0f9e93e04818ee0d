import { describe, expect, it } from "vitest";
import DailyDigestEmail from "@/emails/daily-digest";
import { emailTemplatePreviews } from "@/emails/email-templates";
import NewErrorGroupEmail from "@/emails/new-error-group";
import { renderEmail } from "@/lib/email/render-email";

describe("email templates", () => {
  it.each(emailTemplatePreviews)(
    "$name renders HTML and plain text",
    async ({ element, subject }) => {
      const { html, text } = await renderEmail(element);

      expect(html).toMatch(/^<!DOCTYPE html/i);
      expect(html).toContain('lang="en"');
      expect(html).toContain("http://localhost:3000/settings/notifications");
      expect(text).not.toMatch(/<[a-z]/i);
      expect(text).toContain("Faultline");
      expect(`${html}${subject}`).not.toMatch(/="undefined"|>undefined<|NaN|\[object Object\]/);
      expect(subject.length).toBeGreaterThan(0);
      expect(subject.length).toBeLessThanOrEqual(120);
    },
  );

  it("puts the error, its details and the link in both parts", async () => {
    const props = NewErrorGroupEmail.PreviewProps;
    const { html, text } = await renderEmail(<NewErrorGroupEmail {...props} />);

    for (const part of [html, text]) {
      // The plain-text conversion upper-cases headings.
      expect(part.toLowerCase()).toContain(props.traderName.toLowerCase());
      expect(part).toContain(props.groupUrl);
      expect(part).toContain("9 Mar 2026, 12:04 UTC");
    }
    expect(text).toContain("Cannot read properties of undefined (reading 'close')");
    // React escapes text content: a hostile title cannot inject markup.
    const hostile = await renderEmail(
      <NewErrorGroupEmail {...props} groupTitle={'<img src=x onerror="alert(1)">'} />,
    );
    expect(hostile.html).not.toContain("<img src=x");
    expect(hostile.html).toContain("&lt;img src=x");
  });

  it("lists every digest item and counts the ones left out", async () => {
    const props = { ...DailyDigestEmail.PreviewProps, moreCount: 3 };
    const { html, text } = await renderEmail(<DailyDigestEmail {...props} />);

    for (const item of props.items) {
      expect(html).toContain(item.url);
      expect(text).toContain(item.url);
    }
    expect(text).toContain("5 notifications");
    expect(text).toContain("3 notifications more");
  });
});
