import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster, SimError, formatFieldError, type KubeObject } from '../../src/sim/index.js';

function causes(yaml: string, c = new Cluster()): string[] | 'ok' {
  try {
    c.apply(parseAllDocuments(yaml)[0]!.toJS() as KubeObject);
    return 'ok';
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return e.code === 'Invalid' ? (e.data.causes ?? []).map(formatFieldError) : [`${e.code}: ${e.message}`];
  }
}

describe('ConfigMap and Secret validation', () => {
  it('keys must be config keys', () => {
    expect(causes('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  "my key": x\n  ..hidden: y\n  ok.key_1: z\n')).toEqual([
      'data[..hidden]: Invalid value: "..hidden": must not start with \'..\'',
      `data[my key]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
  });

  it('a key may not be in data and binaryData', () => {
    expect(causes('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: x}\nbinaryData: {a: eA==}\n')).toEqual(['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });

  it('a TLS Secret needs tls.crt and tls.key (stringData counts)', () => {
    expect(causes('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\nstringData: {tls.crt: cert}\n')).toEqual(['data[tls.key]: Required value']);
    expect(causes('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\nstringData: {tls.crt: cert}\ndata: {tls.key: a2V5}\n')).toBe('ok');
  });
});
