// Merges the four services' OpenAPI documents into one for /api/docs-json. Their paths never clash (each
// service serves under /api/<service>), but other names can:
// - operationIds (every service has e.g. a HealthController_check): prefixed with the service's name;
// - components of the same name and different content: the later one is renamed `<service>.<name>`
//   and every $ref to it in that service's document follows.
// Operations without tags are tagged with their service, and a document-wide `security` is copied onto
// each of its operations, so merging changes neither grouping nor auth requirements.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export interface ServiceDocument {
  service: string;
  document: JsonObject;
}

export interface MissingDocument {
  service: string;
  reason: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeOpenApiDocuments(documents: readonly ServiceDocument[], missing: readonly MissingDocument[] = []): JsonObject {
  const paths: JsonObject = {};
  const components: Record<string, JsonObject> = {};
  const tags: JsonObject[] = [];

  for (const { service, document: original } of documents) {
    const document = withUniqueComponentNames(original, service, components);
    for (const [section, entries] of Object.entries(objectAt(document, 'components'))) {
      if (!isJsonObject(entries)) continue;
      components[section] = { ...components[section], ...entries };
    }
    const security = document.security;
    for (const [path, item] of Object.entries(objectAt(document, 'paths'))) {
      if (!isJsonObject(item)) continue;
      paths[path] = { ...objectAt(paths, path), ...operationsOf(item, service, security) };
    }
    for (const tag of Array.isArray(document.tags) ? document.tags : []) {
      if (isJsonObject(tag) && !tags.some((t) => t.name === tag.name)) tags.push(tag);
    }
  }

  const included = documents.map((d) => d.service);
  const description = [
    `Every service of the platform behind one gateway: ${included.join(', ') || 'none answered'}.`,
    'Pick one service at the top to see its own document.',
    ...(missing.length > 0 ? [`Missing (no document): ${missing.map((m) => `${m.service} (${m.reason})`).join(', ')}.`] : []),
  ].join(' ');
  const first = documents[0]?.document;
  return {
    openapi: typeof first?.openapi === 'string' ? first.openapi : '3.0.0',
    info: { title: 'ISHC platform API', version: versionOf(first), description },
    paths,
    components,
    tags: [...tags, ...included.filter((s) => !tags.some((t) => t.name === s)).map((s) => ({ name: s }))],
    ...(missing.length > 0 ? { 'x-ishc-missing-services': missing.map((m) => ({ ...m })) } : {}),
  };
}

function operationsOf(item: JsonObject, service: string, security: Json | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    if (!METHODS.has(key) || !isJsonObject(value)) {
      out[key] = value;
      continue;
    }
    const operation: JsonObject = { ...value };
    if (typeof operation.operationId === 'string') operation.operationId = `${service}_${operation.operationId}`;
    if (!Array.isArray(operation.tags) || operation.tags.length === 0) operation.tags = [service];
    if (operation.security === undefined && security !== undefined) operation.security = security;
    out[key] = operation;
  }
  return out;
}

/**
 * The document with its clashing components renamed. Renaming one component changes the content of those
 * that refer to it, which may make them clash in turn: repeat until nothing new clashes.
 */
function withUniqueComponentNames(document: JsonObject, service: string, merged: Record<string, JsonObject>): JsonObject {
  const renames = new Map<string, string>();
  for (;;) {
    const current = renames.size === 0 ? document : (rewriteRefs(document, renames) as JsonObject);
    let added = false;
    for (const [section, entries] of Object.entries(objectAt(current, 'components'))) {
      if (!isJsonObject(entries)) continue;
      for (const [name, value] of Object.entries(entries)) {
        const ref = `#/components/${section}/${name}`;
        const existing = merged[section]?.[name];
        if (renames.has(ref) || existing === undefined || sameJson(existing, value)) continue;
        renames.set(ref, `#/components/${section}/${service}.${name}`);
        added = true;
      }
    }
    if (!added) return renameComponents(current, renames);
  }
}

function renameComponents(document: JsonObject, renames: Map<string, string>): JsonObject {
  if (renames.size === 0) return document;
  const components: JsonObject = {};
  for (const [section, entries] of Object.entries(objectAt(document, 'components'))) {
    if (!isJsonObject(entries)) continue;
    components[section] = Object.fromEntries(
      Object.entries(entries).map(([name, value]) => {
        const renamed = renames.get(`#/components/${section}/${name}`);
        return [renamed ? renamed.slice(`#/components/${section}/`.length) : name, value];
      }),
    );
  }
  return { ...document, components };
}

export function rewriteRefs(value: Json, renames: Map<string, string>): Json {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' ? (renames.get(v) ?? v) : rewriteRefs(v, renames),
    ]),
  );
}

function objectAt(value: JsonObject, key: string): JsonObject {
  const found = value[key];
  return isJsonObject(found) ? found : {};
}

function versionOf(document: JsonObject | undefined): string {
  const info = document?.info;
  return isJsonObject(info) && typeof info.version === 'string' ? info.version : '1.0';
}

function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
