import { Module } from '@nestjs/common';
import { CsvUploadInterceptor } from './csv-upload.interceptor';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Import of units and staff from an HR system's CSV export. */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, CsvUploadInterceptor],
  exports: [ImportsRepository],
})
export class ImportsModule {}
