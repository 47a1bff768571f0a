import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest } from './caller';
import type { Caller } from './caller';

/** The signed-in caller; the access guard has already refused requests without one. */
export const CallerParam = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new UnauthorizedException('Du behöver logga in.');
  return caller;
});
