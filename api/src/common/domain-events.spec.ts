import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { currentRequest, requestContext } from '../database/request-context';
import { DomainEvents, OnDomainEvent } from './domain-events';

class SomethingHappened {
  static readonly eventName = 'test.somethingHappened';
  constructor(readonly fail: boolean) {}
}

class NotAnEvent {}

@Injectable()
class Listeners {
  heard: string[] = [];
  slowFinished = false;

  @OnDomainEvent(SomethingHappened)
  fast(event: SomethingHappened): Promise<void> {
    this.heard.push(`fast:${currentRequest()?.requestId}`);
    // A listener that answers a promise (rejected when it fails), without awaiting anything itself.
    return event.fail ? Promise.reject(new Error('fast listener failed')) : Promise.resolve();
  }

  @OnDomainEvent(SomethingHappened)
  async slow(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 30));
    this.heard.push(`slow:${currentRequest()?.requestId}`);
    this.slowFinished = true;
  }
}

@Module({ imports: [EventEmitterModule.forRoot({ ignoreErrors: false })], providers: [DomainEvents, Listeners] })
class TestModule {}

describe('DomainEvents', () => {
  let app: INestApplicationContext;
  let events: DomainEvents;
  let listeners: Listeners;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    await app.init();
    events = app.get(DomainEvents);
    listeners = app.get(Listeners);
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    listeners.heard = [];
    listeners.slowFinished = false;
  });

  it('runs every listener in the publisher’s request context and waits for them', async () => {
    await requestContext.run({ requestId: 'r1', ip: null }, () => events.publish(new SomethingHappened(false)));
    expect(listeners.heard.sort()).toEqual(['fast:r1', 'slow:r1']);
  });

  it('throws a listener’s error, once every listener has finished', async () => {
    const published = requestContext.run({ requestId: 'r2', ip: null }, () => events.publish(new SomethingHappened(true)));
    await expect(published).rejects.toThrow('fast listener failed');
    // The request's transaction is rolled back only after this: no listener is still writing in it.
    expect(listeners.slowFinished).toBe(true);
  });

  it('refuses an object that names no event', async () => {
    await expect(events.publish(new NotAnEvent())).rejects.toThrow('NotAnEvent is not a domain event');
  });
});
