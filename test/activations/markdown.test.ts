import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, activationTableMarkdown, getActivationSpec } from '../../src/index.js';

describe('activationTableMarkdown', () => {
  it('renders the rows it is given', () => {
    const table = activationTableMarkdown([getActivationSpec('relu'), getActivationSpec('gelu')]);
    expect(table.split('\n')).toHaveLength(4);
    expect(activationTableMarkdown().split('\n')).toHaveLength(ACTIVATION_TABLE.length + 2);
  });

  // these used to fail inside with "Cannot read properties of undefined (reading 'map')"
  it('refuses names, or anything but an array of table rows, with a TypeError naming the argument', () => {
    expect(() => activationTableMarkdown(['relu'] as never)).toThrow(TypeError);
    expect(() => activationTableMarkdown(['relu'] as never)).toThrow(/rows\[0\] must be an ActivationSpec .*got "relu" \(for names: rows\.map\(getActivationSpec\)\)/);
    expect(() => activationTableMarkdown([getActivationSpec('relu'), {}] as never)).toThrow(/rows\[1\] must be an ActivationSpec/);
    expect(() => activationTableMarkdown('relu' as never)).toThrow(new TypeError('rows must be an array of ActivationSpec rows (ACTIVATION_TABLE or a part of it), got string'));
    expect(() => activationTableMarkdown(null as never)).toThrow(TypeError);
  });
});
