// Writes the Trà Cú demo into any running platform whose gateway gives dev tokens (the embedded launcher
// does this itself; the browser tests and a stack-mode user run this):
//   node dist/tools/run/demo-data/cli.js [gateway URL, default http://localhost:3000]
// Progress goes to stderr; the outcome ({seeded, url, clubs, members, reason?}) is the one line on stdout.
import { seedDemoData } from './demo-data';

const gatewayUrl = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');

seedDemoData({ gatewayUrl, say: (line) => process.stderr.write(`${line}\n`) }).then(
  (outcome) => process.stdout.write(`${JSON.stringify(outcome)}\n`),
  (error: unknown) => {
    process.stderr.write(`demo data could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
