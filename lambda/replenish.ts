/**
 * Lambda entry point of the daily replenishment run (EventBridge schedule; see skill/jobs/daily-replenishment.ts
 * for what the run does and why it is safe to repeat).
 */
import type { ScheduledEvent } from 'aws-lambda';
import { loadConfig } from '../skill/config';
import type { RunReport } from '../skill/jobs/daily-replenishment';
import { createDailyReplenishmentJob, type DailyReplenishmentJob } from '../skill/jobs/replenishment-job';

/** Thrown after the run so Lambda's asynchronous retry runs the day again; the report says what is left. */
export class ReplenishmentRunIncompleteError extends Error {
  constructor(readonly report: RunReport) {
    super(
      report.stopped
        ? `replenishment run for ${report.day} stopped: ${report.stopped}`
        : `replenishment run for ${report.day} left ${report.failed.transient} reminders for a retry`,
    );
    this.name = 'ReplenishmentRunIncompleteError';
  }
}

/** The scheduled time of the event (kept by retries), or now for a manual invocation without one. */
export function scheduledTime(event: Partial<ScheduledEvent> | undefined): Date {
  const time = typeof event?.time === 'string' ? new Date(event.time) : undefined;
  return time && !Number.isNaN(time.getTime()) ? time : new Date();
}

let job: DailyReplenishmentJob | undefined;

export async function handler(event?: Partial<ScheduledEvent>): Promise<RunReport> {
  job ??= createDailyReplenishmentJob(loadConfig());
  const report = await job.run(scheduledTime(event));
  if (report.retryable || report.stopped) throw new ReplenishmentRunIncompleteError(report);
  return report;
}
