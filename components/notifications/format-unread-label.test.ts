import { describe, expect, it } from "vitest";
import {
  formatUnreadBadge,
  formatUnreadLabel,
} from "@/components/notifications/format-unread-label";

describe("formatUnreadLabel", () => {
  it("names the count with the right plural", () => {
    expect(formatUnreadLabel(0)).toBe("Notifications, none unread");
    expect(formatUnreadLabel(1)).toBe("1 unread notification");
    expect(formatUnreadLabel(3)).toBe("3 unread notifications");
    expect(formatUnreadLabel(1200)).toBe("1,200 unread notifications");
  });
});

describe("formatUnreadBadge", () => {
  it("caps the badge at 99+", () => {
    expect(formatUnreadBadge(7)).toBe("7");
    expect(formatUnreadBadge(99)).toBe("99");
    expect(formatUnreadBadge(100)).toBe("99+");
  });
});
