// The API's method names at runtime, for allowlists in processes that must not load the handlers
// (Electron main). A Record literal makes the compiler refuse both a missing and an unknown name.
import type { MethodName } from './contract';

const METHODS: Record<MethodName, true> = {
  'station.info': true,
  'station.hotFolder': true,
  'station.setHotFolder': true,
  'batches.process': true,
  'batches.export': true,
  'batches.list': true,
  'batches.get': true,
  'batches.history': true,
  'batches.roster': true,
  'copies.decide': true,
  'copies.undo': true,
  'copies.redo': true,
  'copies.reading': true,
  'pages.thumbnail': true,
  'pages.withdrawThumbnail': true,
  'sync.exams': true,
  'sync.run': true,
  'sync.status': true,
  'sync.retry': true,
  'sync.forget': true,
  'sync.accept': true,
};

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}
