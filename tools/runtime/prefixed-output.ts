// One terminal, several processes: every line is prefixed with the name of the process that wrote it
// (`registry     │ …`), so interleaved output stays readable. Colours only on a terminal, never with NO_COLOR.
import readline from 'node:readline';
import { Readable } from 'node:stream';

const COLOURS = [36, 33, 35, 32, 34, 96, 93, 95];

export function formatLine(source: string, text: string, width: number, colour?: number): string {
  const label = source.padEnd(width);
  return colour === undefined ? `${label} │ ${text}` : `\u001b[${colour}m${label} │\u001b[0m ${text}`;
}

export interface OutputStreams {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export class PrefixedOutput {
  private readonly width: number;
  private readonly colours = new Map<string, number>();

  /** `sources`: every name that will write, to align the bars. */
  constructor(
    sources: readonly string[],
    private readonly useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    private readonly streams: OutputStreams = { out: process.stdout, err: process.stderr },
  ) {
    this.width = Math.max(...sources.map((s) => s.length));
    sources.forEach((s, i) => this.colours.set(s, COLOURS[i % COLOURS.length]));
  }

  line(source: string, text: string, stream: 'out' | 'err' = 'out'): void {
    const colour = this.useColour ? this.colours.get(source) : undefined;
    this.streams[stream].write(`${formatLine(source, text, this.width, colour)}\n`);
  }

  /** Several lines at once (a multi-line message), each prefixed. */
  lines(source: string, text: string, stream: 'out' | 'err' = 'out'): void {
    for (const l of text.replace(/\n$/, '').split('\n')) this.line(source, l, stream);
  }

  /** Copies a child's stream line by line; resolves when it ends (a last line without newline included). */
  pipe(source: string, input: Readable, stream: 'out' | 'err'): Promise<void> {
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    lines.on('line', (l) => this.line(source, l, stream));
    return new Promise((resolve) => lines.once('close', () => resolve()));
  }
}
