// A small line chart in plain SVG for a monthly series; missing months (unit not valid then) are gaps.
import { IsoDate } from '../api/types';
import { useI18n } from '../i18n/i18n';

export interface Point {
  date: IsoDate;
  value: number | null;
}

const WIDTH = 300;
const HEIGHT = 120;
const PAD = { left: 8, right: 8, top: 18, bottom: 22 };

export function LineChart(props: { points: Point[]; indicator: string; title: string }) {
  const { f, indicatorUnit } = useI18n();
  const unit = indicatorUnit(props.indicator);
  const values = props.points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = Math.max(...values, unit === 'percent' ? 100 : 1);
  const x = (i: number) => PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / Math.max(1, props.points.length - 1);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const segments: string[] = [];
  let current = '';
  props.points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const last = [...props.points].reverse().find((p) => p.value !== null);
  const first = props.points[0];
  const end = props.points[props.points.length - 1];
  return (
    <figure className="line-chart" data-series={props.indicator}>
      <figcaption>
        {props.title}: <strong>{last ? f.indicator(last.value, unit) : '—'}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="axis" />
        {segments.map((d) => (
          <path key={d} d={d} className="line" />
        ))}
        {props.points.map((p, i) =>
          p.value === null ? null : (
            <circle key={p.date} cx={x(i)} cy={y(p.value)} r="2.5" className="dot">
              <title>{`${f.date(p.date)}: ${f.indicator(p.value, unit)}`}</title>
            </circle>
          ),
        )}
        {first && end && (
          <>
            <text x={PAD.left} y={HEIGHT - 6} className="tick">{f.month(first.date)}</text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="tick">{f.month(end.date)}</text>
          </>
        )}
      </svg>
    </figure>
  );
}
