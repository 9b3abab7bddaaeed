import { ApiConflictResponse } from '@nestjs/swagger';

/**
 * OpenAPI: the 409 a command answers while activities' replica of the registry lacks what it names — a club or
 * person not seen yet, or the membership of a person whose registration it applied moments ago (the
 * joining travels apart from the registration). Retrying shortly succeeds once the registry's event
 * arrives; other 409s are final for the same request.
 */
export const ApiNotReplicatedYetResponse = () =>
  ApiConflictResponse({
    description:
      'application/problem+json, type urn:ishc:problem:conflict. When the detail says "… is not known to activities yet … retry shortly", ' +
      'the registry\'s event (a club, a person, or the membership of a person registered moments ago) has not reached activities yet: ' +
      'the same request may be retried shortly. Any other 409 (e.g. not a member on the date) is the answer.',
  });
