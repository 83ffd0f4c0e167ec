// The reminder choices, each on or off, with the journal days and time,
// the saved deadlines that will be sent (date and kind only) and quiet hours.
import { useT, currentLanguage } from '../../initial/i18n/use-translation';
import { formatDate } from '../../initial/i18n/format';
import { WEEKDAYS, type ReminderSettings, type Weekday } from '../../services/push-client';
import type { Preferences } from '../../../shared/protocol/push-types';
import type { SavedNotice } from '../../data/notices-db';

interface Props {
  settings: ReminderSettings;
  onChange(settings: ReminderSettings): void;
  /** Upcoming deadlines of saved notices, as they would be sent. */
  deadlines: Preferences['deadlines'];
  notices: SavedNotice[];
  connected: boolean;
  invalid: ReadonlySet<string>;
}

function Checkbox(props: { id: string; label: string; checked: boolean; onChange(checked: boolean): void; describedBy?: string }) {
  return (
    <div class="checkbox">
      <input
        class="checkbox__input"
        type="checkbox"
        id={props.id}
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label class="checkbox__label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

function TimeField(props: { id: string; label: string; value: string; invalid: boolean; onChange(value: string): void }) {
  return (
    <div class="reminders-time">
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <input
        class="input reminders-time__input"
        type="time"
        id={props.id}
        value={props.value}
        aria-invalid={props.invalid || undefined}
        onInput={(event) => props.onChange((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

export function ReminderChoices({ settings, onChange, deadlines, notices, connected, invalid }: Props) {
  const t = useT();
  const lang = currentLanguage();
  const weekdays = t('reminders:weekdays', { returnObjects: true }) as unknown;
  const dayName = (day: Weekday) => (Array.isArray(weekdays) ? String(weekdays[day] ?? day) : String(day));
  const kindOf = (ref: string) => notices.find((n) => n.id === ref)?.kind;

  function toggleDay(day: Weekday, on: boolean) {
    const days = on ? [...new Set([...settings.journal.days, day])].sort() : settings.journal.days.filter((d) => d !== day);
    onChange({ ...settings, journal: { ...settings.journal, days } });
  }

  return (
    <section aria-labelledby="choices-heading">
      <h2 id="choices-heading">{t('reminders:choices.heading')}</h2>

      <div class="reminder-choice">
        <Checkbox
          id="reminder-replies"
          label={t('reminders:choices.replies')}
          checked={settings.replies}
          describedBy="reminder-replies-hint"
          onChange={(replies) => onChange({ ...settings, replies })}
        />
        <p class="field__hint" id="reminder-replies-hint">
          {t('reminders:choices.repliesHint')}
        </p>
        {!connected && settings.replies && (
          <p class="field__hint">
            <a href="/connect">{t('nav.adviser')}</a>
          </p>
        )}
      </div>

      <div class="reminder-choice" id="journal">
        <Checkbox
          id="reminder-journal"
          label={t('reminders:choices.journal')}
          checked={settings.journal.on}
          describedBy="reminder-journal-hint"
          onChange={(on) => onChange({ ...settings, journal: { ...settings.journal, on } })}
        />
        <p class="field__hint" id="reminder-journal-hint">
          {t('reminders:choices.journalHint')}
        </p>
        {settings.journal.on && (
          <div class="reminder-choice__more">
            <fieldset class="checkboxes" id="journal-days" aria-invalid={invalid.has('noDays') || undefined}>
              <legend class="field__label">{t('reminders:choices.days')}</legend>
              <div class="reminders-days">
                {WEEKDAYS.map((day) => (
                  <Checkbox
                    key={day}
                    id={`journal-day-${day}`}
                    label={dayName(day)}
                    checked={settings.journal.days.includes(day)}
                    onChange={(on) => toggleDay(day, on)}
                  />
                ))}
              </div>
            </fieldset>
            <TimeField
              id="journal-time"
              label={t('reminders:choices.time')}
              value={settings.journal.time}
              invalid={invalid.has('journalTime')}
              onChange={(time) => onChange({ ...settings, journal: { ...settings.journal, time } })}
            />
          </div>
        )}
      </div>

      <div class="reminder-choice">
        <Checkbox
          id="reminder-deadlines"
          label={t('reminders:choices.deadlines')}
          checked={settings.deadlines}
          describedBy="reminder-deadlines-hint"
          onChange={(on) => onChange({ ...settings, deadlines: on })}
        />
        <p class="field__hint" id="reminder-deadlines-hint">
          {t('reminders:choices.deadlinesHint')} {t('reminders:choices.deadlinesPrivacy')}
        </p>
        {settings.deadlines &&
          (deadlines.length === 0 ? (
            <p>{t('reminders:choices.deadlinesNone')}</p>
          ) : (
            <ul class="reminders-deadlines">
              {deadlines.map((d) => {
                const kind = kindOf(d.ref);
                return (
                  <li key={`${d.ref}-${d.id}-${d.date}`}>
                    {kind && <span class="reminders-deadlines__kind">{t(`notices:kinds.${kind}.title`)} </span>}
                    {t('reminders:choices.deadlineItem', { name: t(`reminders:push.deadlineNames.${d.id}`), date: formatDate(d.date, lang) })}
                  </li>
                );
              })}
            </ul>
          ))}
      </div>

      <fieldset class="checkboxes reminder-choice" id="quiet-hours" aria-describedby="quiet-hint">
        <legend class="field__label">{t('reminders:choices.quiet')}</legend>
        <p class="field__hint" id="quiet-hint">
          {t('reminders:choices.quietHint')}
        </p>
        <div class="reminders-quiet">
          <TimeField
            id="quiet-from"
            label={t('reminders:choices.quietFrom')}
            value={settings.quiet.from}
            invalid={invalid.has('quietTime')}
            onChange={(from) => onChange({ ...settings, quiet: { ...settings.quiet, from } })}
          />
          <TimeField
            id="quiet-to"
            label={t('reminders:choices.quietTo')}
            value={settings.quiet.to}
            invalid={invalid.has('quietTime')}
            onChange={(to) => onChange({ ...settings, quiet: { ...settings.quiet, to } })}
          />
        </div>
      </fieldset>
    </section>
  );
}
