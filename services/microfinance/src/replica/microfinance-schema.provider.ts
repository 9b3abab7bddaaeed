import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { migrateMicrofinanceSchema } from './microfinance-schema';

/** Creates microfinance's replica tables when the service starts (idempotent). */
@Injectable()
export class MicrofinanceSchema implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateMicrofinanceSchema(this.pool);
  }
}
