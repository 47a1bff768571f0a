import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, HealthStatus } from '@kunna/contracts';
import { Public } from '../auth';
import { Db } from '../database/db';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly db: Db) {}

  @Public()
  @Get(ApiRoutes.health)
  async health(): Promise<HealthStatus> {
    try {
      await this.db.manager.query('select 1');
    } catch {
      throw new ServiceUnavailableException('Databasen svarar inte.');
    }
    return { status: 'ok' };
  }
}
