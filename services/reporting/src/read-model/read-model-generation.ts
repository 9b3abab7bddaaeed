/**
 * A generation of reporting's read models: one complete set of the rp_* tables, in a PostgreSQL schema of
 * its own (`rp_generation_<n>`), fed by a consumer of its own (its own checkpoints, consumer group and
 * inbox key) from position zero. Exactly one generation is active: `public` holds a view per table onto
 * the active generation's (read-model-views.ts), so every query — indicators, scope checks, the feed —
 * reads the active one through the same unqualified names. A rebuild fills the next generation beside it,
 * then makes it active (docs/operations.md, "Rebuild").
 *
 * Generation 0 is consumed under the name the service has always used, so the read models and
 * checkpoints of a database from before generations carry over (its tables move into the schema).
 */
export interface ReadModelGeneration {
  number: number;
  /** The schema holding this generation's rp_* tables. */
  schema: string;
  /** The consumer name: checkpoint id (embedded), consumer group and inbox key (Kafka). */
  consumer: string;
}

/** The consumer name of the first generation (and of every deployment from before generations). */
export const PROJECTIONS_CONSUMER = 'reporting-projections';

export type GenerationState = 'building' | 'active' | 'retired' | 'abandoned';

export function generationNumbered(number: number): ReadModelGeneration {
  return { number, schema: `rp_generation_${number}`, consumer: number === 0 ? PROJECTIONS_CONSUMER : `${PROJECTIONS_CONSUMER}-g${number}` };
}

export const FIRST_GENERATION = generationNumbered(0);

/**
 * The search path under which the projections write into `generation`: its tables first, then `public`
 * for what every generation shares (plans, the feed's published snapshots, the transports' checkpoints
 * and inbox).
 */
export function searchPathOf(generation: Pick<ReadModelGeneration, 'schema'>): string {
  return `${generation.schema}, public`;
}
