import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/create-engine';
import { journalFiles } from '../../electron/engine/executor/journal';
import { CANARY, CHOICES, goodSettings, rehearsal, snapshot } from './support';

async function engineOn() {
  const env = await rehearsal();
  const engine = createEngine({ host: env.host, toolVersion: 'test' });
  const events: { event: string; payload: unknown }[] = [];
  engine.subscribe((event, payload) => events.push({ event, payload }));
  const call = async (method: string, req: unknown) => {
    const r = await engine.dispatch(method, req);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Record<string, any>;
  };
  const finished = async () => {
    for (let i = 0; i < 500; i++) {
      const state = await call('install.state', {});
      if (state.run && !state.run.running) return state;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('The run did not finish.');
  };
  return { env, engine, events, call, finished };
}

describe('the install API', () => {
  it('plans, installs with progress events, keeps the run for a reloaded window, and lists the instance', async () => {
    const { env, events, call, finished } = await engineOn();
    const plan = await call('install.plan', { settings: goodSettings(), choices: CHOICES });
    expect(plan.steps.every((s: { kind: string; done: boolean }) => s.done === (s.kind === 'service'))).toBe(true);
    expect(plan.configuration.file).toBe('C:\\inetpub\\AsyncServerSite\\AsyncServer\\web.config');
    expect(plan.configuration.values[0]).toEqual({
      label: 'Message database connection string',
      location: "/configuration/connectionStrings/add[@name='HQMessageDatabase']/@connectionString",
      value: 'Data Source=SQLHQ01;Initial Catalog=AsyncServerMessageDB;Integrated Security=True;Encrypt=True',
    });
    await call('install.start', { settings: goodSettings(), choices: CHOICES, appPoolPassword: CANARY });
    const state = await finished();
    expect(state.run.result.outcome).toBe('installed');
    expect(state.run.asyncServerUrl).toBe('https://CDX-HQ01:8443/AsyncServer');
    expect(state.run.log.some((l: { message: string }) => l.message.includes('iis.site:AsyncServerSite'))).toBe(true);
    expect(events.filter((e) => e.event === 'install.progress').length).toBeGreaterThanOrEqual(plan.steps.length);
    expect(events.some((e) => e.event === 'install.finished')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(CANARY);
    expect(JSON.stringify(state)).not.toContain(CANARY);
    expect((await call('instances.list', {})).instances.map((i: { name: string }) => i.name)).toEqual(['AsyncServer']);
    const again = await call('install.plan', { settings: goodSettings(), choices: CHOICES });
    expect(again.steps.every((s: { done: boolean }) => s.done)).toBe(true);
    void env;
  });

  it('finds a run a crash cut off and rolls it back to the state before', async () => {
    const { env, call, finished } = await engineOn();
    const before = snapshot(env.sandbox, env.supportDir);
    await call('install.start', { settings: goodSettings(), choices: CHOICES, appPoolPassword: CANARY });
    await finished();
    // As if the power went off while the instance record was written: its start is journaled, its end is not.
    const [journal] = journalFiles(env.supportDir);
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    writeFileSync(journal, `${lines.slice(0, -2).join('\n')}\n`);

    const fresh = createEngine({ host: env.host, toolVersion: 'test' });
    const state = await fresh.dispatch('install.state', {});
    expect(state.ok && (state.value as any).interrupted).toMatchObject({ instance: 'AsyncServer', passwords: [{ secret: 'appPoolPassword', account: goodSettings().AppPoolUser }] });
    const refused = await fresh.dispatch('install.start', { settings: goodSettings(), choices: CHOICES, appPoolPassword: CANARY });
    expect(refused.ok ? '' : refused.error.message).toMatch(/was interrupted/);
    expect((await fresh.dispatch('install.recover', { action: 'rollback' })).ok).toBe(true);
    for (let i = 0; i < 500; i++) {
      const s = (await fresh.dispatch('install.state', {})) as any;
      if (s.value.run && !s.value.run.running) {
        expect(s.value.run.result.outcome).toBe('rolled-back');
        expect(s.value.interrupted).toBeNull();
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('install.start runs the prerequisite gate: a refusal answers with the failed checks, keeps no run and changes nothing', async () => {
    const { env, call } = await engineOn();
    const before = snapshot(env.sandbox, env.supportDir);
    const answer = await call('install.start', { settings: goodSettings({ HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\NOSUCH' }), choices: CHOICES, appPoolPassword: CANARY });
    expect(answer.started).toBe(false);
    expect(answer.failedChecks.map((c: { id: string }) => c.id)).toEqual(['sql-server']);
    expect(JSON.stringify(answer)).not.toContain(CANARY);
    expect((await call('install.state', {})).run).toBeNull();
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });

  it('the run id install.start answers with is the run\'s own: its events, its log and its journal carry it', async () => {
    const { env, events, call, finished } = await engineOn();
    const { runId, started } = await call('install.start', { settings: goodSettings(), choices: CHOICES, appPoolPassword: CANARY });
    expect(started).toBe(true);
    const state = await finished();
    expect(state.run.runId).toBe(runId);
    const progress = events.filter((e) => e.event === 'install.progress').map((e) => (e.payload as { runId: string }).runId);
    expect(new Set(progress)).toEqual(new Set([runId]));
    expect(state.run.result.logFile).toContain(runId);
    expect(journalFiles(env.supportDir).map((f) => path.basename(f))).toEqual([`${runId}.jsonl`]);
  });

  it('cancel rolls back a running installation', async () => {
    const { env, call, finished } = await engineOn();
    const before = snapshot(env.sandbox, env.supportDir);
    await call('install.start', { settings: goodSettings(), choices: CHOICES, appPoolPassword: CANARY });
    expect((await call('install.cancel', {})).cancelling).toBe(true);
    const state = await finished();
    expect(state.run.result.outcome).toBe('cancelled');
    expect(snapshot(env.sandbox, env.supportDir)).toEqual(before);
  });
});
