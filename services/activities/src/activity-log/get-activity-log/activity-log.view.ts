import { StoredActivityLogEntry } from '../activity-log.table';

/** The club's records of one calendar month, by kind, each in date order. */
export interface ActivityLogView {
  clubId: string;
  month: string;
  meetings: object[];
  sessions: object[];
  healthChecks: object[];
  homeCareVisits: object[];
  selfHelpCases: object[];
}

/** Each entry as the API shows it: `id` for the record's own id, the club left out (it is the log's), details merged in. */
export function activityLogView(clubId: string, month: string, entries: readonly StoredActivityLogEntry[]): ActivityLogView {
  const view = (e: StoredActivityLogEntry, idField: string) => {
    const { [idField]: id, clubId: _club, ...rest } = e.record;
    return { id, ...rest, ...(e.details ?? {}) };
  };
  const of = (kind: StoredActivityLogEntry['kind'], idField: string) => entries.filter((e) => e.kind === kind).map((e) => view(e, idField));
  return {
    clubId,
    month,
    meetings: of('meeting', 'meetingId'),
    sessions: of('session', 'sessionId'),
    healthChecks: of('health_check', 'healthCheckId'),
    homeCareVisits: of('home_care_visit', 'visitId'),
    selfHelpCases: of('self_help_case', 'caseId'),
  };
}
