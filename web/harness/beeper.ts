// A short beep per buzz: the pattern's rhythm in a few tones, so a buzz is heard as well as seen.
const RHYTHMS: Record<string, number[]> = {
  nudge: [660], "nudge-max": [660, 660], alert: [880, 880, 880], bump: [440], ping: [1040],
  confirmation: [520, 780], "confirmation-max": [520, 780, 1040], ring: [700, 900, 700, 900],
};

let audio: AudioContext | null = null;

export function beep(pattern: string): void {
  try {
    audio ??= new AudioContext();
    const tones = RHYTHMS[pattern] ?? [600];
    tones.forEach((freq, i) => {
      const ctx = audio as AudioContext;
      const start = ctx.currentTime + i * 0.14;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.12, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.11);
    });
  } catch {
    // No audio device (a headless browser): the buzz is still shown.
  }
}
