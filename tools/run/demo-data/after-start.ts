// The embedded launcher's last step (tools/run/embedded.ts): write the demo when the platform is empty,
// then print the dashboard's link. A failure is a warning: the platform itself runs on.
import type { AfterStart } from '../../runtime/launch-platform';
import { seedDemoData } from './demo-data';

export const writeDemoData: AfterStart = async ({ gatewayUrl, output, signal }) => {
  const say = (text: string) => output.line('launcher', text);
  if (process.env.ISHC_DEMO_DATA?.trim() === 'false') {
    say(`dashboard: ${gatewayUrl}/  (ISHC_DEMO_DATA=false: no demo data)`);
    return;
  }
  try {
    say('demo data: looking for clubs…');
    const outcome = await seedDemoData({ gatewayUrl, say, signal });
    say(
      outcome.seeded
        ? `demo data: Trà Cú (Trà Vinh), ${outcome.clubs} clubs and ${outcome.members} fictional members with their funds, meetings, sessions, loans and care, written through the API`
        : `demo data: none written (${outcome.reason})`,
    );
    for (const line of outcome.scorecard ?? []) say(line);
    say(`dashboard: ${outcome.url}`);
  } catch (error) {
    if (signal.aborted) return;
    output.line('launcher', `demo data could not be written: ${error instanceof Error ? error.message : String(error)}`, 'err');
    say(`dashboard: ${gatewayUrl}/`);
  }
};
