// Every indicator with its value, target and verdict. The verdict is written out and marked with a
// symbol as well as a colour, so it reads without colour vision too.
import { IndicatorValue, TargetOp } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Verdict, verdictOf } from '../logic/targets';

const OP_SYMBOL: Record<TargetOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export function VerdictBadge(props: { verdict: Verdict }) {
  const { t } = useI18n();
  const text: Record<Verdict, string> = { met: t.met, not_met: t.notMet, no_data: t.noData, no_target: t.noTarget };
  const symbol: Record<Verdict, string> = { met: '✓', not_met: '✗', no_data: '?', no_target: '–' };
  return (
    <span className={`verdict verdict-${props.verdict}`} data-verdict={props.verdict}>
      <span aria-hidden="true">{symbol[props.verdict]}</span> {text[props.verdict]}
    </span>
  );
}

export function Scorecard(props: { indicators: IndicatorValue[]; caption: string }) {
  const { t, f, indicatorName, indicatorUnit } = useI18n();
  const target = (i: IndicatorValue) => (i.target ? `${OP_SYMBOL[i.target.op]} ${f.indicator(i.target.value, indicatorUnit(i.code))}` : '—');
  const ratio = (i: IndicatorValue) => (i.denominator === null ? f.number(i.numerator) : `${f.number(i.numerator)} / ${f.number(i.denominator)}`);
  return (
    <div className="table-scroll">
      <table className="scorecard" data-testid="scorecard">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            <th scope="col" className="num">{t.value}</th>
            <th scope="col" className="num">{t.ratio}</th>
            <th scope="col" className="num">{t.target}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {props.indicators.map((i) => (
            <tr key={i.code} data-indicator={i.code}>
              <th scope="row">
                {indicatorName(i.code)}
                <span className="code">{i.code}</span>
              </th>
              <td className="num" data-field="value" data-label={t.value}>{f.indicator(i.value, indicatorUnit(i.code))}</td>
              <td className="num" data-field="ratio" data-label={t.ratio}>{ratio(i)}</td>
              <td className="num" data-field="target" data-label={t.target}>{target(i)}</td>
              <td data-field="status" data-label={t.status}>
                <VerdictBadge verdict={verdictOf(i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
