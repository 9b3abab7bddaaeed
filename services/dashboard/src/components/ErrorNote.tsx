// One way to say that something could not be shown, with the server's own detail when it gave one.
import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

export function describeError(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (!(error instanceof ApiError)) return `${t.error}: ${error instanceof Error ? error.message : String(error)}`;
  if (error.status === 0) return t.unreachable;
  if (error.status === 401) return t.sessionExpired;
  if (error.status === 403) return t.outOfScope;
  const detail = error.problem?.detail ?? error.problem?.title;
  if (error.status === 404) return detail ? `${t.notFound}: ${detail}` : t.notFound;
  return `${t.error} ${error.status}${detail ? `: ${detail}` : ''}`;
}

export function ErrorNote(props: { error: unknown }) {
  const { t } = useI18n();
  return (
    <p className="note note-error" role="alert">
      {describeError(props.error, t)}
    </p>
  );
}
