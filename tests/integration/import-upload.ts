// Shared by the forum import tests: an archive upload left open, so a test can write its body a
// piece at a time and look at the server meanwhile, then await the answer.
import http from 'node:http';

export interface OpenUpload {
  readonly request: http.ClientRequest;
  /** The answer's status, once the server answers (the body is drained). */
  readonly status: Promise<number>;
}

/** Starts a POST of a zip to `url` and leaves it unfinished: the caller writes and ends it. */
export function openZipUpload(url: string): OpenUpload {
  const request = http.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/zip' },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
  });
  return { request, status };
}
