import { FluentProvider, MessageBar, MessageBarBody, type PartialTheme } from '@fluentui/react-components';
import { useWizard } from './store/store';
import { Wizard } from './wizard/Wizard';

/**
 * The light theme's variables come with the style sheet, made at build time (scripts/fluent-theme-css.ts), so the
 * provider is given none to write.
 */
const THEME_IN_STYLE_SHEET: PartialTheme = {};

/** Rendered once the session is known (main.tsx): the wizard, or why it could not start. */
export function App() {
  const error = useWizard((s) => s.sessionError);
  return (
    <FluentProvider theme={THEME_IN_STYLE_SHEET} className="app">
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
