/** What every service verb needs: the database, the checked config and a clock (tests pin it). */
import type { Db } from '../db/client';
import type { Config } from './config';

export interface ServiceDeps {
  db: Db;
  config: Config;
  now: () => Date;
}
