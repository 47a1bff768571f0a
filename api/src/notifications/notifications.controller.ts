import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoutes, NotificationList, OutboxMessage, OutboxMessageSummary, TOTAL_COUNT_HEADER } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { OutboxQueryDto } from './dto/outbox.dto';
import { NotificationsService } from './notifications.service';

/** Another person's notification, or a made-up id, is simply not there. */
const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Permit('notifications.mine')
  @Get(ApiRoutes.notifications.mine)
  mine(@CallerParam() caller: Caller): Promise<NotificationList> {
    return this.notifications.list(caller.personId);
  }

  @Permit('notifications.read')
  @Post(ApiRoutes.notifications.read)
  @HttpCode(204)
  read(@CallerParam() caller: Caller, @Param('notificationId', UUID_PIPE) notificationId: string): Promise<void> {
    return this.notifications.markRead(caller.personId, notificationId);
  }

  @Permit('notifications.readAll')
  @Post(ApiRoutes.notifications.readAll)
  @HttpCode(204)
  readAll(@CallerParam() caller: Caller): Promise<void> {
    return this.notifications.markAllRead(caller.personId);
  }

  /** Every e-mail Kunna sent or holds for the organisation: without SMTP this is where mail can be read. */
  @Permit('notifications.outbox')
  @Get(ApiRoutes.notifications.outbox)
  async outbox(@CallerParam() caller: Caller, @Query() query: OutboxQueryDto, @Res({ passthrough: true }) response: Response): Promise<OutboxMessageSummary[]> {
    const page = await this.notifications.outbox(caller.organisationId, query.limit ?? 50, query.offset ?? 0);
    response.setHeader(TOTAL_COUNT_HEADER, String(page.total));
    return page.items;
  }

  @Permit('notifications.outboxMessage')
  @Get(ApiRoutes.notifications.outboxMessage)
  outboxMessage(@CallerParam() caller: Caller, @Param('messageId', UUID_PIPE) messageId: string): Promise<OutboxMessage> {
    return this.notifications.outboxMessage(caller.organisationId, messageId);
  }
}
