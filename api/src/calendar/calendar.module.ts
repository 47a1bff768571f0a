import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** iCalendar feeds of a person's or a unit's sessions at secret, revocable URLs. */
@Module({ controllers: [CalendarController], providers: [CalendarRepository, CalendarService] })
export class CalendarModule {}
