// Recovery Guard's settings page: the runner's profile and guard options, the ceiling they give (computed by
// common/, as on the watch), and the runs synced from the watch. All text is in the phone's language: the page's own
// labels and common/phone/settings-view.ts's words come from settings/i18n/*.po through Fitbit's gettext.
import { gettext } from "i18n";
import { settingsView } from "../common/phone/settings-view";
import { say } from "../common/phone/i18n";
import { BUZZ_STRENGTH_OPTIONS, MAX_HR_METHOD_OPTIONS } from "../common/phone/settings-input";
import { LIMITS } from "../common/watch/profile";
import { READINESS_MARGIN_KEY, READINESS_MARGIN_LIMITS } from "../common/phone/readiness";

/** A slider's label with its LIMITS range: the range the watch and the phone validate against. */
function rangeLabel(id: string, r: { min: number; max: number }): string {
  return say(gettext, id, { min: r.min, max: r.max });
}

/** A Select's options with their names in the phone's language (the stored value stays the same). */
function named(options: { name: string; value: string }[], prefix: string): { name: string; value: string }[] {
  return options.map((o) => ({ name: gettext(prefix + o.value), value: o.value }));
}

function FieldError(props: { message: string | undefined }) {
  return props.message ? <Text bold>{say(gettext, "field_not_saved", { message: props.message })}</Text> : null;
}

function Settings(props: SettingsComponentProps) {
  const view = settingsView(function (key) { return props.settings[key]; }, Date.now(), new Date().getTimezoneOffset(), gettext);
  const e = view.fieldErrors;
  return (
    <Page>
      <Section title={gettext("section_today")}>
        <Text bold={view.readinessHint}>{view.readiness}</Text>
        <Slider label={rangeLabel("label_margin", READINESS_MARGIN_LIMITS)} settingsKey={READINESS_MARGIN_KEY} min={String(READINESS_MARGIN_LIMITS.min)} max={String(READINESS_MARGIN_LIMITS.max)} step="1" />
      </Section>
      <Section title={gettext("section_you")} description={view.watchNote || ""}>
        <TextInput label={gettext("label_age")} type="number" settingsKey="age" />
        <FieldError message={e.age} />
        <Toggle settingsKey="useWatchRestingHr" label={gettext("label_use_watch_resting")} />
        <TextInput label={gettext("label_resting")} type="number" settingsKey="restingHr" disabled={view.useWatchResting} />
        <FieldError message={e.restingHr} />
        <Select label={gettext("label_max_method")} settingsKey="maxHrMethod" options={named(MAX_HR_METHOD_OPTIONS, "option_method_")} />
        <FieldError message={e.maxHrMethod} />
        {view.measuredChosen ? <TextInput label={gettext("label_measured")} type="number" settingsKey="measuredMaxHr" /> : null}
        <FieldError message={e.measuredMaxHr} />
      </Section>
      <Section title={gettext("section_guard")}>
        <Slider label={rangeLabel("label_ceiling", LIMITS.ceilingPercent)} settingsKey="ceilingPercent" min={String(LIMITS.ceilingPercent.min)} max={String(LIMITS.ceilingPercent.max)} step="1" />
        <FieldError message={e.ceilingPercent} />
        <Slider label={rangeLabel("label_cap", LIMITS.capMinutes)} settingsKey="capMinutes" min={String(LIMITS.capMinutes.min)} max={String(LIMITS.capMinutes.max)} step="5" />
        <FieldError message={e.capMinutes} />
        <Slider label={gettext("label_warn")} settingsKey="warnBeforeCapMinutes" min={String(LIMITS.warnBeforeCapMinutes.min)} max={String(LIMITS.warnBeforeCapMinutes.max)} step="1" />
        <FieldError message={e.warnBeforeCapMinutes} />
        <Select label={gettext("label_strength")} settingsKey="buzzStrength" options={named(BUZZ_STRENGTH_OPTIONS, "option_strength_")} />
        <FieldError message={e.buzzStrength} />
        <Toggle settingsKey="backUnderCue" label={gettext("label_back_under")} />
        <FieldError message={e.backUnderCue} />
        <Toggle settingsKey="wrapUpHint" label={gettext("label_wrap_up")} />
        <FieldError message={e.wrapUpHint} />
      </Section>
      <Section title={gettext("section_ceiling")} description={view.status}>
        {view.problems.map((p) => <Text bold>{p}</Text>)}
        {view.ceiling ? <Text>{view.ceiling.maxHr}</Text> : null}
        {view.ceiling ? <Text>{view.ceiling.reserve}</Text> : null}
        {view.ceiling ? <Text bold>{view.ceiling.ceiling}</Text> : null}
        {view.ceiling ? view.ceiling.zones.map((z) => <Text>{z}</Text>) : null}
      </Section>
      <Section title={gettext("section_runs")} description={view.week}>
        {view.runs.length === 0 ? <Text>{gettext("runs_none")}</Text> : null}
        <TextImageRow label={gettext("runs_weeks")} sublabel={view.weekChart.text} icon={view.weekChart.uri} />
        {view.runs.map((r) => <TextImageRow label={r.title + " - " + r.verdict} sublabel={r.chartText ? r.stats + " - " + r.chartText : r.stats} icon={r.chart} />)}
      </Section>
    </Page>
  );
}

registerSettingsPage(Settings);
