import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { useWizard } from './store/store';
import { Wizard } from './wizard/Wizard';

/** Rendered once the session is known (main.tsx): the wizard, or why it could not start. */
export function App() {
  const error = useWizard((s) => s.sessionError);
  return (
    <FluentProvider theme={webLightTheme} className="app">
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>CDX Setup could not start: {error}</MessageBarBody>
        </MessageBar>
      ) : (
        <Wizard />
      )}
    </FluentProvider>
  );
}
