// Test support: a WebSocket upgrade a real Carton server refuses, read as the routes' JSON error.
import WebSocket from 'ws';

/**
 * An upgrade the server refuses before the handshake: its status, headers and JSON body (rejects
 * if the upgrade succeeds). Optionally from a local address and with an Origin.
 */
export function refusedUpgradeFrom(
  url: string,
  options: { localAddress?: string; origin?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error: { code: string; message: string } };
}> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade succeeded'));
    });
    ws.once('unexpected-response', (request, response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        try {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(text),
          });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  });
}

/**
 * Tries a WebSocket upgrade that should be refused. Resolves with the HTTP status and JSON body
 * of the refusal; rejects if a WebSocket was ever opened.
 */
export async function refusedUpgrade(
  url: string,
): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  const { status, body } = await refusedUpgradeFrom(url);
  return { status, body };
}
