import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';

/** Saves bytes the way the report export does: the browser's (or the window's) download, where the user says. */
function saveZip(name: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Create a support bundle (cdx-setup diagnostics): the latest prerequisite report, the logs, journals, instances and
 * settings, no password. On Finish and on the prerequisite pages, where support is called.
 */
export function SupportBundleButton() {
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const create = async () => {
    setState({ busy: true, message: null, error: false });
    const result = await api.call('diagnostics.create', {});
    if (!result.ok) return setState({ busy: false, message: `The support bundle could not be made: ${result.error.message}`, error: true });
    saveZip(result.value.fileName, result.value.zipBase64);
    const kept = result.value.savedTo ? ` A copy is kept with the Setup support files: ${result.value.savedTo}` : '';
    setState({ busy: false, message: `Support bundle saved as ${result.value.fileName} (${result.value.files} files, no password).${kept}`, error: false });
  };
  return (
    <>
      <Button onClick={() => void create()} disabled={state.busy}>
        {state.busy ? 'Creating support bundle…' : 'Create support bundle'}
      </Button>
      {state.message && (
        <Text as="p" size={200} role={state.error ? 'alert' : 'status'} className="support-bundle-status">
          {state.message}
        </Text>
      )}
    </>
  );
}
