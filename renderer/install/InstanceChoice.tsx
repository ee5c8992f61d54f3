import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ComponentId } from '../../shared/components/ids';
import type { DatabaseChoice } from '../../shared/contract/schemas';
import { componentDefinition } from '../../shared/components/registry';
import { api } from '../api/client';
import { useActions, useWizard } from '../store/store';

export interface InstalledInstance {
  name: string;
  component: ComponentId;
  version: string;
  settings: Record<string, string>;
  configure: boolean;
  database: DatabaseChoice;
  streaming?: boolean;
}

/** The instances on this computer (for Add or modify components), read once per mount. */
export function useInstalledInstances(): InstalledInstance[] {
  const [instances, setInstances] = useState<InstalledInstance[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('instances.list', {}).then((r) => {
      if (live && r.ok) setInstances(r.value.instances);
    });
    return () => {
      live = false;
    };
  }, []);
  return instances;
}

/**
 * Picking an instance loads its settings, its component and the choices it was installed with (a choice left at
 * the wizard's default would be a change nobody asked for: Async Client's streaming turned off, another partition),
 * so Ready to install shows the plan of the difference.
 */
export function InstanceChoice({ instances }: { instances: InstalledInstance[] }) {
  const { setSetting, setChoices, setComponentConfigure, setModifiedInstance } = useActions();
  // Kept in the store: the prerequisite pages name it, so the instance's own bindings are not taken for busy ports.
  const chosen = useWizard((s) => s.modifiedInstance);
  return (
    <Field label="Installed instance">
      <RadioGroup
        value={chosen}
        onChange={(_e, d) => {
          const instance = instances.find((i) => i.name === d.value);
          if (!instance) return;
          setModifiedInstance(instance.name);
          for (const [name, value] of Object.entries(instance.settings)) setSetting(name, value);
          setChoices({ components: [instance.component], configure: instance.configure, database: instance.database, streaming: instance.streaming });
          setComponentConfigure(instance.component, instance.configure);
        }}
      >
        {instances.map((i) => (
          <Radio key={i.name} value={i.name} label={`${i.name} (version ${i.version}, ${componentDefinition(i.component).title})`} />
        ))}
      </RadioGroup>
    </Field>
  );
}
