// Runs the keyword prefilter's DFA over a text's UTF-16 code units in WebAssembly: one class
// lookup and one table load per code unit, without the bounds checks and string-representation
// checks a JavaScript loop over charCodeAt pays (measured 1.2-2x that loop on node_modules sources).
// The module is a few hand-assembled bytes below, so nothing is fetched or built at install.
import { BASE64_ALPHABET, MIN_BASE64_RUN } from './encoded-segments.js';

/** A pass over a text: every accepting state reached and the base64 runs. */
export interface DfaPass {
  /** (end, state) per accepting state reached, in text order, flattened: the text offset just past the keyword's end, and the state. */
  events: Int32Array;
  /** Where the runs of at least MIN_BASE64_RUN base64 characters start, ascending. */
  runs: number[];
}

export interface DfaScanner {
  /** Puts the text's UTF-16 code units where scan() reads them; the view returned is valid until the next load. */
  load(text: string): Uint16Array;
  /**
   * The accepting states and the base64 runs of the loaded text's units [from, to), scanned from
   * the start state as if they were the whole text, at offsets in the text (found in the same
   * pass: each code unit's class says whether it is a base64 digit, so encoded-segments.ts reads
   * no character for them).
   */
  scan(from: number, to: number): DfaPass;
}

const CLASSES = 16; // after the state, event cursor and base64 run length the module writes back
const TABLE = CLASSES + 65536 * 2;
const EVENT_BYTES = 8;
const EVENT_CAPACITY = 4096;
const PAGE = 65536;
/** Set in a code unit's class entry when it is a base64 digit; the class is the bits below. */
const BASE64_BIT = 0x8000;

/** Unsigned LEB128, as WebAssembly encodes offsets and lengths. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    const low = value & 0x7f;
    value >>>= 7;
    bytes.push(value === 0 ? low : low | 0x80);
  } while (value !== 0);
  return bytes;
}

/** `i32.const value`: signed LEB128. */
function i32(value: number): number[] {
  const bytes = [0x41];
  for (;;) {
    const low = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (low & 0x40) === 0) || (value === -1 && (low & 0x40) !== 0)) return [...bytes, low];
    bytes.push(low | 0x80);
  }
}

/** A length-prefixed vector or section body. */
const sized = (bytes: number[]) => [...leb(bytes.length), ...bytes];

/** out[0] = a; out[1] = b; out += 8 — `a` and `b` as instruction bytes. */
const emit = (a: number[], b: number[]) => [
  0x20, 0x03, ...a, 0x36, 0x02, 0x00,
  0x20, 0x03, ...b, 0x36, 0x02, 0x04,
  0x20, 0x03, ...i32(EVENT_BYTES), 0x6a, 0x21, 0x03,
];

/**
 * scan(i, end, state, out, outEnd, accept, text, run) → the offset where it stopped (end, or
 * earlier when the event buffer is full); writes the state at 0, the event cursor at 4 and the
 * length of the base64 run the text ends in at 8. Classes are u16 per code unit (BASE64_BIT
 * set for base64 digits); table entries are byte offsets of rows (row × classCount × 4). Events
 * are (end, state) for an accepting state, (-1 - end, length) for a base64 run of at least
 * MIN_BASE64_RUN ending before `end`; outEnd leaves room for the two one code unit may make.
 */
