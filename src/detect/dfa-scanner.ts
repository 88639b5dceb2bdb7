// Runs the keyword prefilter's DFA over a text's UTF-16 code units in WebAssembly: one class
// lookup and one table load per code unit, without the bounds checks and string-representation
// checks a JavaScript loop over charCodeAt pays (measured 1.2-2x that loop on node_modules sources).
// The module is a few hand-assembled bytes below, so nothing is fetched or built at install.

/** One accepting state reached: the text offset just past the keyword's end, and the state. */
export type OnAccept = (end: number, state: number) => void;

export interface DfaScanner {
  /** Calls onAccept at each accepting state, in text order. */
  scan(text: string, onAccept: OnAccept): void;
}

const CLASSES = 8; // after the state and event cursor the module writes back
const TABLE = CLASSES + 65536 * 2;
const EVENT_BYTES = 8;
const EVENT_CAPACITY = 4096;
const PAGE = 65536;

/** Unsigned LEB128, as WebAssembly encodes integers. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    const low = value & 0x7f;
    value >>>= 7;
    bytes.push(value === 0 ? low : low | 0x80);
  } while (value !== 0);
  return bytes;
}

/** A length-prefixed vector or section body. */
const sized = (bytes: number[]) => [...leb(bytes.length), ...bytes];

/**
 * scan(i, end, state, out, outEnd, accept, text) → the offset where it stopped (end, or earlier
 * when the event buffer is full); writes the state at 0 and the event cursor at 4. Classes are
 * u16 per code unit; table entries are byte offsets of rows (row × classCount × 4).
 */
const BODY = [
  0x00, // no locals besides the parameters
  0x02, 0x40, // block $done
  0x03, 0x40, //   loop $next
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // if i >= end: break
  0x20, 0x02, // state
  0x20, 0x06, 0x20, 0x00, 0x41, 0x01, 0x74, 0x6a, 0x2f, 0x01, 0x00, // unit = text[i] (u16)
  0x41, 0x01, 0x74, 0x2f, 0x01, ...leb(CLASSES), // class = classes[unit]
  0x41, 0x02, 0x74, 0x6a, // state + class × 4
  0x28, 0x02, ...leb(TABLE), // state = table[...]
  0x22, 0x02,
  0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, // i++
  0x20, 0x05, 0x4f, // state >= accept
  0x04, 0x40,
  0x20, 0x03, 0x20, 0x00, 0x36, 0x02, 0x00, // out[0] = i
  0x20, 0x03, 0x20, 0x02, 0x36, 0x02, 0x04, // out[1] = state
  0x20, 0x03, 0x41, EVENT_BYTES, 0x6a, 0x22, 0x03, 0x20, 0x04, 0x4f, 0x0d, 0x02, // out += 8; full: break
  0x0b,
  0x0c, 0x00, // continue
  0x0b,
  0x0b,
  0x41, 0x00, 0x20, 0x02, 0x36, 0x02, 0x00, // mem[0] = state
  0x41, 0x04, 0x20, 0x03, 0x36, 0x02, 0x00, // mem[4] = out
  0x20, 0x00,
  0x0b,
];

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, ...sized([0x01, 0x60, 0x07, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]), // type (i32 × 7) → i32
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

type ScanExport = (i: number, end: number, state: number, out: number, outEnd: number, accept: number, text: number) => number;

/**
 * `classes`: the class of each UTF-16 code unit; `table`: row offsets in bytes, rows of classCount entries;
 * `start`, `acceptFrom`: byte offsets of the start row and of the first accepting row.
 */
export function buildDfaScanner(classes: Uint16Array, table: Int32Array, start: number, acceptFrom: number): DfaScanner {
  compiled ??= new wasm.Module(MODULE_BYTES);
  const events = TABLE + table.byteLength;
  const textAt = events + EVENT_CAPACITY * EVENT_BYTES;
  const memory = new wasm.Memory({ initial: Math.ceil((textAt + PAGE) / PAGE) });
  const run = new wasm.Instance(compiled, { e: { m: memory } }).exports.scan as ScanExport;
  new Uint16Array(memory.buffer, CLASSES, 65536).set(classes);
  new Int32Array(memory.buffer, TABLE, table.length).set(table);
  const eventEnd = events + EVENT_CAPACITY * EVENT_BYTES;

  return {
    scan(text: string, onAccept: OnAccept): void {
      const needed = textAt + 2 * text.length;
      if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      Buffer.from(memory.buffer, textAt, 2 * text.length).write(text, 0, 'utf16le');
      let state = start;
      for (let at = 0; at < text.length;) {
        at = run(at, text.length, state, events, eventEnd, acceptFrom, textAt);
        const view = new Int32Array(memory.buffer, 0, 2);
        state = view[0]!;
        const cursor = view[1]!;
        const list = new Int32Array(memory.buffer, events, (cursor - events) / 4);
        for (let k = 0; k < list.length; k += 2) onAccept(list[k]!, list[k + 1]!);
      }
    },
  };
}
