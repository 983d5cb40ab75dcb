// How often students leave a header row empty, shared by the student hypotheses and the "nobody" model so
// that neither gains from a blank row just by how it was modelled.

/** A name row left empty although the student knows their name: forgotten, or written elsewhere. */
export const NAME_ROW_LEFT_EMPTY = 0.02;
/** The birth date row is skipped a little more often than the names. */
export const DATE_ROW_LEFT_EMPTY = 0.03;