const BODY = [
  0x01, 0x01, 0x7f, // one local, $class (8)
  0x02, 0x40, // block $done
  0x03, 0x40, //   loop $next
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // if i >= end: break
  0x20, 0x03, 0x20, 0x04, 0x4f, 0x0d, 0x01, // if out >= outEnd: break
  0x20, 0x06, 0x20, 0x00, ...i32(1), 0x74, 0x6a, 0x2f, 0x01, 0x00, // unit = text[i] (u16)
  ...i32(1), 0x74, 0x2f, 0x01, ...leb(CLASSES), 0x22, 0x08, // $class = classes[unit]
  ...i32(BASE64_BIT - 1), 0x71, ...i32(2), 0x74, 0x20, 0x02, 0x6a, // state + class × 4
  0x28, 0x02, ...leb(TABLE), 0x21, 0x02, // state = table[...]
  // Not a base64 digit after a run long enough: the run's event.
  0x20, 0x08, ...i32(BASE64_BIT), 0x71, 0x45, 0x20, 0x07, ...i32(MIN_BASE64_RUN), 0x4f, 0x71,
  0x04, 0x40, ...emit([...i32(-1), 0x20, 0x00, 0x6b], [0x20, 0x07]), 0x0b,
  // run = digit ? run + 1 : 0, without a branch
  0x20, 0x07, ...i32(1), 0x6a, ...i32(0), 0x20, 0x08, ...i32(BASE64_BIT), 0x71, 0x1b, 0x21, 0x07,
  0x20, 0x00, ...i32(1), 0x6a, 0x21, 0x00, // i++
  0x20, 0x02, 0x20, 0x05, 0x4f, // state >= accept: the accepting state's event
  0x04, 0x40, ...emit([0x20, 0x00], [0x20, 0x02]), 0x0b,
  0x0c, 0x00, // continue
  0x0b,
  0x0b,
  ...i32(0), 0x20, 0x02, 0x36, 0x02, 0x00, // mem[0] = state
  ...i32(4), 0x20, 0x03, 0x36, 0x02, 0x00, // mem[4] = out
  ...i32(8), 0x20, 0x07, 0x36, 0x02, 0x00, // mem[8] = run
  0x20, 0x00,
  0x0b,
];

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, ...sized([0x01, 0x60, 0x08, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]), // type (i32 × 8) → i32
  0x02, ...sized([0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x00, 0x01]), // import e.m: memory ≥ 1 page
  0x03, ...sized([0x01, 0x00]), // one function of type 0
  0x07, ...sized([0x01, 0x04, 0x73, 0x63, 0x61, 0x6e, 0x00, 0x00]), // export it as "scan"
  0x0a, ...sized([0x01, ...sized(BODY)]),
]);

/** The part of the WebAssembly API used here (lib "ES2023" and @types/node declare no values for it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer; grow(pages: number): number };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: object | undefined;

type ScanExport = (i: number, end: number, state: number, out: number, outEnd: number, accept: number, text: number, run: number) => number;

/**
 * `classes`: the class of each UTF-16 code unit; `table`: row offsets in bytes, rows of classCount entries;
 * `start`, `acceptFrom`: byte offsets of the start row and of the first accepting row.
 */
export function buildDfaScanner(classes: Uint16Array, table: Int32Array, start: number, acceptFrom: number): DfaScanner {
  compiled ??= new wasm.Module(MODULE_BYTES);
  const events = TABLE + table.byteLength;
  const textAt = events + EVENT_CAPACITY * EVENT_BYTES;
  const memory = new wasm.Memory({ initial: Math.ceil((textAt + PAGE) / PAGE) });
  const runScan = new wasm.Instance(compiled, { e: { m: memory } }).exports.scan as ScanExport;
  const classTable = new Uint16Array(memory.buffer, CLASSES, 65536);
  classTable.set(classes);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) classTable[BASE64_ALPHABET.charCodeAt(i)]! |= BASE64_BIT;
  new Int32Array(memory.buffer, TABLE, table.length).set(table);
  const eventEnd = events + (EVENT_CAPACITY - 2) * EVENT_BYTES;

  return {
    load(text: string): Uint16Array {
      const needed = textAt + 2 * text.length;
      if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      Buffer.from(memory.buffer, textAt, 2 * text.length).write(text, 0, 'utf16le');
      return new Uint16Array(memory.buffer, textAt, text.length);
    },

    scan(from: number, to: number): DfaPass {
      const length = to - from;
      const at0 = textAt + 2 * from;
      let found = new Int32Array(64);
      let count = 0;
      const runs: number[] = [];
      let state = start;
      let run = 0;
      for (let at = 0; at < length;) {
        at = runScan(at, length, state, events, eventEnd, acceptFrom, at0, run);
        const view = new Int32Array(memory.buffer, 0, 3);
        state = view[0]!;
        run = view[2]!;
        const list = new Int32Array(memory.buffer, events, (view[1]! - events) / 4);
        if (count + list.length > found.length) {
          const grown = new Int32Array(Math.max(2 * found.length, count + list.length));
          grown.set(found.subarray(0, count));
          found = grown;
        }
        for (let k = 0; k < list.length; k += 2) {
          const end = list[k]!;
          if (end < 0) {
            runs.push(from - 1 - end - list[k + 1]!);
            continue;
          }
          found[count++] = from + end;
          found[count++] = list[k + 1]!;
        }
      }
      if (run >= MIN_BASE64_RUN) runs.push(to - run);
      return { events: found.subarray(0, count), runs };
    },
  };
}
