// How to use `carton`, and what is wrong with a command typed wrong: in French (the alliance's
// admins), or in English for an English terminal (language.ts decides), like the rest of the CLI.
import type { CliLanguage } from './language.ts';

/** The sentences parseArgs refuses a command with. */
export interface UsageMessages {
  needsValue: (option: string) => string;
  unknownOption: (option: string, command: string) => string;
  exportNeedsForum: string;
  exportNeedsOut: string;
  linkNeedsForum: string;
  deleteNeedsForum: string;
  unexpected: (words: string) => string;
  importNeedsOneArchive: string;
  unknownCommand: (command: string) => string;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const ENGLISH_USAGE = `Usage:
  carton export --data <dir> --forum <forumId> --out <file.zip> [--no-png]
  carton import --data <dir> [--public-url <url>] [--json] <archive.zip>
  carton forums --data <dir>
  carton facilitator-link --data <dir> --forum <forumId> [--public-url <url>]
  carton delete --data <dir> --forum <forumId> --yes

Works on the data directory (carton.sqlite) whether the server runs or not; with
CARTON_DATABASE_URL set (the server's PostgreSQL), on that database instead (--data unused).
  export  writes the forum's archive: manifest.json, a JSON and a PNG per board.
  import  recreates the archived forum as a NEW forum and prints its new links.
  forums  lists the forums (id, date, title).
  facilitator-link  a lost facilitator link: issues a new one (the old one stops working;
          the boards' links keep working, and the page can replace them).
  delete  erases a forum for good: its boards, versions, photos and votes (export it first;
          this cannot be undone). Without --yes, says what it would erase and erases nothing.
Options:
  --data        the server's CARTON_DATA_DIR (default ./data)
  --public-url  base of the printed links (default $CARTON_PUBLIC_URL or http://localhost:8787)
  --json        print the links as the JSON POST /api/forums answers
  --yes         delete: yes, erase this forum for good`;

const FRENCH_USAGE = `Utilisation${NBSP}:
  carton export --data <dossier> --forum <idForum> --out <fichier.zip> [--no-png]
  carton import --data <dossier> [--public-url <adresse>] [--json] <archive.zip>
  carton forums --data <dossier>
  carton facilitator-link --data <dossier> --forum <idForum> [--public-url <adresse>]
  carton delete --data <dossier> --forum <idForum> --yes

Travaille sur le dossier de données (carton.sqlite), que le serveur tourne ou non${NNBSP}; avec
CARTON_DATABASE_URL (la base PostgreSQL du serveur), sur cette base (--data n’y sert pas).
  export  écrit l’archive du forum${NBSP}: manifest.json, un JSON et un PNG par tableau.
  import  recrée le forum archivé comme NOUVEAU forum et affiche ses nouveaux liens.
  forums  liste les forums (id, date, titre).
  facilitator-link  lien d’animation perdu${NBSP}: en donne un nouveau (l’ancien ne fonctionne
          plus${NNBSP}; les liens des tableaux restent valides, et la page peut les remplacer).
  delete  efface un forum pour de bon${NBSP}: tableaux, versions, photos et votes (exportez-le
          d’abord${NNBSP}; impossible d’annuler). Sans --yes, dit ce qu’il effacerait, sans rien effacer.
Options${NBSP}:
  --data        le CARTON_DATA_DIR du serveur (par défaut ./data)
  --public-url  début des liens affichés (par défaut $CARTON_PUBLIC_URL ou http://localhost:8787)
  --json        affiche les liens comme la réponse JSON de POST /api/forums
  --yes         delete${NBSP}: oui, effacer ce forum pour de bon`;

const ENGLISH: UsageMessages = {
  needsValue: (option) => `--${option} needs a value`,
  unknownOption: (option, command) => `unknown option --${option} for ${command}`,
  exportNeedsForum: 'export needs --forum <forumId> (carton forums lists them)',
  exportNeedsOut: 'export needs --out <file.zip>',
  linkNeedsForum: 'facilitator-link needs --forum <forumId> (carton forums lists them)',
  deleteNeedsForum: 'delete needs --forum <forumId> (carton forums lists them)',
  unexpected: (words) => `unexpected ${words}`,
  importNeedsOneArchive: 'import needs exactly one <archive.zip>',
  unknownCommand: (command) =>
    `unknown command ${command} (export, import, forums, facilitator-link or delete)`,
};

const FRENCH: UsageMessages = {
  needsValue: (option) => `--${option} attend une valeur`,
  unknownOption: (option, command) => `option inconnue --${option} pour ${command}`,
  exportNeedsForum: 'export demande --forum <idForum> (carton forums les liste)',
  exportNeedsOut: 'export demande --out <fichier.zip>',
  linkNeedsForum: 'facilitator-link demande --forum <idForum> (carton forums les liste)',
  deleteNeedsForum: 'delete demande --forum <idForum> (carton forums les liste)',
  unexpected: (words) => `en trop${NBSP}: ${words}`,
  importNeedsOneArchive: 'import demande une seule <archive.zip>',
  unknownCommand: (command) =>
    `commande inconnue ${command} (export, import, forums, facilitator-link ou delete)`,
};

export const usageText = (language: CliLanguage): string =>
  language === 'en' ? ENGLISH_USAGE : FRENCH_USAGE;

export const usageMessages = (language: CliLanguage): UsageMessages =>
  language === 'en' ? ENGLISH : FRENCH;
