export {
  type EdxlDeVersion,
  type EdxlDistribution,
  type EdxlKeyword,
  type EdxlPayload,
  type EdxlPayloadKind,
  type EdxlWrapInput,
  edxlDeNamespaces,
  edxlRmNamespace,
  emitEdxlDistribution,
  readEdxlDistribution,
} from './edxl-distribution.ts';
export {
  emitResourceMessage,
  type ResourceMessageType,
  type ResourceRequest,
  type ResourceRequestItem,
  readResourceMessage,
  resourceMessageTypes,
} from './resource-message.ts';
