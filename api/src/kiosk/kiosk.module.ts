import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks';
import { KioskController } from './kiosk.controller';
import { KioskService } from './kiosk.service';

/** The locked kiosk tablet: a credential bound to one check round (the access guard enforces the binding). */
@Module({
  imports: [ChecksModule],
  controllers: [KioskController],
  providers: [KioskService],
})
export class KioskModule {}
