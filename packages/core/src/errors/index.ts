export { DomainError, type ErrorCode, type ErrorDetail, errorCodes, isDomainError } from './domain-error.ts';
