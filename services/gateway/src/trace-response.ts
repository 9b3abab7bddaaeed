import { ServerResponse } from 'node:http';
import { currentTraceContext } from '@ishc/observability';

export const TRACE_RESPONSE_HEADER = 'traceresponse';

/**
 * W3C Trace Context level 2's `traceresponse`: tells the caller which trace its request is (the
 * gateway's server span), so a person reporting a slow or failed request can hand over the id that finds
 * it in Zipkin. Only ids: a trace id says nothing about the request's content. Call it synchronously in
 * the request's handler, where its span is active.
 */
export function setTraceResponse(res: Pick<ServerResponse, 'setHeader'>): void {
  const { traceparent } = currentTraceContext();
  if (traceparent) res.setHeader(TRACE_RESPONSE_HEADER, traceparent);
}
