import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PARAMETER_NAMES, type Settings } from '../../shared/components/async-server/parameters';
import { api } from '../api/client';
import { useActions, useWizard } from '../store/store';

export interface InstalledInstance {
  name: string;
  version: string;
  settings: Settings;
  configure: boolean;
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

/** Picking an instance loads its settings, so Ready to install shows the plan of the difference. */
export function InstanceChoice({ instances }: { instances: InstalledInstance[] }) {
  const { setSetting, setChoices, setModifiedInstance } = useActions();
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
          for (const name of PARAMETER_NAMES) setSetting(name, instance.settings[name]);
          setChoices({ configure: instance.configure });
        }}
      >
        {instances.map((i) => (
          <Radio key={i.name} value={i.name} label={`${i.name} (version ${i.version}, website ${i.settings.WebSiteName})`} />
        ))}
      </RadioGroup>
    </Field>
  );
}
