import { describeWith } from '@ishc/testing';
import { clubYearScenario } from './support/club-year.scenario';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describeWith(['postgres'], 'a club’s year from registry through activities to reporting — embedded transport', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    platform = await startPlatform({ services: ['registry', 'activities', 'reporting'], transport: 'embedded' });
  }, 120_000);
  afterAll(() => platform?.close());

  clubYearScenario(() => platform);
});
