// The eight territory cartons of the 2023 forum, written into the seed's template boards
// through a stock y-websocket client, as each territory's table would have filled them:
// notes with the seed's sentences in the two columns, hearts and stars, and a photo.
import { PNG } from 'pngjs';
import { localOrigin, type NoteColor } from '@carton/board';
import { connectSeedClient } from './seed';

export interface TerritoryCarton {
  readonly present: readonly string[];
  readonly wished: readonly string[];
}

/** Sentences from the photographed cartons and the postcards' compilation (seed). */
export const CARTONS: Readonly<Record<string, TerritoryCarton>> = {
  Kamouraska: {
    present: ['Bon leadership', 'Processus légers et clairs', 'Compréhension commune des enjeux.'],
    wished: [
      'Budget pour des activités informelles dans le plaisir.',
      'Faire mieux connaître l’Alliance.',
      'Accepter que les choses peuvent prendre du temps.',
      'Rémunération pour les personnes citoyennes.',
    ],
  },
  'Rivière-du-Loup': {
    present: ['STRUCTURE CLAIRE', 'RESTER PROCHE DES GROUPES ET DES COMMUNAUTÉS', 'OUVERTURE'],
    wished: [
      'PÉRENNISER FINANCEMENT',
      'PROCESSUS PAS TROP INSTITUTIONNEL',
      'SOUPLESSE ADMINISTRATIVE',
      'AVOIR DU PLAISIR\u202f!',
    ],
  },
  Témiscouata: {
    present: [
      'RH à l’écoute des besoins des citoyen·nes et engagés',
      'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité',
      'Vision réaliste de notre réalité (grand territoire)',
      'Concertation forte entre partenaires, partage des savoirs',
    ],
    wished: [
      'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
      'Conditions qui permettent de combler des besoins de façon permanente (pas de projets qui tombent)',
      'Pouvoir développer de manière collective',
      'Financement systémique',
    ],
  },
  'Les Basques': {
    present: ['Lutte aux préjugés', 'Travail de rue', 'Proximité des intervenants'],
    wished: [
      'Évaluation des projets, pas seulement de la démarche',
      'Souplesse et confiance dans la gestion locale',
      '1 accompagnant·e citoyen par MRC\u00a0: poste permanent assuré',
    ],
  },
  'Rimouski-Neigette': {
    present: [
      'Accompagnement direct aux projets (Alliance + chargé de projet)',
      'Implication citoyenne + milieu',
      'Souplesse des partenaires à tous les paliers.',
    ],
    wished: [
      'Définir les rôles, mandats',
      'Bottom-up, flexibilité administrative',
      'Conserver les savoirs, apprentissages, expertise',
    ],
  },
  'La Mitis': {
    present: ['Communication locale-régionale', 'Stabilité accompagnement par le CRD'],
    wished: [
      '+ de citoyens, et les conditions pour maintenir leurs implications',
      'Plus de latitude locale pour le choix des projets/actions',
      'Vision claire et commune de la participation citoyenne',
    ],
  },
  'La Matapédia': {
    present: [
      'Accompagnement à la participation citoyenne',
      'Promotion du transport collectif et alternatif',
      'Bacs de jardinage en milieu de garde et écoles',
    ],
    wished: [
      'Ateliers culinaires thématiques «\u00a0Cuisinons\u00a0»',
      'Soutien à la lecture et à l’écriture',
    ],
  },
  'La Matanie': {
    present: ['Maillage sécurité alimentaire', 'Soupe sur le pouce', 'Accompagne-moi\u202f!'],
    wished: [
      'Communication entre organismes – services',
      'Meilleure réponse aux besoins (bottom up)',
      'Portes ouvertes sur le transport',
    ],
  },
};

/**
 * A small flyer-like PNG (four coloured bands, red at the top): the « photo » a table adds to its
 * carton.
 */
export function flyerPng(width = 120, height = 160): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const band = Math.floor((y * 4) / height);
      const [r, g, b] = [
        [214, 40, 57],
        [255, 214, 10],
        [29, 43, 58],
        [76, 175, 80],
      ][band]!;
      png.data[i] = r!;
      png.data[i + 1] = g!;
      png.data[i + 2] = b!;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

interface BoardRef {
  readonly id: string;
  readonly edit: { readonly token: string };
}

/** Uploads the flyer to the board; its blob id. */
export async function uploadFlyer(serverUrl: string, board: BoardRef): Promise<string> {
  const response = await fetch(`${serverUrl}/api/boards/${board.id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.edit.token}`, 'Content-Type': 'image/png' },
    body: new Uint8Array(flyerPng()),
  });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`image upload → ${response.status}`);
  return ((await response.json()) as { blobId: string }).blobId;
}

const PRESENT_COLORS: NoteColor[] = ['pink', 'yellow'];
const WISHED_COLORS: NoteColor[] = ['yellow', 'blue'];

/**
 * Fills a template territory board (carton, headings, two empty notes) with the carton's
 * sentences: the template's notes first, then more beside and below them; hearts and stars on
 * some; the photo (if given) in the present column's last row.
 */
export async function fillTerritory(
  syncUrl: string,
  board: BoardRef,
  carton: TerritoryCarton,
  blobId: string | null,
): Promise<void> {
  const { board: model, close } = await connectSeedClient(syncUrl, board.id, board.edit.token);
  try {
    model.run((tx) => {
      const shapes = model.listShapes();
      const cartonId = shapes.find((s) => s.type === 'carton')!.id;
      const empty = shapes.filter((s) => s.type === 'note' && s.text === '');
      const column = (texts: readonly string[], left: number, colors: NoteColor[]) =>
        texts.forEach((text, i) => {
          const x = left + (i % 3) * 240;
          const y = 190 + Math.floor(i / 3) * 250;
          const template = empty.find((n) => Math.abs(n.x - left) < 5 && n.y === 190);
          if (i === 0 && template) tx.update(template.id, { text });
          else
            tx.create('note', {
              x,
              y,
              w: 220,
              h: 220,
              text,
              color: colors[i % 2]!,
              parentId: cartonId,
            });
          if (i % 2 === 0)
            tx.create('stamp', {
              x: x + 180,
              y: y - 20,
              size: 48,
              kind: left < 800 ? 'heart' : 'star',
              color: left < 800 ? 'red' : 'orange',
              parentId: cartonId,
            });
        });
      column(carton.present, 60, PRESENT_COLORS);
      column(carton.wished, 860, WISHED_COLORS);
      if (blobId)
        tx.create('image', {
          x: 60,
          y: 700,
          w: 180,
          h: 240,
          blobId,
          mime: 'image/png',
          naturalWidth: 120,
          naturalHeight: 160,
          parentId: cartonId,
        });
    }, localOrigin('user:seed'));
    // Let the update leave before closing.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    close();
  }
}

/**
 * A yellow note saying `text` written in the board's carton at (`x`, `y`) from a territory's
 * table (another client, closed once it is sent).
 */
export async function writeAtTable(
  syncUrl: string,
  board: BoardRef,
  text: string,
  { x, y }: { x: number; y: number },
): Promise<void> {
  const { board: model, close } = await connectSeedClient(syncUrl, board.id, board.edit.token);
  try {
    model.run((tx) => {
      const carton = model.listShapes().find((s) => s.type === 'carton')!;
      tx.create('note', { x, y, w: 220, h: 220, text, color: 'yellow', parentId: carton.id });
    }, localOrigin('user:table'));
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    close();
  }
}
