import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ServiceName } from '@ishc/contracts';

export const BEARER_AUTH = 'bearer';

export function buildOpenApiDocument(app: INestApplication, service: ServiceName): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`ISHC ${service} API`)
    .setDescription(
      `The ${service} service of the ISHC platform. Errors are application/problem+json (RFC 9457); ` +
        'writes accept Idempotency-Key and answer X-Consistency-Token.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
    .addSecurityRequirements(BEARER_AUTH)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves the document as JSON at `/api/<service>/docs-json` (no UI: the gateway serves one for all).
 * Registered on the HTTP adapter directly, so the auth guard does not apply: docs are public.
 */
export function serveOpenApiDocument(app: INestApplication, service: ServiceName): void {
  SwaggerModule.setup(`api/${service}/docs`, app, () => buildOpenApiDocument(app, service), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: `api/${service}/docs-json`,
  });
}
