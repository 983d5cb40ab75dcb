// What a log entry did, in one English line, for `decide`, `undo`, `redo` and `history`.
import type { LogAction, PageRef } from '../core/decisions/decision';

const pageName = (page: PageRef) => `page ${page.file}:${page.source}:${page.half}`;

export function describeAction(action: LogAction): string {
  switch (action.kind) {
    case 'assign-student':
      return action.student
        ? `copy ${action.copyId} assigned to ${action.student.name} <${action.student.email}>`
        : `copy ${action.copyId}: student taken back`;
    case 'move-page':
      return `${pageName(action.page)} moved to copy ${action.toCopyId}, position ${action.toIndex + 1}`;
    case 'move-pages':
      return `${action.pages.map(pageName).join(', ')} moved to copy ${action.toCopyId}, from position ${action.toIndex + 1}`;
    case 'rotate-page':
      return `${pageName(action.page)} turned ${action.rotate}°`;
    case 'mark-blank':
      return `${pageName(action.page)} marked ${action.blank ? 'blank' : 'not blank'}`;
    case 'split-copy':
      return `copy ${action.copyId} split before its page ${action.at + 1}`;
    case 'merge-copies':
      return `copy ${action.copyId} merged into copy ${action.intoCopyId}`;
    case 'validate-copy':
      return `copy ${action.copyId} validated`;
    case 'accept':
      return `copy ${action.copyId} accepted for ${action.student.name} <${action.student.email}>`;
    case 'check-page-order':
      return `copy ${action.copyId}: page order ${action.checked ? 'checked' : 'check taken back'}`;
    case 'not-on-roster':
      return `copy ${action.copyId}: student not on the roster`;
    case 'keep-rescan':
      return `rescan with ${pageName(action.setAside)} kept instead of the sheet from ${pageName(action.replaces)}`;
    case 'undo':
      return `undo of #${action.target}`;
    case 'redo':
      return `redo of #${action.target}`;
  }
}
