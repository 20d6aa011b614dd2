/** Column helpers shared by the schema files: times are UTC milliseconds, read back as `Date`. */
import { integer } from 'drizzle-orm/sqlite-core';

export const timeMs = (name: string) => integer(name, { mode: 'timestamp_ms' });
