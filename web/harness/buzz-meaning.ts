// What a buzz meant, for the preview's chart and buzz log: the page hears only the haptic pattern (world.signals.buzzed,
// the device JavaScript of build/app.fba runs unmodified), and several guard events share one (common/watch/haptics.ts:
// breach and its reminders nudge, the cap warning and the cap reminders ping, a snooze and a gentle cap confirm).
// The namer tells them apart from what the page also sees: whether the runner was tapping the face at that moment
// (a snooze buzzes inside the tap), the face's state before the buzz (the watch buzzes, then redraws: "over" already
// shown means a reminder), and the run's buzzes so far (the cap passed or not). Pure, so a unit test pins it down.

export type BuzzMeaning = "breach" | "reminder" | "back under" | "snooze" | "cap warning" | "cap" | "cap reminder";

export const MEANINGS: readonly BuzzMeaning[] = ["breach", "reminder", "back under", "snooze", "cap warning", "cap", "cap reminder"];

/** The heart-rate buzzes (drawn on the plot); the others are the run's events (drawn in the lane under it). */
export function isHrBuzz(m: BuzzMeaning): boolean {
  return m === "breach" || m === "reminder" || m === "back under";
}

export interface BuzzSeen {
  pattern: string;
  /** The face's state class before the buzz (the state pill's "p-<state>"), or null when unknown (display off). */
  faceState: string | null;
  /** Whether the buzz came while the page was handing the runner's tap to the face. */
  duringTap: boolean;
}

export class BuzzNamer {
  private capped = false;
  private over = false;

  /** A new run (or a new trace): nothing buzzed yet. */
  reset(): void {
    this.capped = false;
    this.over = false;
  }

  name(b: BuzzSeen): BuzzMeaning {
    switch (b.pattern) {
      case "bump":
        this.over = false;
        return "back under";
      case "ping":
        return this.capped ? "cap reminder" : "cap warning";
      case "confirmation":
        if (b.duringTap) return "snooze";
        this.capped = true;
        return "cap";
      case "confirmation-max":
        this.capped = true;
        return "cap";
      case "alert":
        this.over = true;
        return "reminder";
      default: {
        // nudge, nudge-max: a breach, or a reminder when one is already open.
        const open = b.faceState !== null ? b.faceState === "over" || b.faceState === "snoozed" && this.over : this.over;
        this.over = true;
        return open ? "reminder" : "breach";
      }
    }
  }
}
