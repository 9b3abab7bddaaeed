// /api/docs-json: asks every service for its document (fresh each time: services restart and change)
// and merges them. A service that does not answer is listed as missing instead of failing the whole page.
import { ServiceName } from '@ishc/contracts';
import { errorCode } from './error-code';
import { isJsonObject, Json, mergeOpenApiDocuments, MissingDocument, JsonObject, ServiceDocument } from './openapi-merge';

const FETCH_TIMEOUT_MS = 5000;

export function serviceDocsPath(service: ServiceName): string {
  return `/api/${service}/docs-json`;
}

export async function mergedOpenApi(services: Record<ServiceName, string>): Promise<JsonObject> {
  const results = await Promise.all(
    (Object.entries(services) as [ServiceName, string][]).map(async ([service, baseUrl]): Promise<ServiceDocument | MissingDocument> => {
      try {
        const response = await fetch(`${baseUrl}${serviceDocsPath(service)}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        if (!response.ok) return { service, reason: `HTTP ${response.status}` };
        const document = (await response.json()) as Json;
        return isJsonObject(document) ? { service, document } : { service, reason: 'not a JSON object' };
      } catch (error) {
        return { service, reason: errorCode(error) };
      }
    }),
  );
  const documents = results.filter((r): r is ServiceDocument => 'document' in r);
  const missing = results.filter((r): r is MissingDocument => 'reason' in r);
  return mergeOpenApiDocuments(documents, missing);
}
