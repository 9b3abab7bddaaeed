import { Module } from '@nestjs/common';
import { Clock, EventSourcingModule } from '@ishc/platform';

/**
 * The microfinance service's skeleton: its event store, transport, health, metrics and OpenAPI document are
 * wired; its use cases arrive with their issue (see docs/architecture.md).
 */
@Module({
  imports: [EventSourcingModule.forService()],
  providers: [Clock],
})
export class MicrofinanceModule {}
