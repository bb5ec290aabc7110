import { describe, expect, it } from 'vitest';
import { ApiError } from '../../board/api';
import {
  PICTURE_RETRY_FIRST_MS,
  PICTURE_RETRY_MAX_MS,
  pictureRetryDelay,
  pictureWorthRetrying,
} from './pictureRetry';

describe('pictureWorthRetrying', () => {
  it('fetches again a picture the network or a busy server did not give', () => {
    expect(pictureWorthRetrying(new TypeError('Failed to fetch'))).toBe(true);
    expect(
      pictureWorthRetrying(new ApiError(503, 'image_unavailable', 'Service Unavailable')),
    ).toBe(true);
    expect(pictureWorthRetrying(new ApiError(429, 'image_unavailable', 'Too Many Requests'))).toBe(
      true,
    );
  });

  it('leaves the grey block for a picture the forum lacks, a dead link or unreadable bytes', () => {
    expect(pictureWorthRetrying(new ApiError(404, 'image_unavailable', 'Not Found'))).toBe(false);
    expect(pictureWorthRetrying(new ApiError(403, 'image_unavailable', 'Forbidden'))).toBe(false);
    expect(pictureWorthRetrying(new Event('error'))).toBe(false);
  });
});

describe('pictureRetryDelay', () => {
  it('waits longer each time, never more than PICTURE_RETRY_MAX_MS', () => {
    expect(pictureRetryDelay(0)).toBe(PICTURE_RETRY_FIRST_MS);
    expect(pictureRetryDelay(1)).toBe(2 * PICTURE_RETRY_FIRST_MS);
    expect(pictureRetryDelay(20)).toBe(PICTURE_RETRY_MAX_MS);
  });
});
