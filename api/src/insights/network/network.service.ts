import { ForbiddenException, Injectable } from '@nestjs/common';
import { NetworkComparison, NetworkParticipation, Role, ScopeType } from '@kunna/contracts';
import { decideSuppression, effectiveMinimum } from '@kunna/learning-gain';
import type { Caller } from '../../auth';
import { NETWORK_ROLES } from '../insights-policy';
import { participationFigures, suppressedGroups } from '../shared/insight-figures';
import { InsightsRepository } from '../shared/insights.repository';
import { periodOn } from '../shared/period';
import { PeriodQueryDto } from '../shared/query.dto';
import { NetworkRepository } from './network.repository';

/**
 * The network coordinator's views across organisations: participation per organisation, and the comparison of the
 * common core items' before/after per organisation (each organisation's own minimum group size; nothing personal)
 * and the shared modules' use. See README.md.
 */
@Injectable()
export class NetworkService {
  constructor(
    private readonly shared: InsightsRepository,
    private readonly network: NetworkRepository,
  ) {}

  /** Participation per organisation of the coordinator's network. */
  async participation(caller: Caller, query: PeriodQueryDto): Promise<NetworkParticipation> {
    const period = periodOn(query, await this.shared.today());
    const networkId = caller.grants.find((g) => NETWORK_ROLES.includes(g.role) && g.scopeType === ScopeType.Network)?.scopeId;
    if (!networkId || !caller.grants.some((g) => g.role === Role.NetworkCoordinator)) throw new ForbiddenException();
    const rows = await this.network.participation(networkId, period.from, period.to);
    return {
      period,
      organisations: rows.map((row) => {
        // Each organisation stands alone (no network total is shown), so the minimum group size applies per row.
        const suppressed = suppressedGroups(row.people, [], row.minGroupSize).total;
        return {
          organisation: { id: row.id, name: row.name },
          sessionsHeld: row.sessionsHeld,
          activeAmbassadors: row.ambassadors,
          ...participationFigures(row.people, row.participants, row.minutes, suppressed),
        };
      }),
    };
  }

  async comparison(caller: Caller, query: PeriodQueryDto): Promise<NetworkComparison> {
    const period = periodOn(query, await this.shared.today());
    const networkId = caller.grants.find((g) => g.role === Role.NetworkCoordinator && g.scopeType === ScopeType.Network)?.scopeId;
    if (!networkId) throw new ForbiddenException();
    const organisations = await this.network.organisations(networkId);
    const figures = await this.network.coreFigures(networkId, period.from, period.to);
    // Retired core items stay comparable for checks that still used them in the period.
    const coreItems = (await this.network.coreItems(networkId))
      .filter((item) => !item.retired || figures.some((f) => f.coreItemId === item.id))
      .map((item) => ({ id: item.id, textSv: item.textSv, textEn: item.textEn, dimension: item.dimension }));
    const modules = await this.network.sharedModules(networkId, period.from, period.to);
    const cascade = await this.network.cascade(networkId, period.from, period.to);
    return {
      period,
      coreItems,
      organisations: organisations.map((organisation) => {
        const minimum = effectiveMinimum(organisation.minGroupSize);
        return {
          organisation: { id: organisation.id, name: organisation.name },
          minimumGroupSize: minimum,
          items: coreItems.map((item) => {
            const row = figures.find((f) => f.organisationId === organisation.id && f.coreItemId === item.id);
            // Each organisation's figure stands alone (no network total is shown), so only the minimum applies.
            const suppressed = !row || decideSuppression({ total: row.people, minimum }).total.suppressed;
            return {
              coreItemId: item.id,
              people: suppressed ? null : row.people,
              meanBefore: suppressed ? null : row.meanBefore,
              meanAfter: suppressed ? null : row.meanAfter,
              meanChange: suppressed ? null : row.meanChange,
              suppressed,
            };
          }),
          cascade: {
            ambassadorsLeading: cascade.find((c) => c.organisationId === organisation.id)?.ambassadorsLeading ?? 0,
            colleaguesReached: cascade.find((c) => c.organisationId === organisation.id)?.colleaguesReached ?? 0,
          },
        };
      }),
      sharedModules: modules.map((m) => ({
        module: { id: m.id, title: m.title },
        organisations: m.organisations,
        sessionsHeld: m.sessionsHeld,
        participants: m.participants,
      })),
    };
  }
}
