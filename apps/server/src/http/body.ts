import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonError } from './errors.ts';

/** Reads and validates a JSON body: the data, or the 400 answer (R24's message style). */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: jsonError(c, 400, 'invalid_json', 'The body must be JSON.') };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
  return { ok: false, response: jsonError(c, 400, 'invalid_request', message) };
}

/** A request body that did not arrive whole within its deadline. */
export class BodyDeadlineError extends Error {
  override readonly name = 'BodyDeadlineError';
  constructor(readonly code: 'body_timeout' | 'upload_timeout') {
    super('The request body was not received in time.');
  }
}

/** The answer to a body past its deadline (R25's shape); the connection is closed after it. */
export function bodyDeadlineResponse(error: BodyDeadlineError): Response {
  const message =
    error.code === 'upload_timeout'
      ? 'The archive took too long to upload; try again on a faster connection.'
      : 'The request body took too long to arrive.';
  return new Response(JSON.stringify({ error: { code: error.code, message } }), {
    status: 408,
    headers: { 'content-type': 'application/json', connection: 'close' },
  });
}

export interface BodyDeadlines {
  /** Every body but uploads': small and bounded, so a short deadline. */
  bodyTimeoutMs: number;
  /** Archive uploads (gigabytes over a venue's wifi). */
  uploadTimeoutMs: number;
  isUpload(method: string, path: string): boolean;
}

type Fetch<E> = (request: Request, env: E) => Response | Promise<Response>;

/**
 * Node's `requestTimeout` is one value for the whole server, so it is raised to fit archive
 * uploads; every other request keeps a short deadline here: its body stream errors when the
 * deadline passes (the route stops waiting for a trickling client) and the answer becomes 408
 * JSON with `Connection: close`, whatever the route made of the error. The source is not
 * cancelled on expiry (that would destroy the socket before the answer leaves).
 */
export function withBodyDeadlines<E>(fetch: Fetch<E>, deadlines: BodyDeadlines): Fetch<E> {
  return async (request, env) => {
    // No body to wait for. (`request.body` itself is not touched until the route reads: on
    // @hono/node-server that starts reading the socket, and a body the route refused unread
    // could no longer be drained, which closed the keep-alive connection.)
    const length = request.headers.get('content-length');
    const chunked = request.headers.has('transfer-encoding');
    if (request.method === 'GET' || request.method === 'HEAD' || (!chunked && length === null)) {
      return fetch(request, env);
    }
    const upload = deadlines.isUpload(request.method, new URL(request.url).pathname);
    const expired = new BodyDeadlineError(upload ? 'upload_timeout' : 'body_timeout');
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    /** The route read the body to its end. */
    let ended = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          timer = setTimeout(
            () => {
              timedOut = true;
              controller.error(expired);
            },
            upload ? deadlines.uploadTimeoutMs : deadlines.bodyTimeoutMs,
          );
        },
        async pull(controller) {
          reader ??= request.body?.getReader();
          const next = reader ? await reader.read() : { done: true as const, value: undefined };
          if (timedOut) return;
          if (next.done) {
            ended = true;
            clearTimeout(timer);
            controller.close();
          } else controller.enqueue(next.value);
        },
        cancel(reason) {
          clearTimeout(timer);
          return reader?.cancel(reason) ?? request.body?.cancel(reason);
        },
      },
      // Nothing is read before the route asks.
      { highWaterMark: 0 },
    );
    // Built from the parts, not from `request`: copying a request reads its body.
    const wrapped = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      body,
      duplex: 'half',
    } as RequestInit);
    try {
      const response = await fetch(wrapped, env);
      if (timedOut) return bodyDeadlineResponse(expired);
      // Answered partway through the body (413 on a chunked body past its limit, 415 once the
      // first bytes show an SVG): the rest is still coming. Sent at once, the answer reached a
      // client still writing that body, which either kept the keep-alive socket and lost its
      // next request to the half-read body, or lost the answer to the reset of a socket closed
      // with unread bytes. So the rest is read and dropped first, within a bound.
      // A route that closes the connection with its answer (a stalled upload) is not waited.
      if (reader && !ended && response.headers.get('connection') !== 'close') {
        return await afterTheRest(response, reader);
      }
      return response;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * What is read of a body after its answer is decided (R25): enough for an honest client that
 * sent too much to read the JSON answer, far less than a hostile one would send.
 */
export const UNREAD_BODY_LIMITS = { maxBytes: 16 * 1024 * 1024, maxMs: 10_000 };

/**
 * Reads the rest of a refused body and drops it, then answers: on a connection that stays
 * usable if the body ended within UNREAD_BODY_LIMITS, else with `Connection: close` (the
 * server stops reading; a client still sending may see the connection reset).
 */
async function afterTheRest(
  response: Response,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<Response> {
  if (await dropTheRest(reader)) return response;
  const headers = new Headers(response.headers);
  headers.set('connection', 'close');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** True once the body ended; false past UNREAD_BODY_LIMITS or if it failed. */
async function dropTheRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), UNREAD_BODY_LIMITS.maxMs);
  });
  let bytes = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'expired') return false;
      if (next.done) return true;
      bytes += next.value.byteLength;
      if (bytes > UNREAD_BODY_LIMITS.maxBytes) return false;
    }
  } catch {
    return false; // the client went away or the body was cut: nothing left to answer well
  } finally {
    clearTimeout(timer);
  }
}

/** Time a request past its deadline has to send its JSON answer before its socket is cut. */
const ANSWER_GRACE_MS = 2_000;

/**
 * The same deadlines at the socket, for what the stream above does not see: a body the route
 * never read (a GET's, or one refused before reading) that the client keeps trickling while
 * the connection waits for the request's end. Past the deadline (and a moment for the JSON
 * answer), a request still incomplete loses its socket.
 */
export function watchBodyDeadlines(server: Server, deadlines: BodyDeadlines): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const upload = deadlines.isUpload(req.method ?? '', (req.url ?? '/').split('?')[0]!);
    const ms = (upload ? deadlines.uploadTimeoutMs : deadlines.bodyTimeoutMs) + ANSWER_GRACE_MS;
    const timer = setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, ms);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    res.once('close', () => {
      if (req.complete) clearTimeout(timer);
    });
  });
}
