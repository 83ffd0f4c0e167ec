// The reminder choices, each on or off, with the journal days and time,
// the saved deadlines that will be sent (date and kind only) and quiet hours.
import { useRef, useState } from 'preact/hooks';
import { useT, currentLanguage } from '../../initial/i18n/use-translation';
import { FieldError } from '../../ui/field-error';
import { readTime } from './time-text';
import { formatDate } from '../../initial/i18n/format';
import { WEEKDAYS, timeToMinute, type ReminderSettings, type Weekday } from '../../services/push-client';
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

/**
 * A time as text, in the 24-hour clock, never the phone's own time picker
 * (which showed "09:00 PM" on a UK page). What is typed stays as typed; the
 * settings get "HH:MM" once it reads as a time, else the text, which the
 * check on saving reports.
 */
function TimeField(props: { id: string; label: string; value: string; invalid: boolean; describedBy: string; onChange(value: string): void }) {
  const [typed, setText] = useState(props.value);
  const sent = useRef(props.value);
  // Choices loaded from this phone replace the text; what this field sent up
  // (a typed "9" sent as 09:00) does not. Checked while rendering, not in an
  // effect: an effect would run late and undo a quicker key press.
  let text = typed;
  if (props.value !== sent.current) {
    sent.current = props.value;
    text = props.value;
    setText(props.value);
  }
  return (
    <div class="reminders-time">
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <input
        class={`input reminders-time__input${props.invalid ? ' input--error' : ''}`}
        type="text"
        id={props.id}
        name={props.id}
        autocomplete="off"
        spellcheck={false}
        value={text}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onInput={(event) => {
          const typed = (event.currentTarget as HTMLInputElement).value;
          setText(typed);
          sent.current = readTime(typed) ?? typed;
          props.onChange(sent.current);
        }}
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
  const quietError = invalid.has('quietTime');

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
            <a href="/connect">{t('reminders:choices.connectLink')}</a>
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
            <div class={invalid.has('noDays') ? 'field--error' : undefined}>
              <fieldset class="checkboxes" id="journal-days" aria-describedby={invalid.has('noDays') ? 'journal-days-error' : undefined}>
                <legend class="field__label">{t('reminders:choices.days')}</legend>
                {invalid.has('noDays') && <FieldError id="journal-days-error" message={t('reminders:problems.noDays')} />}
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
            </div>
            <div class={invalid.has('journalTime') ? 'field--error' : undefined}>
              <p class="field__hint" id="journal-time-hint">
                {t('reminders:choices.timeHint')}
              </p>
              {invalid.has('journalTime') && <FieldError id="journal-time-error" message={t('reminders:problems.journalTime')} />}
              <TimeField
                id="journal-time"
                label={t('reminders:choices.time')}
                value={settings.journal.time}
                invalid={invalid.has('journalTime')}
                describedBy={invalid.has('journalTime') ? 'journal-time-hint journal-time-error' : 'journal-time-hint'}
                onChange={(time) => onChange({ ...settings, journal: { ...settings.journal, time } })}
              />
            </div>
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

      <div class={`reminder-choice${quietError ? ' field--error' : ''}`}>
        <fieldset class="checkboxes" id="quiet-hours" aria-describedby={quietError ? 'quiet-hint quiet-error' : 'quiet-hint'}>
          <legend class="field__label">{t('reminders:choices.quiet')}</legend>
          <p class="field__hint" id="quiet-hint">
            {t('reminders:choices.quietHint')} {t('reminders:choices.timeHint')}
          </p>
          {quietError && <FieldError id="quiet-error" message={t('reminders:problems.quietTime')} />}
          <div class="reminders-quiet">
            <TimeField
              id="quiet-from"
              label={t('reminders:choices.quietFrom')}
              value={settings.quiet.from}
              invalid={quietError && timeToMinute(settings.quiet.from) === null}
              describedBy={quietError ? 'quiet-hint quiet-error' : 'quiet-hint'}
              onChange={(from) => onChange({ ...settings, quiet: { ...settings.quiet, from } })}
            />
            <TimeField
              id="quiet-to"
              label={t('reminders:choices.quietTo')}
              value={settings.quiet.to}
              invalid={quietError && timeToMinute(settings.quiet.to) === null}
              describedBy={quietError ? 'quiet-hint quiet-error' : 'quiet-hint'}
              onChange={(to) => onChange({ ...settings, quiet: { ...settings.quiet, to } })}
            />
          </div>
        </fieldset>
      </div>
    </section>
  );
}
