import { useHost } from '../../host';
import { fromBrowserFiles, fromPaths } from './chosen-file';
import type { ChosenFile } from './chosen-file';

interface FilePickerProps {
  label: string;
  /** Extensions without the dot. */
  extensions: string[];
  multiple: boolean;
  onChosen: (files: ChosenFile[]) => void;
}

/** The OS dialog in Electron (it yields paths), a file input in the browser (it yields bytes). Both are
 * disabled by their enclosing <fieldset>. */
export function FilePicker({ label, extensions, multiple, onChosen }: FilePickerProps) {
  const host = useHost();
  if (host.kind === 'desktop') {
    const pick = async () => {
      const paths = await host.bridge.pickFiles({ title: label, extensions, multiple });
      if (paths.length > 0) onChosen(fromPaths(paths));
    };
    return (
      <button type="button" className="button-secondary" onClick={() => void pick()}>
        {label}
      </button>
    );
  }
  return (
    <label className="button-secondary file-label">
      {label}
      <input
        type="file"
        className="visually-hidden"
        accept={extensions.map((extension) => `.${extension}`).join(',')}
        multiple={multiple}
        onChange={(event) => {
          onChosen(fromBrowserFiles(event.currentTarget.files));
          // Choosing the same file again must fire onChange again.
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}
