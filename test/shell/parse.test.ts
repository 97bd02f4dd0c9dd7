import { describe, expect, it } from 'vitest';
import { expandHistory, parse } from '../../src/shell/parse.js';

const lit = (text: string, quoted = false) => ({ type: 'lit', text, quoted });

describe('parse: words, quotes, expansions', () => {
  it('keeps quoting per part and variables for run time', () => {
    expect(parse(`echo "a $X" 'b $Y' c\\ d`)).toEqual({
      ok: true,
      list: {
        items: [
          {
            op: ';',
            pipeline: {
              negate: false,
              commands: [{ assignments: [], redirects: [], words: [[lit('echo')], [lit('a ', true), { type: 'var', name: 'X', quoted: true }], [lit('b $Y', true)], [lit('c'), lit(' ', true), lit('d')]] }],
            },
          },
        ],
      },
    });
  });

  it('reads ${X:-default} and ${#X}', () => {
    const r = parse('echo ${X:-def} ${#X}');
    expect(r.ok && r.list.items[0]!.pipeline.commands[0]!.words.slice(1)).toEqual([[{ type: 'var', name: 'X', quoted: false, op: ':-', arg: 'def' }], [{ type: 'var', name: 'X', quoted: false, op: '#' }]]);
  });

  it('keeps $(…) and backticks as substitutions, nested parens and quotes included', () => {
    const r = parse('curl $(minikube ip):31341 `echo x` "$(echo ")")"');
    expect(r.ok && r.list.items[0]!.pipeline.commands[0]!.words.slice(1)).toEqual([
      [{ type: 'sub', source: 'minikube ip', quoted: false }, lit(':31341')],
      [{ type: 'sub', source: 'echo x', quoted: false }],
      [lit('', true), { type: 'sub', source: 'echo ")"', quoted: true }],
    ]);
  });

  it('splits assignments from words', () => {
    const r = parse("POD_IP=$(kubectl get pod x -o jsonpath='{.status.podIP}') A=1");
    expect(r.ok && r.list.items[0]!.pipeline.commands[0]).toEqual({
      assignments: [
        { name: 'POD_IP', value: [lit(''), { type: 'sub', source: "kubectl get pod x -o jsonpath='{.status.podIP}'", quoted: false }] },
        { name: 'A', value: [lit('1')] },
      ],
      words: [],
      redirects: [],
    });
  });
});

describe('parse: lists, pipes, redirects, heredocs', () => {
  it('joins pipelines with && || ; and pipes', () => {
    const r = parse('a | b && c || d; e');
    expect(r.ok && r.list.items.map((i) => [i.op, i.pipeline.commands.length])).toEqual([[';', 2], ['&&', 1], ['||', 1], [';', 1]]);
  });

  it('reads every redirect form', () => {
    const r = parse('cmd > o >> a 2> e 2>&1 < i &> b <<< here');
    expect(r.ok && r.list.items[0]!.pipeline.commands[0]!.redirects).toEqual([
      { fd: 1, op: '>', target: [lit('o')] },
      { fd: 1, op: '>>', target: [lit('a')] },
      { fd: 2, op: '>', target: [lit('e')] },
      { fd: 2, op: '>&', target: [lit('1')] },
      { fd: 0, op: '<', target: [lit('i')] },
      { fd: 1, op: '>', target: [lit('b')], both: true },
      { fd: 0, op: '<<<', target: [lit('here')] },
    ]);
  });

  it('collects heredoc bodies, expanded unless the delimiter is quoted', () => {
    const a = parse('cat <<EOF > f\nx $Y\nEOF');
    expect(a.ok && a.list.items[0]!.pipeline.commands[0]!.redirects).toEqual([
      { fd: 0, op: '<<', target: [lit('x ', true), { type: 'var', name: 'Y', quoted: true }, lit('\n', true)], heredocExpand: true },
      { fd: 1, op: '>', target: [lit('f')] },
    ]);
    const b = parse("kubectl apply -f - <<'EOF'\nx $Y\nEOF");
    expect(b.ok && b.list.items[0]!.pipeline.commands[0]!.redirects).toEqual([{ fd: 0, op: '<<', target: [lit('x $Y\n', true)], heredocExpand: false }]);
  });

  it('strips leading tabs with <<-', () => {
    const r = parse('cat <<-END\n\tindented\n\tEND');
    expect(r.ok && r.list.items[0]!.pipeline.commands[0]!.redirects[0]!.target).toEqual([lit('indented\n', true)]);
  });
});

describe('parse: errors are values', () => {
  it('reports incomplete input (open quote, heredoc, trailing operator)', () => {
    for (const src of ['echo "abc', "echo 'x", 'cat <<EOF\nline', 'a &&', 'a |', 'echo $(ls', 'echo \\']) {
      expect(parse(src)).toEqual({ ok: false, error: 'syntax error: unexpected end of file', incomplete: true });
    }
  });

  it('words syntax errors as bash does', () => {
    expect(parse('echo >')).toEqual({ ok: false, error: "syntax error near unexpected token `newline'", incomplete: false });
    expect(parse('&& ls')).toEqual({ ok: false, error: "syntax error near unexpected token `&&'", incomplete: false });
    expect(parse('ls )')).toEqual({ ok: false, error: "syntax error near unexpected token `)'", incomplete: false });
    expect(parse('echo ${x y}')).toEqual({ ok: false, error: '${x y}: bad substitution', incomplete: false });
  });

  it('says plainly which valid bash the sandbox does not run', () => {
    const tail = ': not supported in this sandbox (no loops, conditionals, functions or subshells; run one command at a time)';
    expect(parse('for i in 1 2; do echo $i; done')).toEqual({ ok: false, error: `for${tail}`, incomplete: false });
    expect(parse('while true; do sleep 1; done')).toEqual({ ok: false, error: `while${tail}`, incomplete: false });
    expect(parse('if true; then ls; fi')).toEqual({ ok: false, error: `if${tail}`, incomplete: false });
    expect(parse('(cd /tmp && ls)')).toEqual({ ok: false, error: `(…): subshells${tail}`, incomplete: false });
    expect(parse('f() { ls; }')).toEqual({ ok: false, error: `f(): functions${tail}`, incomplete: false });
    expect(parse('echo $((1+2))')).toEqual({ ok: false, error: `$((…)): arithmetic expansion${tail}`, incomplete: false });
    expect(parse('diff <(ls) <(ls)')).toEqual({ ok: false, error: `<(…): process substitution${tail}`, incomplete: false });
  });

  it('lets reserved words through as arguments', () => {
    const r = parse('echo for done if');
    expect(r.ok).toBe(true);
  });
});

describe('expandHistory', () => {
  it('expands !! and !$ outside single quotes only', () => {
    expect(expandHistory('sudo !!', 'iptables-save')).toBe('sudo iptables-save');
    expect(expandHistory('curl !$', 'kubectl get svc web')).toBe('curl web');
    expect(expandHistory("echo '!!' \"!!\"", 'ls')).toBe("echo '!!' \"ls\"");
    expect(expandHistory('echo hi!', 'ls')).toBe('echo hi!');
    expect(expandHistory('!!', undefined)).toEqual({ event: '!!' });
  });
});
