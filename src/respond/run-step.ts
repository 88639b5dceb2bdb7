// One durable step: intent recorded → effect → outcome recorded. A step found done is not run
// again; a step found started (its process died) runs its effect again, which each effect
// makes safe by checking for what an earlier attempt may already have done.
import { LeakstopError } from '../errors.js';
import type { ResponseLog, ResponseStep, ResponseStepName } from '../types.js';

export type Outcome = Record<string, unknown>;

export type StepResult = { ok: true; outcome: Outcome } | { ok: false; error: LeakstopError };

/**
 * `LEAKSTOP_TEST_STEP_DELAY_MS` pauses this long after each intent and each effect, so the
 * kill test can land a SIGKILL between any two of them. Unset in production.
 */
function testPause(): Promise<void> {
  const ms = Number(process.env.LEAKSTOP_TEST_STEP_DELAY_MS ?? 0);
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, Math.random() * ms)) : Promise.resolve();
}

export async function runStep(
  log: ResponseLog,
  incidentId: number,
  name: ResponseStepName,
  intent: Outcome,
  effect: (step: ResponseStep) => Promise<Outcome>,
): Promise<StepResult> {
  const step = await log.beginStep(incidentId, name, intent);
  if (step.state === 'done') return { ok: true, outcome: step.outcome ?? {} };
  await testPause();
  let outcome: Outcome;
  try {
    outcome = await effect(step);
  } catch (error) {
    // Expected failures (GitHub down, issues disabled) are recorded and resumable; anything else is a bug.
    if (!(error instanceof LeakstopError)) throw error;
    await log.failStep(incidentId, name, error.message);
    return { ok: false, error };
  }
  await testPause();
  await log.finishStep(incidentId, name, outcome);
  return { ok: true, outcome };
}
