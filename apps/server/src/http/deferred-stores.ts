import type { ServerStores } from './server.ts';

/**
 * A test double for the stores: the real SQLite stores behind them, but every method answers
 * with a promise settled on a later macrotask (setImmediate), as a network database would, so
 * that other requests run in between. Each answer remembers whether anyone consumed it (an
 * `await`, `.then`, `Promise.all`): an answer nobody consumed is a caller that forgot to await.
 */

/** A promise that notes when it is consumed. `await` calls `then` on it (not a plain Promise). */
class Answer<T> extends Promise<T> {
  // Promises derived from it (then, catch) are plain ones: only store answers are tracked.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  consumed = false;

  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.consumed = true;
    return super.then(onFulfilled, onRejected);
  }
}

type Deferred<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K];
};

export class DeferredStores {
  /** Every call, as `store.method`, in order. */
  readonly calls: string[] = [];
  readonly #answers: Array<{ call: string; answer: Answer<unknown> }> = [];
  readonly #held = new Map<string, Array<() => void>>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #heldAnswers = new Map<string, (answer: () => void) => void>();

  wrapAll(stores: ServerStores): ServerStores {
    return {
      forums: this.wrap('forums', stores.forums),
      blobs: this.wrap('blobs', stores.blobs),
      votes: this.wrap('votes', stores.votes),
    };
  }

  wrap<T extends object>(name: string, store: T): Deferred<T> {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) =>
          this.#call(`${name}.${property}`, () =>
            (value as (...a: unknown[]) => unknown).apply(target, args),
          );
      },
    }) as unknown as Deferred<T>;
  }

  /** Calls to `call` wait (unanswered) until the returned function is called. */
  hold(call: string): () => void {
    const queue: Array<() => void> = [];
    this.#held.set(call, queue);
    return () => {
      this.#held.delete(call);
      for (const run of queue) run();
    };
  }

  /**
   * The next call of `call` runs at once (its read sees the data as it is now) but its answer
   * waits until the returned function is called: a read overtaken by later writes.
   */
  holdAnswer(call: string): () => void {
    let deliver: (() => void) | null = null;
    let released = false;
    this.#heldAnswers.set(call, (answer) => {
      if (released) answer();
      else deliver = answer;
    });
    return () => {
      released = true;
      this.#heldAnswers.delete(call);
      deliver?.();
    };
  }

  /** Resolves at the next call of `call` (e.g. `forums.findGrant`). */
  nextCall(call: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.#waiting.get(call) ?? [];
      list.push(resolve);
      this.#waiting.set(call, list);
    });
  }

  /**
   * The calls whose answer nobody consumed (each one is a missing `await`) since the last time
   * this was asked.
   */
  takeUnconsumed(): string[] {
    const missed = this.#answers.filter(({ answer }) => !answer.consumed).map(({ call }) => call);
    this.#answers.length = 0;
    return missed;
  }

  #call(call: string, run: () => unknown): Answer<unknown> {
    this.calls.push(call);
    const heldAnswer = this.#heldAnswers.get(call);
    if (heldAnswer) {
      this.#heldAnswers.delete(call);
      return this.#track(
        call,
        new Answer<unknown>((resolve, reject) => {
          let outcome: () => void;
          try {
            const value = run();
            outcome = () => resolve(value);
          } catch (error) {
            outcome = () => reject(error instanceof Error ? error : new Error(String(error)));
          }
          heldAnswer(() => setImmediate(outcome));
        }),
      );
    }
    const answer = new Answer<unknown>((resolve, reject) => {
      const later = () =>
        setImmediate(() => {
          try {
            resolve(run());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      const held = this.#held.get(call);
      if (held) held.push(later);
      else later();
    });
    return this.#track(call, answer);
  }

  #track(call: string, answer: Answer<unknown>): Answer<unknown> {
    this.#answers.push({ call, answer });
    const waiting = this.#waiting.get(call);
    this.#waiting.delete(call);
    for (const resolve of waiting ?? []) resolve();
    return answer;
  }
}
