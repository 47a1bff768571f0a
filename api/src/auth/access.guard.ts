import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CSRF_HEADER, KIOSK_REFUSED, NOT_KIOSK, PERMISSIONS, PermissionRule, Role } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MALFORMED_ID, validationError } from '../common/errors';
import { Db, tenantOf } from '../database/db';
import { currentRequest } from '../database/request-context';
import { RequestTransactions } from '../database/request-transaction';
import { KioskBinding, PERMIT_KEY, PermitRule, PUBLIC_KEY } from './access.decorator';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest, Caller } from './caller';
import { PermitObjects, UUID_PATTERN } from './permit-objects';
import { callerCanSee, callerCovers, ScopePosition } from './scope';
import { readSessionToken } from './session-cookie';
import { safeEqual } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TREE_OBJECTS = new Set(['unit', 'area', 'organisation', 'person', 'network']);

export type { AuthenticatedRequest } from './caller';

/**
 * The one access guard: a route is denied unless it is `@Public()` or declares `@Permit(...)`, and then only to a
 * signed-in caller holding one of the permission's roles (libs/contracts/src/permissions.ts) on a scope covering
 * the object the route names. It resolves that object once and hands it to the handler (`@Permitted()`). A
 * malformed id answers 400 (naming the field); an object outside the caller's organisation or scope 404, as if it
 * did not exist; one the caller may see but not act on 403. Unsafe methods need the session's CSRF token.
 * A kiosk credential is served only where the route declares `kiosk` for its round; every other route, public
 * ones included, refuses it with 403 `kioskCredential`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly publicOrigin: string | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly repository: AuthRepository,
    private readonly transactions: RequestTransactions,
    private readonly db: Db,
    private readonly objects: PermitObjects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.publicOrigin = originOf(config.publicUrl);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const handler = context.getHandler();
    const controller = context.getClass();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller]) ?? false;
    const rule = this.reflector.getAllAndOverride<PermitRule | undefined>(PERMIT_KEY, [handler, controller]);

    // The request's transaction starts here, so the session look-up and the object checks below already run
    // inside it with the caller's tenant (row-level security sees nothing without one).
    await this.transactions.begin(context);
    const token = readSessionToken(request, this.config);
    const caller = token ? await this.auth.resolveSession(token) : null;
    if (caller) {
      request.caller = caller;
      // The audit log and the request's logging read the caller from the request context.
      const store = currentRequest();
      if (store) store.caller = caller;
    }
    await this.transactions.setTenant(caller);

    if (caller?.kioskRoundId) await this.checkKiosk(rule?.kiosk, request, caller.kioskRoundId);
    else if (caller && rule?.kiosk?.kind === 'credential') {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'Bara för surfplatteläget.', code: NOT_KIOSK });
    }

    if (isPublic) {
      this.checkOrigin(request);
      return true;
    }
    if (!rule) {
      this.logger.error(`Route without @Permit or @Public: ${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`);
      throw new ForbiddenException('Åtkomst nekad.');
    }
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, caller);

    const permission: PermissionRule = PERMISSIONS[rule.permission];
    const roles = permission.roles as Role[];
    const holdsAnyRole = roles.includes(Role.Staff) || caller.grants.some((grant) => roles.includes(grant.role));
    if (!holdsAnyRole) throw new ForbiddenException('Du har inte behörighet till detta.');

    if (permission.object === 'self' || permission.object === 'scopes') return true;
    if (permission.object === 'ownOrganisation') {
      const position = { networkId: caller.networkId, organisationId: caller.organisationId, areaIds: [], unitIds: [] };
      if (!callerCovers(caller, roles, position)) throw new ForbiddenException('Du har inte behörighet till detta.');
      return true;
    }

    const from = rule.from;
    if (!from) throw new Error(`@Permit('${rule.permission}') names no id for its ${permission.object}`);
    const source: unknown = from.in === 'param' ? request.params : from.in === 'body' ? request.body : request.query;
    const id = (source as Record<string, unknown> | undefined)?.[from.key];
    if (id === undefined || id === null || id === '') {
      // The validation pipe names the missing field; a missing optional object is narrowed by the service.
      if (from.in === 'param') throw new ForbiddenException('Du har inte behörighet till detta.');
      return true;
    }
    const resolver = TREE_OBJECTS.has(permission.object) ? null : this.objects.resolver(permission.object);
    if (!TREE_OBJECTS.has(permission.object) && !resolver) throw new Error(`No resolver registered for the permission object ${permission.object}`);
    // A malformed id is the caller's mistake, not a missing object: say which field (no existence is revealed).
    if (typeof id !== 'string' || !(resolver?.idPattern ?? UUID_PATTERN).test(id)) {
      throw validationError([{ field: from.key, message: MALFORMED_ID }]);
    }
    // Routes without the request transaction (imports, sign-in) still read the object with the caller's tenant.
    const inTransaction = <T>(work: () => Promise<T>): Promise<T> => (currentRequest()?.transaction ? work() : this.db.transaction(work, tenantOf(caller)));
    if (resolver) {
      request.permitted = await inTransaction(() => resolver.resolve(caller, id, permission));
      return true;
    }
    const position = await inTransaction(() => this.positionOf(permission.object as 'unit', id));
    if (!position || !callerCanSee(caller, roles, position)) throw new NotFoundException('Hittades inte.');
    if (!callerCovers(caller, roles, position)) throw new ForbiddenException('Du har inte behörighet till detta.');
    request.permitted = position;
    return true;
  }

  /** The kiosk credential's one round: the route must declare the kiosk and name that round (or the credential). */
  private async checkKiosk(binding: KioskBinding | undefined, request: Request, roundId: string): Promise<void> {
    const refused = () =>
      new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Surfplattan kan bara användas för mätningen den startades för.',
        code: KIOSK_REFUSED,
      });
    if (!binding) throw refused();
    if (binding.kind === 'credential') return;
    const value = request.params[binding.param];
    if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw refused();
    const named = binding.kind === 'round' ? value : await this.repository.roundOfKioskResponse(value);
    if (!named || named.toLowerCase() !== roundId.toLowerCase()) throw refused();
  }

  private positionOf(kind: 'unit' | 'area' | 'organisation' | 'person' | 'network', id: string): Promise<ScopePosition | null> {
    switch (kind) {
      case 'unit':
        return this.repository.positionOfUnit(id);
      case 'area':
        return this.repository.positionOfArea(id);
      case 'organisation':
        return this.repository.positionOfOrganisation(id);
      case 'person':
        return this.repository.positionOfPerson(id);
      case 'network':
        return this.repository.positionOfNetwork(id);
    }
  }

  private checkCsrf(request: Request, caller: Caller): void {
    const header = request.header(CSRF_HEADER);
    if (!header || !safeEqual(header, caller.csrfToken)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'Ogiltig CSRF-token. Ladda om sidan.', code: 'csrf' });
    }
  }

  /**
   * Public unsafe requests (sign-in, code redemption) must come from our own pages: blocks login CSRF.
   * Our origin is the request's Host or the configured public address (a proxy may rewrite Host).
   * Requests without Origin (not from a browser page) pass; browsers send it on every cross-origin POST.
   */
  private checkOrigin(request: Request): void {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.header('sec-fetch-site') === 'cross-site') throw new ForbiddenException('Ogiltigt ursprung.');
    const origin = request.header('origin');
    if (!origin) return;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ForbiddenException('Ogiltigt ursprung.');
    }
    if (parsed.host === request.header('host') || parsed.origin === this.publicOrigin) return;
    throw new ForbiddenException('Ogiltigt ursprung.');
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
