import { describeWith } from '@ishc/testing';
import { loanRoundScenario } from './support/loan-round.scenario';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describeWith(['postgres', 'kafka'], 'a loan round from registry through microfinance to reporting, money to the đồng — Kafka transport', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    // Stack mode derives no master key for members' personal data: the run brings one (a test key).
    const extraEnv = { REGISTRY_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
    platform = await startPlatform({ services: ['registry', 'microfinance', 'reporting'], transport: 'kafka', extraEnv });
  }, 120_000);
  afterAll(() => platform?.close());

  loanRoundScenario(() => platform);
});
