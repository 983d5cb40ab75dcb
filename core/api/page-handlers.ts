import type { PagesHandlers } from './contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handlers';
import { thumbnailArgs } from './schemas';
import { thumbnailUrl } from './thumbnail-url';

export function pageHandlers(deps: HandlerDeps): HandlerTable<PagesHandlers> {
  return {
    'pages.thumbnail': {
      args: thumbnailArgs,
      run: async (key) => {
        await deps.thumbnails.file(key);
        return { url: thumbnailUrl(key) };
      },
    },
  };
}
