// Imported statically, not read from a folder at run time: a bundler would not copy the folder, and the CLI
// and the desktop app must apply exactly the same list.
import type { Migration } from '../migration';
import { init } from './0001_init';
import { sideReadings } from './0002_side_readings';
import { annexesSetAside } from './0003_annexes_set_aside';
import { syncOutbox } from './0004_sync_outbox';
import { syncReasonCode } from './0005_sync_reason_code';
import { pageOrderChecked } from './0006_page_order_checked';
import { fingerprintText } from './0007_fingerprint_text';

export const MIGRATIONS: readonly Migration[] = [
  init,
  sideReadings,
  annexesSetAside,
  syncOutbox,
  syncReasonCode,
  pageOrderChecked,
  fingerprintText,
];
