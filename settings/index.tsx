// Recovery Guard's settings page: the runner's profile and guard options, the ceiling they give (computed by
// common/, as on the watch), and the runs synced from the watch. All text comes from common/phone/settings-view.ts.
import { settingsView } from "../common/phone/settings-view";
import { BUZZ_STRENGTH_OPTIONS, MAX_HR_METHOD_OPTIONS } from "../common/phone/settings-input";
import { LIMITS } from "../common/watch/profile";
import { READINESS_MARGIN_KEY, READINESS_MARGIN_LIMITS } from "../common/phone/readiness";

/** A slider's label with its LIMITS range: the range the watch and the phone validate against. */
function rangeLabel(what: string, unit: string, r: { min: number; max: number }): string {
  return what + " (" + unit + ", " + r.min + "-" + r.max + ")";
}

function FieldError(props: { message: string | undefined }) {
  return props.message ? <Text bold>{"Not saved: " + props.message}</Text> : null;
}

function Settings(props: SettingsComponentProps) {
  const view = settingsView(function (key) { return props.settings[key]; }, Date.now(), new Date().getTimezoneOffset());
  const e = view.fieldErrors;
  return (
    <Page>
      <Section title="Should I run today?">
        <Text bold={view.readinessHint}>{view.readiness}</Text>
        <Slider label={rangeLabel("Hint when resting HR is this much over your usual", "bpm", READINESS_MARGIN_LIMITS)} settingsKey={READINESS_MARGIN_KEY} min={String(READINESS_MARGIN_LIMITS.min)} max={String(READINESS_MARGIN_LIMITS.max)} step="1" />
      </Section>
      <Section title="You" description={view.watchNote || ""}>
        <TextInput label="Age (years)" type="number" settingsKey="age" />
        <FieldError message={e.age} />
        <Toggle settingsKey="useWatchRestingHr" label="Use the watch's resting heart rate (updated daily)" />
        <TextInput label="Resting heart rate (bpm)" type="number" settingsKey="restingHr" disabled={view.useWatchResting} />
        <FieldError message={e.restingHr} />
        <Select label="Max heart rate" settingsKey="maxHrMethod" options={MAX_HR_METHOD_OPTIONS} />
        <FieldError message={e.maxHrMethod} />
        {view.measuredChosen ? <TextInput label="Measured max heart rate (bpm)" type="number" settingsKey="measuredMaxHr" /> : null}
        <FieldError message={e.measuredMaxHr} />
      </Section>
      <Section title="Guard">
        <Slider label={rangeLabel("Ceiling", "% of heart-rate reserve", LIMITS.ceilingPercent)} settingsKey="ceilingPercent" min={String(LIMITS.ceilingPercent.min)} max={String(LIMITS.ceilingPercent.max)} step="1" />
        <FieldError message={e.ceilingPercent} />
        <Slider label={rangeLabel("Time cap", "minutes", LIMITS.capMinutes)} settingsKey="capMinutes" min={String(LIMITS.capMinutes.min)} max={String(LIMITS.capMinutes.max)} step="5" />
        <FieldError message={e.capMinutes} />
        <Slider label="Warning before the cap (minutes)" settingsKey="warnBeforeCapMinutes" min={String(LIMITS.warnBeforeCapMinutes.min)} max={String(LIMITS.warnBeforeCapMinutes.max)} step="1" />
        <FieldError message={e.warnBeforeCapMinutes} />
        <Select label="Buzz strength" settingsKey="buzzStrength" options={BUZZ_STRENGTH_OPTIONS} />
        <FieldError message={e.buzzStrength} />
        <Toggle settingsKey="backUnderCue" label="Gentle cue when back under the ceiling" />
        <FieldError message={e.backUnderCue} />
      </Section>
      <Section title="Your ceiling" description={view.status}>
        {view.problems.map((p) => <Text bold>{p}</Text>)}
        {view.ceiling ? <Text>{view.ceiling.maxHr}</Text> : null}
        {view.ceiling ? <Text>{view.ceiling.reserve}</Text> : null}
        {view.ceiling ? <Text bold>{view.ceiling.ceiling}</Text> : null}
        {view.ceiling ? view.ceiling.zones.map((z) => <Text>{z}</Text>) : null}
      </Section>
      <Section title="Recent runs" description={view.week}>
        {view.runs.length === 0 ? <Text>No runs yet: finish a run on the watch and it appears here.</Text> : null}
        <TextImageRow label="Your weeks" sublabel={view.weekChart.text} icon={view.weekChart.uri} />
        {view.runs.map((r) => <TextImageRow label={r.title + " - " + r.verdict} sublabel={r.chartText ? r.stats + " - " + r.chartText : r.stats} icon={r.chart || undefined} />)}
      </Section>
    </Page>
  );
}

registerSettingsPage(Settings);
