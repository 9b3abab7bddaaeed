import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HEALTH_CHECK_STREAM, healthCheckStreamId } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ClubActivityRecorder } from '../../activity-log/record-club-activity';
import { decideRecordHealthCheck, evolveHealthCheck, initialHealthCheckState } from '../domain/health-check';
import { HEALTH_MEASUREMENTS, HealthMeasurements } from '../domain/health-measurements';
import { RecordHealthCheckCommand } from './record-health-check.command';

@CommandHandler(RecordHealthCheckCommand)
export class RecordHealthCheckHandler implements ICommandHandler<RecordHealthCheckCommand, { id: string }> {
  constructor(private readonly recorder: ClubActivityRecorder) {}

  execute({ body, actor }: RecordHealthCheckCommand): Promise<{ id: string }> {
    const healthCheckId = randomUUID();
    const { clubId, memberId, checkedOn } = body;
    // The measurements go to the activity log only: the event (and so Kafka) never carries them.
    const measurements: HealthMeasurements = Object.fromEntries(HEALTH_MEASUREMENTS.filter((m) => body[m] !== undefined).map((m) => [m, body[m]]));
    return this.recorder.record({
      recordId: healthCheckId,
      clubId,
      memberIds: [memberId],
      streamId: healthCheckStreamId(healthCheckId),
      streamType: HEALTH_CHECK_STREAM,
      newStream: true,
      decide: (state, context, today) => decideRecordHealthCheck({ healthCheckId, clubId, memberId, checkedOn, today, context }, state),
      evolve: evolveHealthCheck,
      initialState: initialHealthCheckState,
      logEntry: { kind: 'health_check', on: checkedOn, details: measurements, subjectId: memberId },
      actor,
    });
  }
}
