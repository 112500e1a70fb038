// Issue 10, behaviour 10: before the watch has shared its profile, the phone checks the settings against the
// built-in fallback while the watch checks them against its own, so the page must not say the watch uses them.
import { describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import { settingsView } from "../../common/phone/settings-view";
import { WATCH_PROFILE_KEY } from "../../common/phone/settings-input";
import { watchProfileMessage } from "../../common/watch/protocol";

const NOW = Date.UTC(2025, 2, 3, 7);

describe("the settings page's status says only what the watch accepted", () => {
  it("before the watch's profile: valid settings are not claimed to be in use", () => {
    const view = settingsView(() => null, NOW, 0, gettext);
    expect(view.ceiling).not.toBeNull();
    expect(view.status).not.toBe("The watch uses these settings.");
    expect(view.status).toMatch(/not shared yet/);
  });

  it("once the watch has shared its profile (the same check as the watch's): the watch uses them", () => {
    const stored: Record<string, string> = { [WATCH_PROFILE_KEY]: JSON.stringify(watchProfileMessage({ age: 40, restingHr: 58, maxHr: null })) };
    const view = settingsView((k) => stored[k] ?? null, NOW, 0, gettext);
    expect(view.status).toBe("The watch uses these settings.");
  });
});
