// What a person needs once everything is up: where things are, and a token to call them with.
import { LaunchSettings } from './launch-settings';
import { SERVICE_NAMES } from './platform-processes';
import { redactedUrl } from './postgres-databases';
import { PrefixedOutput } from './prefixed-output';

export function printSummary(output: PrefixedOutput, settings: LaunchSettings, database: string, token: string | undefined): void {
  const gateway = `http://localhost:${settings.ports.gateway}`;
  const rows: [string, string][] = [
    ['gateway', gateway],
    ['API docs', `${gateway}/api/docs`],
    ['health', `${gateway}/api/health`],
    ...SERVICE_NAMES.map((s): [string, string] => [s, `${gateway}/api/${s}  (direct: http://localhost:${settings.ports[s]}/api/${s})`]),
    ['database', database],
    ['transport', settings.transport === 'kafka' ? `kafka (${settings.kafkaBrokers})` : 'embedded (direct subscription)'],
    ['cache', settings.redisUrl ? `redis (${redactedUrl(settings.redisUrl)})` : 'in memory'],
  ];
  const lines = [
    '',
    `The ISHC platform is running (${settings.mode} mode):`,
    ...rows.map(([what, where]) => `  ${what.padEnd(12)} ${where}`),
    '',
  ];
  output.lines('launcher', lines.join('\n'));
  if (token) {
    output.line('launcher', 'A development token (sub dev-admin, role admin, scope VN); paste this line into a shell:');
    // Unprefixed, so the whole line can be copied as is.
    process.stdout.write(`export ISHC_TOKEN=${token}\n`);
    output.line('launcher', `then: curl -H "Authorization: Bearer $ISHC_TOKEN" ${gateway}/api/reporting/indicator-definitions`);
  } else if (!settings.devTokens) {
    output.line('launcher', 'Dev tokens are off (DEV_TOKENS=false): POST /api/auth/dev-token answers 404.');
  }
  output.line('launcher', 'Press Ctrl-C to stop everything.');
}
