import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { AuthenticatedRequest } from './caller';

/**
 * The object the route's permission names, as the access guard resolved and checked it (a session row, a module
 * header…): the handler passes it on instead of reading it again.
 */
export const Permitted = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.permitted === undefined) throw new InternalServerErrorException('The route declares no object to hand over.');
  return request.permitted;
});
