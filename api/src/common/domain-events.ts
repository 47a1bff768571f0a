import { Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterReadinessWatcher, OnEvent } from '@nestjs/event-emitter';

/**
 * A domain event's class: a fact one feature announces (sessions cancelled, attendance recorded) for other features to
 * act on, so that the announcing feature does not call theirs. It is defined in the announcing feature and exported
 * from its index.ts; its `eventName` is unique across features ('sessions.statusChanged').
 */
export interface DomainEventType<E extends object = object> {
  readonly eventName: string;
  new (...args: never[]): E;
}

/** What a listener wrapped by OnDomainEvent answers when it threw: the error travels back to `publish` as a value. */
class ListenerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Publishes domain events to the listeners of other features (`@OnDomainEvent`), in process, and waits for them.
 * Listeners run in the publisher's AsyncLocalStorage context, so inside a request they use the request's transaction
 * (`Db.manager`): their writes commit with the request's, and a listener's error is thrown from `publish`, so the
 * request fails and everything it wrote, the listeners' writes included, is rolled back.
 */
@Injectable()
export class DomainEvents {
  constructor(
    private readonly emitter: EventEmitter2,
    private readonly ready: EventEmitterReadinessWatcher,
  ) {}

  async publish(event: object): Promise<void> {
    const eventName = (event.constructor as Partial<DomainEventType>).eventName;
    if (!eventName) throw new Error(`${event.constructor.name} is not a domain event: it has no static eventName`);
    // Listeners are subscribed when the application bootstraps; nothing published before then may go unheard.
    await this.ready.waitUntilReady();
    const results: unknown[] = (await this.emitter.emitAsync(eventName, event)) || [];
    const failure = results.find((result) => result instanceof ListenerFailure);
    if (failure) throw failure.error;
  }
}

/**
 * Marks a provider's method as a listener of a domain event. The method runs after the publisher's current step
 * (`async`), the publisher waits for it (`promisify`), and its error is not only logged (`suppressErrors: false`).
 * Errors come back as values and `publish` throws the first once every listener has finished: with Promise.all's
 * rejection the request could roll back while another listener was still writing, then outside the transaction.
 */
export function OnDomainEvent(type: DomainEventType): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const listener = descriptor.value as (event: object) => unknown;
    descriptor.value = async function (this: unknown, event: object): Promise<ListenerFailure | undefined> {
      try {
        await listener.call(this, event);
        return undefined;
      } catch (error) {
        return new ListenerFailure(error);
      }
    };
    return OnEvent(type.eventName, { async: true, promisify: true, suppressErrors: false })(target, key, descriptor);
  };
}
