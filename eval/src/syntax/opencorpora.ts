import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';

/**
 * Reads the OpenCorpora dictionary as the `az` npm package ships it (pymorphy2's compiled
 * format: `words.dawg`, `paradigms.array`, `gramtab-opencorpora-int.json`), without running
 * az: every (word form, tag) pair, for building the syntax layer's compact form → class table
 * at training time. `dir` is the folder holding those files (`…/node_modules/az/dicts`).
 */
export function readOpenCorpora(dir: string, each: (form: string, tag: string) => void): void {
  const file = (name: string) => {
    const p = join(dir, name);
    if (!existsSync(p))
      throw new NewsprismError(
        'E_DATA',
        `${p} not found; --set lexicon= should be az's dicts folder (npm install az, then node_modules/az/dicts)`,
      );
    return readFileSync(p);
  };
  const tags = JSON.parse(file('gramtab-opencorpora-int.json').toString('utf8')) as string[];
  const para = file('paradigms.array');
  const list = new Uint16Array(para.buffer, para.byteOffset, para.length >> 1);
  const paradigms: Uint16Array[] = [];
  for (let i = 0, pos = 1; i < list[0]!; i++) {
    const size = list[pos++]!;
    paradigms.push(list.subarray(pos, pos + size));
    pos += size;
  }
  const data = file('words.dawg');
  const dv = new DataView(data.buffer, data.byteOffset, data.length);
  const unitsLength = dv.getUint32(0, true);
  const units = new Uint32Array(unitsLength);
  for (let i = 0; i < unitsLength; i++) units[i] = dv.getUint32(4 + 4 * i, true);
  const guideLength = dv.getUint32(unitsLength * 4 + 4, true);
  const guide = data.subarray(unitsLength * 4 + 8, unitsLength * 4 + 8 + guideLength * 2);
  const decode = cp1251();
  walkDawg(units, guide, (key) => {
    const sep = key.indexOf(1);
    if (sep < 0 || key.length < sep + 5) return;
    let form = '';
    for (let i = 0; i < sep; i++) form += decode[key[i]!]!;
    const p = ((key[sep + 1]! ^ 1) << 6) + (key[sep + 2]! >> 1);
    const f = ((key[sep + 3]! ^ 1) << 6) + (key[sep + 4]! >> 1);
    const paradigm = paradigms[p]!;
    each(form, tags[paradigm[paradigm.length / 3 + f]!]!);
  });
}

const HAS_LEAF = 1 << 8;
const EXTENSION = 1 << 9;
const IS_LEAF = 1 << 31;

/** Every key of a dawgdic DAWG with its completion guide (as az and pymorphy2 store them). */
function walkDawg(units: Uint32Array, guide: Uint8Array, each: (key: number[]) => void): void {
  const offset = (b: number) => (b >>> 10) << ((b & EXTENSION) >>> 6);
  const label = (b: number) => b & (IS_LEAF | 0xff);
  const follow = (c: number, index: number): number => {
    const next = (index ^ offset(units[index]!) ^ c) >>> 0;
    return label(units[next]!) === c ? next : -1;
  };
  const hasValue = (index: number) => (units[index]! & HAS_LEAF) !== 0;
  const stack = [0];
  const key: number[] = [];
  let started = false;
  for (;;) {
    let index = stack[stack.length - 1]!;
    if (started) {
      let c = guide[index << 1]!;
      if (c) {
        index = follow(c, index);
        if (index < 0) return;
        key.push(c);
        stack.push(index);
      } else {
        do {
          c = guide[(index << 1) + 1]!;
          key.pop();
          stack.pop();
          if (!stack.length) return;
          index = stack[stack.length - 1]!;
          if (c) {
            index = follow(c, index);
            if (index < 0) return;
            key.push(c);
            stack.push(index);
          }
        } while (!c);
      }
    }
    while (!hasValue(index)) {
      const c = guide[index << 1]!;
      index = follow(c, index);
      if (index < 0) return;
      key.push(c);
      stack.push(index);
    }
    each(key);
    started = true;
  }
}

/** Windows-1251 byte → character (the DAWG's key encoding). */
function cp1251(): string[] {
  const out = new Array<string>(256).fill('');
  for (let b = 0; b < 128; b++) out[b] = String.fromCharCode(b);
  const high = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 128 }, (_, i) => 128 + i));
  for (let i = 0; i < 128; i++) out[128 + i] = high[i]!;
  return out;
}
