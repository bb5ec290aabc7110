import { describe, expect, it } from 'vitest';
import { nameToOpenWith } from './displayName';

describe('the name a board page opens with', () => {
  it('does not hold a view link behind the name prompt: a viewer takes the default name', () => {
    expect(nameToOpenWith('view', null, 'Personne invitée')).toBe('Personne invitée');
  });

  it('asks a participant or the facilitator who has no name yet', () => {
    expect(nameToOpenWith('edit', null, 'Personne invitée')).toBeNull();
    expect(nameToOpenWith('facilitator', null, 'Personne invitée')).toBeNull();
  });

  it('keeps a name already given on this device, whatever the link', () => {
    for (const role of ['view', 'edit', 'facilitator'] as const)
      expect(nameToOpenWith(role, 'Nathalie', 'Personne invitée')).toBe('Nathalie');
  });
});
