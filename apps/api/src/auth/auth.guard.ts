import { createParamDecorator, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccountStatus, issuedAtOf } from './account-status';
import { AuthService } from './auth.service';
import type { Principal } from './principal';

type AuthedRequest = FastifyRequest & { principal?: Principal };

/** Requires a valid `Authorization: Bearer <token>` of an active account. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountStatus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    if (!header) throw new UnauthorizedException('log in first: send Authorization: Bearer <token> (POST /api/auth/login gives one)');
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('the Authorization header must be "Bearer <token>"');
    const principal = await this.auth.verify(token);
    // a disabled account, or a token from before a password reset, stops here
    await this.accounts.assertActive(principal.userId, issuedAtOf(token));
    req.principal = principal;
    return true;
  }
}

/** The signed-in user of a request guarded by AuthGuard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<AuthedRequest>().principal!;
});
