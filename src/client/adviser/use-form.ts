// What every adviser form keeps: field errors (with a counter that moves focus
// to the summary on each failed submit), a busy flag and one problem message.
import { useState } from 'preact/hooks';
import type { SummaryItem as FormError } from '../ui/error-summary';

export function useForm() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  /** Shows the field errors found (or clears them); true when there are none. */
  function check(found: FormError[]): boolean {
    setErrors(found);
    setProblem(null);
    if (found.length === 0) return true;
    setAttempt((n) => n + 1);
    return false;
  }

  /** Runs a request with the form busy; a failure becomes the problem message. */
  async function run(task: () => Promise<void>, problemFor: (error: unknown) => string): Promise<void> {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      setProblem(problemFor(error));
    } finally {
      setBusy(false);
    }
  }

  return { errors, attempt, busy, problem, setProblem, check, run };
}
