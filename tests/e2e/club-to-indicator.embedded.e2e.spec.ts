import { describeWith } from '@ishc/testing';
import { clubToIndicatorScenario } from './support/club-to-indicator.scenario';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

describeWith(['postgres'], 'one club from registry to an indicator — embedded transport', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    platform = await startPlatform({ services: ['registry', 'reporting'], transport: 'embedded' });
  });
  afterAll(() => platform?.close());

  clubToIndicatorScenario(() => platform);
});
