/**
 * @vigil/core: domain rules and contracts. Pure: no I/O, no clock, no database.
 * Each domain is a folder with its own index; import from here or from the folder.
 */
export * from './access/index.ts';
export * from './agencies/index.ts';
export * from './audit/index.ts';
export * from './budget/index.ts';
export * from './bulletins/index.ts';
export * from './errors/index.ts';
export * from './incident/index.ts';
export * from './infrastructure/index.ts';
export * from './resources/index.ts';
export * from './risk/index.ts';
export * from './users/index.ts';
