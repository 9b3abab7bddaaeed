// The key indicators month by month (12 reads of GET /indicators at month ends), as small line charts.
import { IsoDate } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { LineChart } from './LineChart';

export const KEY_INDICATORS = ['clubs_active', 'members_active', 'communes_with_club_pct', 'clubs_with_both_funds_pct', 'income_fund_capital_vnd'];

export interface Series {
  dates: IsoDate[];
  /** Per indicator code, one value per date (null where the unit had no figures). */
  values: Record<string, Array<number | null>>;
}

export function TimeSeries(props: { series: Series }) {
  const { t, indicatorName } = useI18n();
  const codes = KEY_INDICATORS.filter((c) => props.series.values[c]);
  return (
    <section className="panel" aria-label={t.series} data-testid="series">
      <h2>{t.series}</h2>
      <div className="series-grid">
        {codes.map((code) => (
          <LineChart
            key={code}
            indicator={code}
            title={indicatorName(code)}
            points={props.series.dates.map((date, i) => ({ date, value: props.series.values[code][i] }))}
          />
        ))}
      </div>
    </section>
  );
}
