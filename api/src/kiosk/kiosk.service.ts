import { Inject, Injectable } from '@nestjs/common';
import { CurrentUser, KioskCredential } from '@kunna/contracts';
import { AuthService, type Caller, NewSession } from '../auth';
import { AnsweringService } from '../checks';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface KioskClient {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The locked kiosk tablet: a device handed a credential that serves one check round's roster and answering and
 * nothing else (the access guard refuses it everywhere else). Starting it ends the starter's own session on the
 * device; leaving it needs their password.
 */
@Injectable()
export class KioskService {
  constructor(
    private readonly checks: AnsweringService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(caller: Caller, roundId: string, client: KioskClient): Promise<{ session: NewSession; credential: KioskCredential }> {
    const round = await this.checks.openKioskRound(caller, roundId);
    const session = await this.auth.startKiosk(caller, round.id, client);
    return { session, credential: this.credentialOf(session.caller) };
  }

  current(caller: Caller): KioskCredential {
    return this.credentialOf(caller);
  }

  async leave(caller: Caller, password: string, client: KioskClient): Promise<{ session: NewSession; user: CurrentUser }> {
    const session = await this.auth.leaveKiosk(caller, password, client);
    return { session, user: await this.auth.currentUser(session.caller) };
  }

  private credentialOf(caller: Caller): KioskCredential {
    return { roundId: caller.kioskRoundId ?? '', csrfToken: caller.csrfToken, idleTimeoutSeconds: this.config.sessionIdleMinutes * 60 };
  }
}
