import type { PagesHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { thumbnailArgs } from './schemas';
import { thumbnailUrl } from '../api/thumbnail-url';

export function pageHandlers(deps: HandlerDeps): HandlerTable<PagesHandlers> {
  return {
    'pages.thumbnail': {
      args: thumbnailArgs,
      run: async (key) => {
        await deps.thumbnails.file(key);
        return { url: thumbnailUrl(key) };
      },
    },
    'pages.withdrawThumbnail': {
      args: thumbnailArgs,
      run: async (key) => ({ withdrawn: deps.thumbnails.withdraw(key) }),
    },
  };
}
