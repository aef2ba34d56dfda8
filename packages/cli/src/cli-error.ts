import { isDomainError } from '@vigil/core';
import type { z } from 'zod';

/** A refusal the user can act on: printed as one line naming the field, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Parses options with the same contract the HTTP API uses, so both refuse the same input the same way. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const flag = flagOfField[key] ?? `--${key}`;
  throw new CliError(`${flag}: ${issue?.message ?? 'invalid'}`);
}

/** API field names as the CLI spells them, so a refusal names the flag the user typed. */
const flagOfField: Record<string, string> = {
  parentId: '--parent',
  jurisdiction: '--fips',
  agencyId: '--agency',
  roles: '--role',
  attributes: '--attribute',
  displayName: '--name',
};

export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (isDomainError(error)) {
    const flag = error.field ? (flagOfField[error.field] ?? `--${error.field}`) : null;
    return { message: `${flag ? `${flag}: ` : ''}${error.message} (${error.code})`, exitCode: 2 };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}
