import { Field, Input, type InputProps } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useActions, useWizard } from '../store/store';
import { useFieldMessage } from '../wizard/field-issues';

interface Props {
  /** A parameter of any component, by its name (no two components share one). */
  name: string;
  label: string;
  hint?: string;
  disabled?: boolean;
  required?: boolean;
  inputMode?: InputProps['inputMode'];
  /** Cleans the value as it is typed (a pasted thumbprint loses its invisible characters). */
  normalize?(value: string): string;
  after?: JSX.Element;
}

/** A text field bound to one settings parameter, showing the shared field rules' message for it. */
export function SettingField({ name, label, hint, disabled, required, inputMode, normalize, after }: Props) {
  const value = useWizard((s) => s.settings[name]);
  const { setSetting, touch } = useActions();
  const message = useFieldMessage(name);
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationState={disabled ? 'none' : message?.severity === 'error' ? 'error' : message ? 'warning' : 'none'}
      validationMessage={disabled ? undefined : message?.message}
    >
      <Input
        value={value}
        disabled={disabled}
        inputMode={inputMode}
        name={name}
        contentAfter={after}
        onChange={(_e, data) => {
          setSetting(name, normalize ? normalize(data.value) : data.value);
          touch(name);
        }}
      />
    </Field>
  );
}
