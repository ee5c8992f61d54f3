// The page's view, loaded when the page is first shown (or when the browser is idle): the first page needs none of it.
import { PrerequisiteResults } from '../../components/PrerequisiteResults';

export function BeforeConfiguring() {
  return <PrerequisiteResults stage="before-configure" intro="Setup checked this computer for what the components you selected need. The checks that depend on your choices run again after you configure." />;
}

export function AfterConfiguring() {
  return <PrerequisiteResults stage="after-configure" intro="Setup checked this computer again with your choices: the ports, the certificate, the accounts and the database server." />;
}

export function ValidateOnly() {
  return <PrerequisiteResults stage="before-configure" intro="Setup checked this computer for what the components you selected need. Nothing is installed. Export the report to send it to whoever asked for it." />;
}
