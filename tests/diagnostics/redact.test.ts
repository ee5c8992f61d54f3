import { expect, it } from 'vitest';
import { redactSecrets } from '../../electron/engine/diagnostics/redact';

it('masks the secrets it is told, and every value that names itself a password', () => {
  expect(redactSecrets('signed in with Known-Pa55 twice: Known-Pa55', ['Known-Pa55'])).toBe('signed in with ******** twice: ********');
  expect(redactSecrets('Server=SQLHQ01;User Id=sa;Password=Tops3cret;Encrypt=yes', [])).toBe('Server=SQLHQ01;User Id=sa;Password=********;Encrypt=yes');
  expect(redactSecrets("pwd='a b c'", [])).toBe("pwd='********'");
  expect(redactSecrets('{"sqlPassword": "Tops3cret", "user": "sa"}', [])).toBe('{"sqlPassword": "********", "user": "sa"}');
  expect(redactSecrets('<Setting key="AppPoolPassword" value="Tops3cret" />', [])).toBe('<Setting key="AppPoolPassword" value="********" />');
});

it('leaves what is no secret as it is: empty values, the report\'s own words, other keys', () => {
  for (const text of ['{"AppPoolPassword": "entered (not shown)"}', '{"AppPoolPassword": "not entered"}', '{"password": ""}', 'Password=;', '<Setting key="AppPoolUser" value="CONTOSO\\svc" />', 'passwordProvided: false']) {
    expect(redactSecrets(text, [])).toBe(text);
  }
});
