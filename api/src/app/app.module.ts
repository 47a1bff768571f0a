import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard, AuthModule } from '../auth';
import { AuditModule } from '../audit';
import { DomainEvents } from '../common/domain-events';
import { ApiExceptionFilter } from '../common/errors';
import { ApiValidationPipe } from '../common/validation-pipe';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Secrets } from '../config/secrets';
import { dataSourceOptions } from '../database/data-source';
import { Db } from '../database/db';
import { RequestTransactions, TransactionInterceptor } from '../database/request-transaction';
import { HealthController } from '../health';
import { PrivacyModule } from '../privacy';
import { SnapshotsModule } from '../snapshots';
import { FEATURE_MODULES } from './feature-modules';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, secrets: Secrets): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Secrets, useValue: secrets }, Db, RequestTransactions, DomainEvents],
      exports: [APP_CONFIG, Secrets, Db, RequestTransactions, DomainEvents],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, secrets: Secrets): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Domain events between features (common/domain-events.ts). An 'error' event nobody listens to rejects.
        EventEmitterModule.forRoot({ ignoreErrors: false }),
        CoreModule.forRoot(config, secrets),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { poolSize: config.databasePool.size, poolWaitMs: config.databasePool.waitMs }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        AuditModule,
        PrivacyModule,
        SnapshotsModule,
        AuthModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ApiValidationPipe(),
        },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TransactionInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
