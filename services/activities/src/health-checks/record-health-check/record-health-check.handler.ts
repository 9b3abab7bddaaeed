import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HEALTH_CHECK_STREAM, healthCheckStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { activityLogTable } from '../../activity-log/activity-log.table';
import { loadClubContext } from '../../clubs/club-context';
import { decideRecordHealthCheck, evolveHealthCheck, initialHealthCheckState } from '../domain/health-check';
import { HEALTH_MEASUREMENTS, HealthMeasurements } from '../domain/health-measurements';
import { RecordHealthCheckCommand } from './record-health-check.command';

@CommandHandler(RecordHealthCheckCommand)
export class RecordHealthCheckHandler implements ICommandHandler<RecordHealthCheckCommand, { id: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: RecordHealthCheckCommand): Promise<{ id: string }> {
    const healthCheckId = randomUUID();
    const { clubId, memberId, checkedOn } = body;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadClubContext(client, clubId, [memberId]);
        const { events } = await decideAndAppend(this.store, {
          streamId: healthCheckStreamId(healthCheckId),
          streamType: HEALTH_CHECK_STREAM,
          decider: { decide: decideRecordHealthCheck, evolve: evolveHealthCheck, initialState: initialHealthCheckState },
          command: { healthCheckId, clubId, memberId, checkedOn, today: this.clock.today(), context },
          client,
          metadata: commandMetadata(actor),
        });
        // The measurements go to the activity log only: the event (and so Kafka) never carries them.
        const measurements: HealthMeasurements = Object.fromEntries(HEALTH_MEASUREMENTS.filter((m) => body[m] !== undefined).map((m) => [m, body[m]]));
        await activityLogTable.add(client, { recordId: healthCheckId, clubId, kind: 'health_check', on: checkedOn, record: events[0].data, details: measurements, subjectId: memberId });
        return { id: healthCheckId };
      }),
    );
  }
}
