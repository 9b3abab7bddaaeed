// bench/results/<date>.json (everything, for tracking ratios over time) and <date>.md (the table).
import fs from 'node:fs';
import path from 'node:path';
import { Figure, SuiteResult } from './results';

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  /** os.loadavg() [1, 5, 15 min] when the run started and when it ended (other work on the machine). */
  loadAverage: { atStart: number[]; atEnd: number[] };
  commit: string | null;
  /** Where the run's databases lived. */
  postgresServer?: string;
  /** The rebuild's province as a fraction of issue 8's, when --scale set it. */
  rebuildScale?: number;
  /** The national read model as a fraction of issue 8's, when --national-scale set it. */
  nationalScale?: number;
  suites: SuiteResult[];
}

/** `suffix`: the chosen suites and options, in the file name (a partial run never overwrites a full one). */
export function writeResults(dir: string, run: RunRecord, suffix?: string[]): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const base = `${run.startedAt.slice(0, 10)}${run.mode === 'quick' ? '-quick' : ''}${suffix ? `-${suffix.join('-')}` : ''}`;
  const json = path.join(dir, `${base}.json`);
  const markdown = path.join(dir, `${base}.md`);
  fs.writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  fs.writeFileSync(markdown, toMarkdown(run));
  return { json, markdown };
}

export function toMarkdown(run: RunRecord): string {
  const lines = [
    `# Benchmark ${run.startedAt} (${run.mode})`,
    '',
    `Machine: ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memoryGb} GB, Node ${run.machine.node}, ${run.machine.postgres}. ` +
      `Commit ${run.commit ?? '(unknown)'} (plus the working tree). PostgreSQL: ${run.postgresServer ?? 'the server on 5432'}. Load average (1/5/15 min) at start ${run.loadAverage.atStart.join(' / ')}, at end ${run.loadAverage.atEnd.join(' / ')}.`,
    '',
  ];
  for (const suite of run.suites) {
    lines.push(`## ${suite.suite} (${suite.elapsedS} s)`, '');
    if (suite.error) lines.push(`**Failed:** ${suite.error}`, '');
    if (suite.figures.length > 0) {
      lines.push('| figure | value | baseline | baseline value | ratio | goal |', '|---|---:|---|---:|---:|---|');
      for (const f of suite.figures) lines.push(row(f));
      lines.push('');
    }
    for (const note of suite.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function row(f: Figure): string {
  const goal = f.goal ? `${f.goalMet ? 'met' : '**missed**'}: ${f.goal}` : '';
  return `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baselineName} | ${fmt(f.baseline)} | ${f.ratio === null ? '—' : f.ratio} | ${goal} |`;
}

function fmt(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : String(value);
}
