import { useId } from 'react';
import type { Verdict } from '../../../main/contract/checks';
import type { VerdictDay } from './api';
import { formatDate, VERDICT_LABEL } from './format';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };
/** Stacked bottom-up: passes, then reviews, then failures on top where the eye lands. */
const STACK: Verdict[] = ['pass', 'review', 'fail'];

/** Up to five whole-number gridlines from zero to at least the tallest day. */
function ticksUpTo(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step).concat(
    max % step === 0 ? [] : [Math.ceil(max / step) * step],
  );
}

const dayLabel = (day: string) => formatDate(`${day}T12:00:00Z`);

/** Reports per day by verdict, drawn as plain SVG; the same numbers are offered as a table. */
export function VerdictChart({ days }: { days: readonly VerdictDay[] }) {
  const id = useId();
  const totals = STACK.map((v) => days.reduce((sum, d) => sum + d[v], 0));
  const ticks = ticksUpTo(Math.max(1, ...days.map((d) => d.pass + d.review + d.fail)));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  const first = days[0];
  const last = days.at(-1);
  const summary =
    first && last
      ? `From ${dayLabel(first.day)} to ${dayLabel(last.day)}: ${STACK.map((v, i) => `${totals[i]} ${VERDICT_LABEL[v].toLowerCase()}`).join(', ')}.`
      : 'No days to show.';

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>Verdicts per day</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text
              className="chart-axis"
              x={PAD.left - 6}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          const x = PAD.left + i * slot + (slot - bar) / 2;
          let base = 0;
          return (
            <g key={day.day}>
              <title>{`${dayLabel(day.day)}: ${day.pass} pass, ${day.review} review, ${day.fail} fail`}</title>
              {STACK.map((verdict) => {
                const count = day[verdict];
                if (count === 0) return null;
                const rect = (
                  <rect
                    key={verdict}
                    className={`bar-${verdict}`}
                    x={x}
                    width={bar}
                    y={y(base + count)}
                    height={y(base) - y(base + count)}
                  />
                );
                base += count;
                return rect;
              })}
              {i % labelEvery === 0 || i === days.length - 1 ? (
                <text className="chart-axis" x={x + bar / 2} y={HEIGHT - 8} textAnchor="middle">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Legend">
          {STACK.map((verdict, i) => (
            <li key={verdict}>
              <span className={`swatch bar-${verdict}`} aria-hidden="true" />
              {VERDICT_LABEL[verdict]} <strong>{totals[i]}</strong>
            </li>
          ))}
        </ul>
        <details>
          <summary>Show the numbers as a table</summary>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Verdicts per day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {STACK.map((v) => (
                    <th key={v} scope="col">
                      {VERDICT_LABEL[v]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {days
                  .filter((d) => d.pass + d.review + d.fail > 0)
                  .map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{dayLabel(d.day)}</th>
                      {STACK.map((v) => (
                        <td key={v}>{d[v]}</td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
