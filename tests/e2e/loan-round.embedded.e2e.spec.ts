import { describeWith } from '@ishc/testing';
import { loanRoundScenario } from './support/loan-round.scenario';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describeWith(['postgres'], 'a loan round from registry through microfinance to reporting, money to the đồng — embedded transport', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    platform = await startPlatform({ services: ['registry', 'microfinance', 'reporting'], transport: 'embedded' });
  }, 120_000);
  afterAll(() => platform?.close());

  loanRoundScenario(() => platform);
});
