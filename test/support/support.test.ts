import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { backendInfo, getBackend, setBackend } from '../../src/index.js';
import { addonCandidates } from '../../src/backend/native.js';
import { jsOnly, loadedAddonPath, withBackend } from './backends.js';

/** The helpers other suites lean on do what they say. */
describe('test support', () => {
  const initial = getBackend();
  afterEach(() => setBackend(initial));

  it.skipIf(jsOnly)('withBackend restores the backend that was selected before it, not the default', () => {
    setBackend('js');
    expect(withBackend('native', () => getBackend())).toBe('native');
    expect(getBackend()).toBe('js');
    setBackend('native');
    withBackend('js', () => undefined);
    expect(getBackend()).toBe('native');
  });

  it('withBackend restores the previous backend when fn throws', () => {
    setBackend('js');
    expect(() => withBackend(jsOnly ? 'js' : 'native', () => { throw new Error('boom'); })).toThrow('boom');
    expect(getBackend()).toBe('js');
  });

  it.skipIf(jsOnly)('withBackend keeps the backend for all of an async fn, and restores it when the promise settles', async () => {
    setBackend('native');
    const seen: string[] = [];
    const done = withBackend('js', async () => {
      seen.push(getBackend());
      await new Promise<void>((resolve) => setImmediate(resolve));
      seen.push(getBackend());
    });
    expect(getBackend()).toBe('js'); // still running
    await done;
    expect(seen).toEqual(['js', 'js']);
    expect(getBackend()).toBe('native');
    await expect(withBackend('js', async () => { await Promise.resolve(); throw new Error('late'); })).rejects.toThrow('late');
    expect(getBackend()).toBe('native');
  });

  it.skipIf(jsOnly)('names the addon that was loaded even when the first candidate is not it', () => {
    const saved = process.env.ACTFN_ADDON;
    process.env.ACTFN_ADDON = '/nonexistent/actfn.node';
    try {
      expect(addonCandidates()[0]).toBe('/nonexistent/actfn.node');
      const path = loadedAddonPath();
      expect(path).not.toBe('/nonexistent/actfn.node');
      expect(existsSync(path)).toBe(true);
      expect(path).toBe(withBackend('native', () => backendInfo().addonPath));
    } finally {
      if (saved === undefined) delete process.env.ACTFN_ADDON;
      else process.env.ACTFN_ADDON = saved;
    }
  });
});
