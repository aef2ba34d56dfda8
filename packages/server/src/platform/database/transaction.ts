import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;
export type Trx = Transaction<Schema>;
/** Store functions take either: inside an action they run in its transaction. */
export type Executor = Kysely<Schema> | Transaction<Schema>;
