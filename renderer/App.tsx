import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { useWizard } from './store/store';
import { Wizard } from './wizard/Wizard';

export function App() {
  const session = useWizard((s) => s.session);
  const error = useWizard((s) => s.sessionError);
  return (
    <FluentProvider theme={webLightTheme} className="app">
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>CDX Setup could not start: {error}</MessageBarBody>
        </MessageBar>
      ) : session ? (
        <Wizard />
      ) : (
        <Spinner label="Starting CDX Setup…" />
      )}
    </FluentProvider>
  );
}
