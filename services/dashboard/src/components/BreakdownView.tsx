// The units (or clubs) below the current one: a table of every indicator, a bar chart of the one chosen,
// and a link on each name to drill down.
import { useState } from 'react';
import { Breakdown, BreakdownLine } from '../api/dashboard-api';
import { useI18n } from '../i18n/i18n';
import { BarChart } from './BarChart';
import { describeError } from './ErrorNote';

export function BreakdownView(props: { breakdown: Breakdown; onOpen(line: BreakdownLine): void }) {
  const { t, f, indicatorName, indicatorUnit } = useI18n();
  const { lines } = props.breakdown;
  const codes = [...new Set(lines.flatMap((l) => (l.indicators ?? []).map((i) => i.code)))];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const chartCode = chosen && codes.includes(chosen) ? chosen : (codes.find((c) => c === 'members_active') ?? codes[0]);
  const title = props.breakdown.by === 'club' ? t.breakdownClubs : t.breakdown;

  if (lines.length === 0) {
    return (
      <section className="panel" aria-label={title}>
        <h2>{title}</h2>
        <p className="note">{t.noChildren}</p>
      </section>
    );
  }
  const valueOf = (line: BreakdownLine, code: string) => line.indicators?.find((i) => i.code === code)?.value ?? null;
  return (
    <section className="panel" aria-label={title} data-testid="breakdown">
      <h2>{title}</h2>
      {props.breakdown.clubFiguresUnavailable && <p className="note">{t.clubFiguresUnavailable}</p>}
      <div className="table-scroll">
        <table className="breakdown">
          <thead>
            <tr>
              <th scope="col" className="sticky">{t.name}</th>
              {props.breakdown.by === 'club' && <th scope="col">{t.established}</th>}
              {codes.map((code) => (
                <th scope="col" className="num" key={code} title={code}>
                  {indicatorName(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key} data-line={line.key}>
                <th scope="row" className="sticky">
                  <button type="button" className="link" onClick={() => props.onOpen(line)}>
                    {line.name}
                  </button>
                  {line.error && <span className="row-error">{describeError(line.error, t)}</span>}
                </th>
                {props.breakdown.by === 'club' && <td>{line.club ? f.date(line.club.establishedOn) : ''}</td>}
                {codes.map((code) => (
                  <td className="num" key={code}>
                    {f.indicator(valueOf(line, code), indicatorUnit(code))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chartCode && (
        <div className="chart-block">
          <label>
            {t.chartOf}{' '}
            <select value={chartCode} onChange={(e) => setChosen(e.target.value)} data-testid="chart-indicator">
              {codes.map((code) => (
                <option key={code} value={code}>
                  {indicatorName(code)}
                </option>
              ))}
            </select>
          </label>
          <BarChart
            indicator={chartCode}
            title={`${indicatorName(chartCode)} — ${title}`}
            bars={lines.map((l) => ({ key: l.key, label: l.name, value: valueOf(l, chartCode) }))}
          />
        </div>
      )}
    </section>
  );
}
