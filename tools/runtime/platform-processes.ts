// The processes every run mode starts, with the variables that place them (docs/configuration.md).
// The launchers keep their own copy of the service names rather than importing @ishc/contracts: they run
// as plain `node dist/tools/run/*.js` (no alias hook), and platform-processes.spec.ts keeps both lists equal.

export const SERVICE_NAMES = ['registry', 'activities', 'microfinance', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type ProcessName = ServiceName | 'gateway';

/** The gateway last: it is the front door, opened once the rooms behind it exist. */
export const PROCESS_NAMES: readonly ProcessName[] = [...SERVICE_NAMES, 'gateway'];

export interface PortVariable {
  variable: string;
  defaultPort: number;
}

export const PORT_VARIABLES: Record<ProcessName, PortVariable> = {
  gateway: { variable: 'GATEWAY_PORT', defaultPort: 3000 },
  registry: { variable: 'REGISTRY_PORT', defaultPort: 3101 },
  activities: { variable: 'ACTIVITIES_PORT', defaultPort: 3102 },
  microfinance: { variable: 'MICROFINANCE_PORT', defaultPort: 3103 },
  reporting: { variable: 'REPORTING_PORT', defaultPort: 3104 },
};

/** Compiled entry point of a process, relative to the repository root. */
export function mainFile(name: ProcessName): string {
  return `dist/services/${name}/src/main.js`;
}

/** The path that answers 200 once a process can serve requests. */
export function readinessPath(name: ProcessName): string {
  return name === 'gateway' ? '/api/health' : `/api/${name}/health/ready`;
}

export function databaseName(service: ServiceName): string {
  return `ishc_${service}`;
}

export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}
