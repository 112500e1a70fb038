// The preview names each buzz by what it meant, from the pattern and what the page saw (web/harness/buzz-meaning.ts).
import { describe, expect, it } from "vitest";
import { BuzzNamer } from "../../web/harness/buzz-meaning";

const seen = (pattern: string, faceState: string | null = "below", duringTap = false) => ({ pattern, faceState, duringTap });

describe("naming the preview's buzzes", () => {
  it("a run: breach, reminders, back under, a snooze tap, the cap warning, the cap, its reminders", () => {
    const n = new BuzzNamer();
    expect(n.name(seen("nudge-max", "above"))).toBe("breach");
    expect(n.name(seen("nudge-max", "over"))).toBe("reminder");
    expect(n.name(seen("alert", "over"))).toBe("reminder");
    expect(n.name(seen("bump", "over"))).toBe("back under");
    expect(n.name(seen("nudge", "above"))).toBe("breach");
    expect(n.name(seen("confirmation", "over", true))).toBe("snooze");
    expect(n.name(seen("ping"))).toBe("cap warning");
    expect(n.name(seen("confirmation-max", "below"))).toBe("cap");
    expect(n.name(seen("ping", "cap"))).toBe("cap reminder");
  });

  it("a gentle cap confirms like a snooze: told apart by the tap", () => {
    const n = new BuzzNamer();
    expect(n.name(seen("confirmation", "below", false))).toBe("cap");
    expect(n.name(seen("ping"))).toBe("cap reminder");
  });

  it("with the display off (face state unknown) the run's own buzzes decide, and a new run starts afresh", () => {
    const n = new BuzzNamer();
    expect(n.name(seen("nudge", null))).toBe("breach");
    expect(n.name(seen("nudge", null))).toBe("reminder");
    expect(n.name(seen("bump", null))).toBe("back under");
    expect(n.name(seen("nudge", null))).toBe("breach");
    expect(n.name(seen("confirmation-max", null))).toBe("cap");
    n.reset();
    expect(n.name(seen("ping", null))).toBe("cap warning");
  });
});
