// What to do when reminders cannot be turned on yet: add to the Home Screen
// (iPhone), allow notifications (blocked), or another browser.
import { useT } from '../../initial/i18n/use-translation';
import type { PushSupport } from '../../services/push-client';

export function SupportHelp({ support }: { support: Exclude<PushSupport, 'ok'> }) {
  const t = useT();
  const key = support === 'ios-needs-home-screen' ? 'ios' : support;
  const steps = t(`reminders:status.${key}.steps`, { returnObjects: true }) as unknown;
  return (
    <div class="reminders-help" id="reminders-help" tabIndex={-1}>
      <h3 class="reminders-help__title">{t(`reminders:status.${key}.title`)}</h3>
      <p>{t(`reminders:status.${key}.intro`)}</p>
      {Array.isArray(steps) && (
        <ol class="reminders-help__steps">
          {steps.map((step) => (
            <li key={String(step)}>{String(step)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
