import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CSRF_HEADER, KIOSK_REFUSED, NOT_KIOSK, Role } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MALFORMED_ID, validationError } from '../common/errors';
import { applyTenant, Db, RequestTransaction, tenantOf } from '../database/db';
import { currentRequest } from '../database/request-context';
import { NO_TRANSACTION } from '../database/transaction.interceptor';
import { ACCESS_KEY, AccessRule, KioskBinding, PUBLIC_KEY } from './access.decorator';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import type { Caller } from './caller';
import { callerCanSee, callerCovers, ScopePosition } from './scope';
import { readSessionToken } from './session-cookie';
import { safeEqual } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * The global guard: a route is denied unless it is `@Public()` or declares `@Access(...)`, and then
 * only to a signed-in caller holding one of its roles on a scope covering the target. Unsafe methods
 * need the session's CSRF token. Objects of another organisation answer 404, as if they did not exist.
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
    private readonly db: Db,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.publicOrigin = originOf(config.publicUrl);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const handler = context.getHandler();
    const controller = context.getClass();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, controller]) ?? false;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);

    // The request's transaction starts here, so the session look-up, the scope checks below and any later
    // guard already run inside it with the caller's tenant (row-level security sees nothing without one).
    const store = currentRequest();
    const transactional = store && !store.transaction && !this.reflector.get<boolean>(NO_TRANSACTION, handler);
    if (store && transactional) {
      const transaction = await RequestTransaction.open(this.dataSource, store);
      context.switchToHttp().getResponse<Response>().once('close', () => void transaction.abandon(store));
    }

    const token = readSessionToken(request, this.config);
    const caller = token ? await this.auth.resolveSession(token) : null;
    if (caller) {
      request.caller = caller;
      if (store) store.caller = caller;
    }
    if (store?.transaction) {
      const tenant = caller ? tenantOf(caller) : { organisationId: null, personId: null };
      await applyTenant(store.transaction.manager, tenant.organisationId, tenant.personId, tenant);
    }

    if (caller?.kioskRoundId) await this.checkKiosk(rule?.kiosk, request, caller.kioskRoundId);
    else if (caller && rule?.kiosk?.kind === 'credential') {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: 'Bara för surfplatteläget.', code: NOT_KIOSK });
    }

    if (isPublic) {
      this.checkOrigin(request);
      return true;
    }
    if (!rule) {
      this.logger.error(`Route without @Access or @Public: ${request.method} ${request.route?.path ?? request.path}`);
      throw new ForbiddenException('Åtkomst nekad.');
    }
    if (!caller) throw new UnauthorizedException('Du behöver logga in.');
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, caller);

    const allowedRoles = rule.roles;
    const holdsAnyRole = allowedRoles.includes(Role.Staff) || caller.grants.some((grant) => allowedRoles.includes(grant.role));
    if (!holdsAnyRole) throw new ForbiddenException('Du har inte behörighet till detta.');

    const target = rule.target;
    if (target.kind === 'self' || target.kind === 'any') return true;
    if (target.kind === 'own-organisation') {
      const position = { networkId: caller.networkId, organisationId: caller.organisationId, areaIds: [], unitIds: [] };
      if (!callerCovers(caller, allowedRoles, position)) throw new ForbiddenException('Du har inte behörighet till detta.');
      return true;
    }

    const source = target.from === 'param' ? request.params : target.from === 'body' ? request.body : request.query;
    const id = (source as Record<string, unknown> | undefined)?.[target.key];
    if (id === undefined || id === null || id === '') {
      // The validation pipe names the missing field; a missing optional target is narrowed by the service.
      return target.from !== 'param';
    }
    // A malformed id is the caller's mistake, not a missing object: say which field (no existence is revealed).
    if (typeof id !== 'string' || !UUID.test(id)) throw validationError([{ field: target.key, message: MALFORMED_ID }]);
    const position = currentRequest()?.transaction
      ? await this.positionOf(target.kind, id)
      : await this.db.transaction(() => this.positionOf(target.kind, id), tenantOf(caller));
    if (!position || !callerCanSee(caller, allowedRoles, position)) throw new NotFoundException('Hittades inte.');
    if (!callerCovers(caller, allowedRoles, position)) throw new ForbiddenException('Du har inte behörighet till detta.');
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
    if (typeof value !== 'string' || !UUID.test(value)) throw refused();
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
