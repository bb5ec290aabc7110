import { afterEach, describe, expect, it } from 'vitest';
import { onNameGiven, rememberName } from './identity';

describe('a name given on this page', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('reaches the board page (« Changer de nom »), trimmed as it is remembered', () => {
    const heard: string[] = [];
    stops.push(onNameGiven((name) => heard.push(name)));
    rememberName('  Nathalie Lavoie ');
    expect(heard).toEqual(['Nathalie Lavoie']);
  });

  it('no longer reaches a page that stopped listening', () => {
    const heard: string[] = [];
    const stop = onNameGiven((name) => heard.push(name));
    stop();
    rememberName('Personne invitée');
    expect(heard).toEqual([]);
  });
});
