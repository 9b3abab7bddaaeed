import { Migration } from '../migration';
import { eventTables } from './001-event-tables';
import { appendFunction } from './002-append-function';
import { processorTables } from './003-processor-tables';
import { appendNewStreamsFunction } from './004-append-new-streams-function';

/** In order of `version`; migrateEventStore refuses a list with gaps or duplicates. */
export const eventStoreMigrations: readonly Migration[] = [eventTables, appendFunction, processorTables, appendNewStreamsFunction];
