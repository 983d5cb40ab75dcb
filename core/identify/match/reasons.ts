// Review reasons, in short stable English: the UI may translate them by their fixed part, and operators
// learn to recognise them. Variable parts (names, sheet labels, numbers) come after the fixed wording.

export const REASON = {
  headerEmpty: 'the header is empty',
  headerUnreadable: 'the header could not be read',
  noRosterMatch: 'no roster student matches the header',
  weakMatch: 'the best roster match is too weak',
  nameTooWeak: 'the name is too poorly read to identify the student',
  dateDisagrees: 'the birth date does not match the best roster match',
  closeCandidates: 'several roster students match the header closely',
} as const;

export function sameStudentElsewhere(otherCopy: string): string {
  return `another copy matches the same student: ${otherCopy}`;
}

export function bestCandidateTaken(student: string, otherCopy: string): string {
  return `the best candidate ${student} is already identified on another copy: ${otherCopy}`;
}
