import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ServiceConfig } from '../config/service-config';
import { ForbiddenError, UnauthorizedError } from '../errors/http-errors';
import { HttpRequest } from '../http/http-types';
import { PLATFORM_CONFIG } from '../tokens';
import { InvalidTokenError, verifyAccessToken } from './access-token';
import { Role, isAdmin } from './actor';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** `Authorization: Bearer <token>` → the token; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header?.trim() ?? '');
  return match ? match[1] : null;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() then narrows
 * who may call it. Sets `request.user` to the caller. Org-unit scope depends on the data, so handlers
 * check it themselves with ScopeChecker.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedError('A bearer token is required (Authorization: Bearer <token>).');
    try {
      request.user = await verifyAccessToken(token, this.config.jwtSecret);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedError(error.message);
      throw error;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !isAdmin(request.user) && !roles.some((role) => request.user?.roles.includes(role))) {
      throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
