import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CertificateInfo } from '../../../../shared/contract/schemas';
import { api } from '../../../api/client';
import { useActions, useWizard } from '../../../store/store';

/** The certificates of the chosen store: subject, expiry, private key; picking one fills the thumbprint. */
export function CertificatePicker({ disabled }: { disabled?: boolean }) {
  const rootStore = useWizard((s) => s.settings.WebSiteSSLCertificateRootStore);
  const store = useWizard((s) => s.settings.WebSiteSSLCertificateStore);
  const { setSetting, touch } = useActions();
  const [open, setOpen] = useState(false);
  const [certificates, setCertificates] = useState<CertificateInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState('');

  const load = async () => {
    setCertificates(null);
    setError(null);
    const result = await api.call('certificates.list', { rootStore: rootStore === 'CurrentUser' ? 'CurrentUser' : 'LocalMachine', store: store || 'My' });
    if (result.ok) setCertificates(result.value.certificates);
    else setError(result.error.message);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (d.open) void load();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>Select certificate…</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>
            Certificates in {rootStore}\{store}
          </DialogTitle>
          <DialogContent>
            {error && <Text role="alert">{error}</Text>}
            {!certificates && !error && <Spinner label="Reading the certificate store…" />}
            {certificates && certificates.length === 0 && <Text>The store holds no certificate.</Text>}
            {certificates && certificates.length > 0 && (
              <RadioGroup aria-label="Certificates" value={choice} onChange={(_e, d) => setChoice(d.value)}>
                {certificates.map((c) => (
                  <Radio
                    key={c.thumbprint}
                    value={c.thumbprint}
                    label={
                      <span className="certificate-option">
                        <strong>{c.friendlyName || c.subject}</strong> — expires {c.notAfter.slice(0, 10)}{' '}
                        {c.expired && <Badge color="danger">Expired</Badge>}{' '}
                        {c.hasPrivateKey ? <Badge color="success">Private key</Badge> : <Badge color="warning">No private key</Badge>}{' '}
                        {c.selfSigned && <Badge color="informative">Self-signed</Badge>}
                        <br />
                        <span className="mono">{c.thumbprint}</span>
                      </span>
                    }
                  />
                ))}
              </RadioGroup>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!choice}
              onClick={() => {
                setSetting('WebSiteSSLCertificateThumbprint', choice);
                touch('WebSiteSSLCertificateThumbprint');
                setOpen(false);
              }}
            >
              Use this certificate
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
