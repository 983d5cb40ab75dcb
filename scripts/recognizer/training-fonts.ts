// Which fonts the cell classifier learns from, which only calibrate it, and which it never sees.
// The extra families come from Debian packages and from the @fontsource/* dev dependencies (made visible by
// synth/training-fontconfig.ts), installed for training only (tests and CI need just the six generator
// handwriting fonts and fonts-dejavu-core). The Debian packages:
//   apt-get install fonts-dkg-handwriting fonts-bwht fonts-rufscript fonts-kristi fonts-kaushanscript \
//     fonts-cabinsketch fonts-sil-andika fonts-seto fonts-kiloji fonts-dustin fonts-freefont-ttf fonts-liberation \
//     fonts-lobster fonts-leckerli-one fonts-havana

import { FONTSOURCE_FAMILIES } from './synth/training-fontconfig';

/**
 * Handwriting fonts kept out of training, calibration and every tuning decision, so their accuracy says how
 * the classifier does on a hand it has never seen. Chosen before any result: a thin sketchy print hand and a
 * cursive one.
 */
export const HELD_OUT_FONTS: readonly string[] = ['Breip', 'Dancing Script'];

/**
 * @fontsource hands kept out of training and calibration too, measured by evaluate.ts only (the generator's
 * scans and CI do not install them). Chosen before the first model trained on @fontsource hands: a rounded
 * print hand and a thin slanted one.
 */
export const HELD_OUT_FONTSOURCE_FONTS: readonly string[] = ['Indie Flower', 'Shadows Into Light'];

/**
 * Fonts the classifier never trains on but whose cells set its softmax temperature: overconfidence shows only
 * on hands the network has not memorised.
 */
export const CALIBRATION_FONTS: readonly string[] = ['Because We Create', 'Kaushan Script', 'DkgHandwriting'];

/** The generator's handwriting fonts that training may use. */
export const TRAINING_HANDWRITING_FONTS: readonly string[] = [
  'Humor Sans',
  'Comic Neue',
  'femkeklaver',
  'Klee One',
];

/** The @fontsource handwriting families training reads: all that synth/training-fontconfig.ts installs but the held-out ones. */
export const TRAINING_FONTSOURCE_FONTS: readonly string[] = Object.values(FONTSOURCE_FAMILIES).filter(
  (font) => !HELD_OUT_FONTSOURCE_FONTS.includes(font),
);

export const TRAINING_FONTS: readonly string[] = [
  ...TRAINING_HANDWRITING_FONTS,
  ...TRAINING_FONTSOURCE_FONTS,
  'Because We Build',
  'Because We Connect',
  'Because We Learn',
  'Because We Mentor',
  'Because We Organize',
  'Rufscript',
  'Kristi',
  // Script capitals: the first model's weakest calibration font was a script (Kaushan).
  'Lobster Two',
  'Leckerli One',
  'Havana',
  'Cabin Sketch',
  'Andika',
  'SetoFont',
  'kiloji',
  'Dustismo',
  'Domestic Manners',
  'DejaVu Sans',
  'DejaVu Sans Mono',
  'Liberation Sans',
  'Liberation Serif',
  'FreeSans',
  'FreeMono',
];
