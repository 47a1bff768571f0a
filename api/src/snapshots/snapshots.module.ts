import { Global, Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs';
import { SnapshotsRepository } from './snapshots.repository';
import { KeptViews, REFRESH_KEPT_VIEWS } from './snapshots.service';

/** Organisation-wide insight views kept between reads (see snapshots.service.ts). */
@Global()
@Module({
  providers: [SnapshotsRepository, KeptViews],
  exports: [KeptViews],
})
export class SnapshotsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly keptViews: KeptViews,
  ) {}

  onModuleInit(): void {
    this.registry.register(REFRESH_KEPT_VIEWS, async (payload) => {
      await this.keptViews.refresh(payload.organisationId);
    });
  }
}
