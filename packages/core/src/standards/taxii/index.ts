export {
  acceptsTaxii,
  encodeTaxiiCursor,
  isTaxiiContentType,
  parseTaxiiFilters,
  stixMediaType,
  type TaxiiError,
  type TaxiiFilters,
  type TaxiiVersionMatch,
  taxiiDefaultPageSize,
  taxiiError,
  taxiiMaxPageSize,
  taxiiMediaType,
} from './taxii-resources.ts';
