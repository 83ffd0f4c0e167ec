// The count of unseen reminders on the menu link. Loaded only when reminders are on.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { loadNamespaces } from '../../initial/i18n/core';
import { countUnseen, recentReminders } from '../../services/push-recent';

export function NavBadge({ path }: { path: string }) {
  const t = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (path === '/reminders') {
      setCount(0); // the screen marks them seen
      return;
    }
    let live = true;
    Promise.all([recentReminders(), loadNamespaces('reminders')]).then(
      ([list]) => live && setCount(countUnseen(list)),
      () => undefined,
    );
    return () => void (live = false);
  }, [path]);
  if (count === 0) return null;
  return (
    <span class="nav-badge">
      <span aria-hidden="true">{count}</span>
      <span class="visually-hidden"> ({t('reminders:recent.unseen', { count })})</span>
    </span>
  );
}
