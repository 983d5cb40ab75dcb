// The desktop app's file grants, attacked as a compromised renderer would: naming files nobody picked.
import { describe, expect, it } from 'vitest';
import { FileGrants } from '../../electron/file-grants';

describe("the desktop app's file grants", () => {
  it('lets a call name only files picked in the dialog', () => {
    const grants = new FileGrants();
    const call = { scans: ['/home/prof/scans/SKM1.pdf'], roster: '/home/prof/eleves.csv' };
    expect(grants.allows('batches.process', call)).toBe(false);
    grants.grant(['/home/prof/scans/SKM1.pdf']);
    expect(grants.allows('batches.process', call)).toBe(false);
    grants.grant(['/home/prof/eleves.csv']);
    expect(grants.allows('batches.process', call)).toBe(true);
    // The same file by another spelling is the same grant; another file is not.
    expect(
      grants.allows('batches.process', {
        scans: ['/home/prof/scans/../scans/SKM1.pdf'],
        roster: '/home/prof/eleves.csv',
      }),
    ).toBe(true);
    for (const roster of ['/etc/passwd', '/dev/zero', '/home/prof/other.csv']) {
      expect(grants.allows('batches.process', { ...call, roster }), roster).toBe(false);
    }
  });

  it('lets the hot folder be only a folder and a roster picked in the dialogs', () => {
    const grants = new FileGrants();
    const call = { folder: '/home/prof/scanner', roster: '/home/prof/eleves.csv' };
    expect(grants.allows('station.setHotFolder', call)).toBe(false);
    grants.grant(['/home/prof/scanner']);
    expect(grants.allows('station.setHotFolder', call)).toBe(false);
    grants.grant(['/home/prof/eleves.csv']);
    expect(grants.allows('station.setHotFolder', call)).toBe(true);
    expect(grants.allows('station.setHotFolder', { ...call, folder: '/etc' })).toBe(false);
    // Stopping names no file.
    expect(new FileGrants().allows('station.setHotFolder', { folder: null })).toBe(true);
  });

  it('leaves calls that name no file alone', () => {
    const grants = new FileGrants();
    expect(grants.allows('batches.list', {})).toBe(true);
    expect(grants.allows('batches.get', { batchId: '0123456789ab' })).toBe(true);
  });
});
