/**
 * A problem the person starting the platform can fix (a busy port, a bad variable, a broker that is not
 * running). The launchers print its message alone, without a stack trace, and exit with status 1.
 */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
}
