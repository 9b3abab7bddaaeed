// CSV and XLSX of what is on screen (reporting's GET /exports). The call carries the token, so the file
// is fetched here and handed to the browser; a server without exports yet gets a plain message.
import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { DashboardApi, Selection } from '../api/dashboard-api';
import { OrgUnitView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { describeError } from './ErrorNote';

export function ExportButtons(props: { api: DashboardApi; unit: OrgUnitView; selection: Selection }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | undefined>();
  const run = async (format: 'csv' | 'xlsx') => {
    setMessage(undefined);
    try {
      const { blob, fileName } = await props.api.download(props.unit, props.selection, format);
      const name = fileName ?? `ishc-${props.unit.code}-${props.selection.asOf}.${format}`;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ text: `${t.exportDone}: ${name}`, kind: 'ok' });
    } catch (error) {
      const text = error instanceof ApiError && error.status === 404 ? t.exportUnavailable : `${t.exportFailed}. ${describeError(error, t)}`;
      setMessage({ text, kind: 'error' });
    }
  };
  return (
    <div className="exports" role="group" aria-label={t.exports}>
      <button type="button" onClick={() => run('csv')} data-testid="export-csv">
        {t.exportCsv}
      </button>
      <button type="button" onClick={() => run('xlsx')} data-testid="export-xlsx">
        {t.exportXlsx}
      </button>
      {message && (
        <span className={message.kind === 'ok' ? 'note' : 'note note-error'} role="status" data-testid="export-message">
          {message.text}
        </span>
      )}
    </div>
  );
}
