import { Field, Input, Text } from '@fluentui/react-components';
import { api } from '../api/client';
import { useActions, useWizard } from '../store/store';
import type { WizardPage } from '../wizard/page';

function SupportFiles() {
  const location = useWizard((s) => s.supportFilesLocation);
  const error = useWizard((s) => s.pageError);
  const { setSupportFilesLocation, setPageError } = useActions();
  return (
    <>
      <Text as="p">
        The Setup support files are required for installation. Setup keeps its logs, the installation journal and the record of installed
        instances there. Provide a file location or accept the default location.
      </Text>
      <Field label="File location" validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined} required>
        <Input
          value={location}
          onChange={(_e, d) => {
            setSupportFilesLocation(d.value);
            setPageError(null);
          }}
        />
      </Field>
    </>
  );
}

export const supportFilesPage: WizardPage = {
  id: 'support-files',
  title: 'Select a file location',
  component: SupportFiles,
  // Only the first time on a computer, as in Setup.
  hidden: (s) => s.session?.supportFilesLocation != null,
  async beforeNext(s) {
    const result = await api.call('supportFiles.choose', { location: s.supportFilesLocation });
    return result.ok ? null : result.error.message;
  },
  review: (s) => (s.session?.supportFilesLocation ? null : { title: 'Setup support files', rows: [{ label: 'File location', value: s.supportFilesLocation }] }),
};
