// A horizontal bar chart in plain SVG: one bar per line of a breakdown, labelled with its value.
import { useI18n } from '../i18n/i18n';

export interface Bar {
  key: string;
  label: string;
  value: number | null;
}

const ROW = 26;
const LABEL = 170;
const WIDTH = 640;
const VALUE_SPACE = 110;

export function BarChart(props: { bars: Bar[]; indicator: string; title: string }) {
  const { f, indicatorUnit } = useI18n();
  const unit = indicatorUnit(props.indicator);
  const max = Math.max(unit === 'percent' ? 100 : 0, ...props.bars.map((b) => b.value ?? 0), 1);
  const plot = WIDTH - LABEL - VALUE_SPACE;
  const height = props.bars.length * ROW + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title} data-testid="bar-chart">
      <title>{props.title}</title>
      {props.bars.map((bar, index) => {
        const y = 4 + index * ROW;
        const width = bar.value === null ? 0 : Math.max(1, (bar.value / max) * plot);
        return (
          <g key={bar.key} data-bar={bar.key}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="bar-label">
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            <rect x={LABEL} y={y + 4} width={width} height={ROW - 8} className="bar" rx="2" />
            <text x={LABEL + width + 6} y={y + ROW / 2 + 4} className="bar-value">
              {f.indicator(bar.value, unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
