import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useWizard } from '../store/store';

/** Nobody may mistake a rehearsal for a real installation. */
export function RehearsalBanner() {
  const host = useWizard((s) => s.session?.host);
  if (!host) return null;
  if (host.kind === 'rehearsal' && host.rehearsal) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Rehearsal</MessageBarTitle>
          {host.description}. Nothing is installed on this computer: changes are written under {host.rehearsal.sandboxRoot}.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (host.kind === 'unsupported') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not a Windows Server</MessageBarTitle>
          {host.description}. Async Server needs Windows Server with IIS; start with --rehearsal to try the wizard here.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
