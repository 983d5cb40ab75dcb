// French-looking exam prose for the handwritten body. Only its look matters: nobody reads it.

export const WORDS: readonly string[] = (
  'la le les une des du de et est dans pour sur avec par donc alors car mais ainsi or on nous ' +
  'fonction dérivée intervalle limite suite réelle tout tel que soit montrer démontrer calculer ' +
  'en déduire variations tableau signe positive négative croissante décroissante strictement ' +
  'équation solution unique théorème valeurs intermédiaires continue admet probabilité événement ' +
  'loi binomiale paramètres espérance variance vecteur plan droite repère orthonormé coordonnées ' +
  'point milieu produit scalaire orthogonaux colinéaires énergie cinétique vitesse accélération ' +
  'force réaction chimique molécule concentration solution volume masse molaire quantité matière ' +
  'cellule génétique protéine enzyme réponse question hypothèse résultat conclusion méthode ' +
  'premier second dernier terme raison géométrique arithmétique récurrence initialisation hérédité ' +
  'vraie fausse ceci cela chaque entier naturel nombre complexe module argument forme exponentielle ' +
  'aire volume rayon cercle triangle rectangle hauteur côté angle mesure degrés radians graphique ' +
  "courbe tangente coefficient directeur ordonnée origine abscisse d'où c'est-à-dire l'on qu'il"
).split(' ');

export const MATH_TOKENS: readonly string[] = [
  'f(x)',
  "f'(x)",
  '=',
  '2x+3',
  '(1)',
  'u(n+1)',
  '<',
  '>',
  '0,5',
  'P(A)',
  'n=1',
  '3/4',
];

export const HEADINGS: readonly string[] = [
  'Exercice 1',
  'Exercice 2',
  'Exercice 3',
  'Partie A',
  'Partie B',
  'Question 1)',
  'Question 2)',
  '1) a)',
  'b)',
];
