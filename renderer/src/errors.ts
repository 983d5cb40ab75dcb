// What the operator reads when something fails: French, chosen by the stable code, never the English
// message alone (that one is shown as a detail line because it names the file).
import type { WireCode, WireError } from '../../core/api/wire';

const MESSAGES: Record<WireCode, string> = {
  'file-not-found': 'Fichier introuvable.',
  'file-unreadable': 'Impossible de lire ce fichier.',
  'not-a-pdf': "Ce fichier n'est pas un PDF. Choisissez le PDF produit par le copieur.",
  'pdf-corrupt': 'Ce PDF est endommagé ou incomplet. Copiez-le de nouveau ou refaites le scan.',
  'pdf-encrypted': 'Ce PDF est protégé par un mot de passe. Désactivez le chiffrement sur le copieur.',
  'pdf-empty': 'Ce PDF ne contient aucune page.',
  'pdf-too-many-pages': 'Ce PDF contient trop de pages pour un seul lot. Traitez-le en plusieurs lots.',
  'pdf-duplicate': 'Le même PDF a été choisi deux fois.',
  'page-unreadable': 'Une page de ce PDF ne peut pas être lue. Refaites le scan de cette feuille.',
  'roster-invalid': "La liste des élèves n'est pas utilisable. Exportez-la de nouveau depuis Pronote (CSV).",
  'output-invalid': 'La station ne peut pas écrire les copies dans son dossier de données.',
  'bad-arguments': 'Demande incomplète ou invalide.',
  'db-too-new':
    'Les données de la station ont été écrites par une version plus récente. Mettez la station à jour.',
  busy: 'Un autre programme de la station enregistre en ce moment. Réessayez dans un instant.',
  'batch-not-found': "Ce lot n'existe pas (ou plus) dans la station.",
  'copy-not-found': "Cette copie n'existe plus : l'affichage n'était pas à jour. Rechargez le lot.",
  'decision-invalid': "Cette correction ne peut pas être appliquée aux copies telles qu'elles sont.",
  'login-refused':
    'Le serveur Korrigo a refusé la connexion : mot de passe erroné, compte non enseignant, ou trop de connexions (attendez 15 minutes).',
  'server-refused': 'Le serveur Korrigo ne peut pas recevoir ces copies ainsi (adresse, examen ou mode).',
  'server-unreachable':
    'Le serveur Korrigo ne répond pas ou demande d’attendre : les copies restent en file, relancez plus tard.',
  internal: 'Erreur interne de la station. Les détails sont dans son journal.',
  'unknown-method': "Cette action n'existe pas dans cette version de la station.",
  forbidden:
    'Accès refusé. Ouvrez la station avec le lien affiché au lancement de « korrigo-station serve ».',
  unreachable: "La station ne répond pas. Vérifiez qu'elle est toujours lancée.",
};

export interface ShownError {
  message: string;
  /** The station's own words, naming the file: useful to whoever fixes it, shown smaller. */
  detail: string | undefined;
}

export function describeError(error: WireError): ShownError {
  return {
    message: MESSAGES[error.code],
    detail: error.code === 'internal' ? undefined : error.message,
  };
}
