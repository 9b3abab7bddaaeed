import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { HttpRequest } from '../http/http-types';
import { Actor, Role } from './actor';

export const IS_PUBLIC_KEY = 'ishc:public';
export const ROLES_KEY = 'ishc:roles';

/** Opts a route (or controller) out of authentication: health, docs, dev tokens. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Only callers holding one of these roles (or `admin`, which may do everything) reach the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller of a non-public route. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const user = context.switchToHttp().getRequest<HttpRequest>().user;
  if (!user) throw new Error('@CurrentActor() used on a route without an authenticated caller (is it @Public()?)');
  return user;
});
