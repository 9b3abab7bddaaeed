import { EventMetadata, Upcaster } from '../types';

export interface Upcasted {
  schemaVersion: number;
  data: unknown;
}

/**
 * Applies registered upcasters one version step at a time (v1 → v2 → v3 …) until no upcaster is registered
 * for the event's type and current version. Stored events are never rewritten: old versions stay readable
 * as long as their upcasters exist.
 */
export class UpcasterChain {
  private readonly byStep = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      // Two upcasters for one step would make the result depend on registration order.
      if (this.byStep.has(key)) throw new Error(`two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      this.byStep.set(key, upcaster);
    }
  }

  upcast(type: string, schemaVersion: number, data: unknown, metadata: EventMetadata): Upcasted {
    let version = schemaVersion;
    let current = data;
    for (let step = this.byStep.get(stepKey(type, version)); step; step = this.byStep.get(stepKey(type, version))) {
      current = step.upcast(current, { ...metadata, schemaVersion: version });
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${fromVersion}:${type}`;
}
