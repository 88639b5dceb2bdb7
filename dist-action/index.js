import { createRequire as leakstopCreateRequire } from 'node:module';
const require = leakstopCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
var LeakstopError, UsageError, ConfigError, SourceError, RegistryError, NoRegistryError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    LeakstopError = class extends Error {
      constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
      }
    };
    UsageError = class extends LeakstopError {
    };
    ConfigError = class extends LeakstopError {
    };
    SourceError = class extends LeakstopError {
    };
    RegistryError = class extends LeakstopError {
    };
    NoRegistryError = class extends RegistryError {
      constructor(location) {
        super(`no Leakstop registry at ${location}; create one with \`leakstop registry init\``);
      }
    };
  }
});

// src/errno-text.ts
function errnoText(error, fallback) {
  const code2 = error?.code;
  const message = error instanceof Error ? error.message : "";
  if (typeof code2 !== "string") return fallback ?? (message.split("\n")[0] || "unreadable");
  const known = WORDS[code2];
  if (known) return known;
  return new RegExp(`^${code2}: ([^,]+)`).exec(message)?.[1]?.trim() || fallback || code2;
}
var WORDS;
var init_errno_text = __esm({
  "src/errno-text.ts"() {
    "use strict";
    WORDS = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EISDIR: "is a directory",
      ENOTDIR: "not a directory",
      EEXIST: "already exists",
      ENOTEMPTY: "directory not empty",
      EROFS: "read-only file system",
      ENOSPC: "no space left on device",
      EDQUOT: "disk quota exceeded",
      EMFILE: "too many open files",
      ENFILE: "too many open files in the system",
      ELOOP: "too many levels of symbolic links",
      ENAMETOOLONG: "file name too long",
      EFBIG: "file too large",
      EIO: "input/output error",
      EBUSY: "resource busy",
      EAGAIN: "resource temporarily unavailable",
      ENXIO: "no such device or address",
      ENODEV: "no such device",
      EPIPE: "broken pipe",
      ECONNREFUSED: "connection refused",
      ECONNRESET: "connection reset",
      ECONNABORTED: "connection aborted",
      ETIMEDOUT: "timed out",
      EHOSTUNREACH: "host unreachable",
      ENETUNREACH: "network unreachable",
      ENOTFOUND: "host not found",
      EAI_AGAIN: "host name lookup failed for now",
      EADDRINUSE: "address already in use",
      EADDRNOTAVAIL: "address not available"
    };
  }
});

// src/detect/count-below.ts
function countBelow(sorted, value) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
var init_count_below = __esm({
  "src/detect/count-below.ts"() {
    "use strict";
  }
});

// src/detect/line-index.ts
function linesAround(text, start, end) {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", Math.max(start, end - 1));
  return text.slice(from, newline < 0 ? text.length : newline);
}
var LineIndex;
var init_line_index = __esm({
  "src/detect/line-index.ts"() {
    "use strict";
    init_count_below();
    LineIndex = class {
      constructor(text) {
        this.text = text;
      }
      text;
      #newlines;
      position(offset) {
        const newlines = this.#index();
        const low = countBelow(newlines, offset);
        const lineStart = low === 0 ? 0 : newlines[low - 1] + 1;
        return { line: low + 1, column: offset - lineStart + 1 };
      }
      /** The offset of a 1-based line and column: position()'s inverse. */
      offset(position) {
        const newlines = this.#index();
        const lineStart = position.line === 1 ? 0 : newlines[position.line - 2] + 1;
        return lineStart + position.column - 1;
      }
      #index() {
        if (this.#newlines) return this.#newlines;
        const offsets = [];
        for (let at = this.text.indexOf("\n"); at >= 0; at = this.text.indexOf("\n", at + 1)) offsets.push(at);
        this.#newlines = Int32Array.from(offsets);
        return this.#newlines;
      }
    };
  }
});

// src/detect/inline-allow.ts
function hasInlineAllow(text, start, end) {
  const from = Math.max(0, start - REACH);
  const lines = linesAround(text.slice(from, Math.min(text.length, end + REACH)), start - from, end - from).toLowerCase();
  return INLINE_ALLOW_MARKERS.some((marker) => lines.includes(marker));
}
var INLINE_ALLOW_MARKERS, REACH;
var init_inline_allow = __esm({
  "src/detect/inline-allow.ts"() {
    "use strict";
    init_line_index();
    INLINE_ALLOW_MARKERS = ["leakstop:allow", "gitleaks:allow", "pragma: allowlist secret"];
    REACH = 1024;
  }
});

// src/detect/keyword-index.ts
function indexKeywords(rules) {
  const keywordIds = /* @__PURE__ */ new Map();
  const idOf = (keyword) => {
    const lower = keyword.toLowerCase();
    if (!keywordIds.has(lower)) keywordIds.set(lower, keywordIds.size);
    return keywordIds.get(lower);
  };
  const keywordIdsByRule = rules.map((rule) => [...new Set(rule.keywords.map((word) => word.toLowerCase()))].map(idOf));
  const inlineAllowIds = INLINE_ALLOW_MARKERS.map(idOf);
  return { keywords: [...keywordIds.keys()], keywordIdsByRule, inlineAllowIds };
}
var init_keyword_index = __esm({
  "src/detect/keyword-index.ts"() {
    "use strict";
    init_inline_allow();
  }
});

// src/detect/encoded-segments.ts
function findEncodedSegments(text, base64Runs, budget) {
  const segments = [];
  for (const start of base64Runs) {
    if (budget.remaining <= 0) return segments;
    let dataEnd = start + MIN_BASE64_RUN;
    while (dataEnd < text.length && BASE64_VALUES[text.charCodeAt(dataEnd)] >= 0) dataEnd++;
    if ((dataEnd - start) * 3 >>> 2 > budget.remaining) continue;
    const decoded = decodeBase64Text(text, start, dataEnd);
    if (decoded === void 0 || decoded.length < MIN_DECODED_LENGTH || decoded.length > budget.remaining) continue;
    budget.remaining -= decoded.length;
    let end = dataEnd;
    while (end < dataEnd + 2 && text.charCodeAt(end) === 61) end++;
    segments.push({ start, end, encoding: "base64", decoded });
  }
  for (let at = text.indexOf("%"); at >= 0 && budget.remaining > 0; at = text.indexOf("%", at + 1)) {
    if (HEX_DIGIT[text.charCodeAt(at + 1)] !== 1 || HEX_DIGIT[text.charCodeAt(at + 2)] !== 1) continue;
    let start = at;
    while (start > 0 && URL_DELIMITERS[text.charCodeAt(start - 1)] === 0) start--;
    let end = at;
    while (end < text.length && URL_DELIMITERS[text.charCodeAt(end)] === 0) end++;
    at = end;
    if (end - start > MAX_URL_SEGMENT) continue;
    const decoded = decodeUrl(text.slice(start, end));
    if (decoded.length < MIN_DECODED_LENGTH || decoded.length > budget.remaining) continue;
    budget.remaining -= decoded.length;
    segments.push({ start, end, encoding: "url", decoded });
  }
  return segments;
}
function decodeUrl(encoded) {
  return encoded.replace(PERCENT_RUN, (run) => Buffer.from(run.replaceAll("%", ""), "hex").toString("utf8"));
}
function decodeBase64Text(text, start, end) {
  const length = end - start;
  if (length % 4 === 1) return void 0;
  const capacity = Math.ceil(length * 3 / 4);
  if (scratch.length < capacity) scratch = Buffer.allocUnsafe(capacity);
  let bytes = 0;
  let accumulator = 0;
  let bits = 0;
  let continuation = 0;
  for (let i = start; i < end; i++) {
    accumulator = (accumulator << 6 | BASE64_VALUES[text.charCodeAt(i)]) & 16777215;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const byte = accumulator >> bits & 255;
    if (continuation > 0) {
      if ((byte & 192) !== 128) return void 0;
      continuation--;
    } else if (byte < 128) {
      if (byte < 32 ? byte !== 9 && byte !== 10 && byte !== 13 : byte === 127) return void 0;
    } else if (byte >= 194 && byte <= 223) continuation = 1;
    else if (byte >= 224 && byte <= 239) continuation = 2;
    else if (byte >= 240 && byte <= 244) continuation = 3;
    else return void 0;
    scratch[bytes++] = byte;
  }
  if (continuation > 0) return void 0;
  return scratch.toString("utf8", 0, bytes);
}
var DECODE_BUDGET, MIN_BASE64_RUN, BASE64_ALPHABET, PERCENT_RUN, MAX_URL_SEGMENT, MIN_DECODED_LENGTH, BASE64_VALUES, HEX_DIGIT, URL_DELIMITERS, scratch;
var init_encoded_segments = __esm({
  "src/detect/encoded-segments.ts"() {
    "use strict";
    DECODE_BUDGET = 1024 * 1024;
    MIN_BASE64_RUN = 16;
    BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
    MAX_URL_SEGMENT = 64 * 1024;
    MIN_DECODED_LENGTH = 8;
    BASE64_VALUES = (() => {
      const values = new Int8Array(65536).fill(-1);
      for (let i = 0; i < BASE64_ALPHABET.length; i++) values[BASE64_ALPHABET.charCodeAt(i)] = i;
      return values;
    })();
    HEX_DIGIT = (() => {
      const table = new Uint8Array(65536);
      for (const ch of "0123456789abcdefABCDEF") table[ch.charCodeAt(0)] = 1;
      return table;
    })();
    URL_DELIMITERS = (() => {
      const table = new Uint8Array(65536);
      for (const ch of " 	\n\r\f\v\"'`<>(){}[],") table[ch.charCodeAt(0)] = 1;
      return table;
    })();
    scratch = Buffer.allocUnsafe(4096);
  }
});

// src/detect/dfa-scanner.ts
function leb(value) {
  const bytes = [];
  do {
    const low = value & 127;
    value >>>= 7;
    bytes.push(value === 0 ? low : low | 128);
  } while (value !== 0);
  return bytes;
}
function i32(value) {
  const bytes = [65];
  for (; ; ) {
    const low = value & 127;
    value >>= 7;
    if (value === 0 && (low & 64) === 0 || value === -1 && (low & 64) !== 0) return [...bytes, low];
    bytes.push(low | 128);
  }
}
function buildDfaScanner(classes, table, start, acceptFrom) {
  compiled ??= new wasm.Module(MODULE_BYTES);
  const events = TABLE + table.byteLength;
  const textAt = events + EVENT_CAPACITY * EVENT_BYTES;
  const memory = new wasm.Memory({ initial: Math.ceil((textAt + PAGE) / PAGE) });
  const runScan = new wasm.Instance(compiled, { e: { m: memory } }).exports.scan;
  const classTable = new Uint16Array(memory.buffer, CLASSES, 65536);
  classTable.set(classes);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) classTable[BASE64_ALPHABET.charCodeAt(i)] |= BASE64_BIT;
  new Int32Array(memory.buffer, TABLE, table.length).set(table);
  const eventEnd = events + (EVENT_CAPACITY - 2) * EVENT_BYTES;
  return {
    load(text) {
      const needed = textAt + 2 * text.length;
      if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      Buffer.from(memory.buffer, textAt, 2 * text.length).write(text, 0, "utf16le");
      return new Uint16Array(memory.buffer, textAt, text.length);
    },
    scan(from, to) {
      const length = to - from;
      const at0 = textAt + 2 * from;
      let found = new Int32Array(64);
      let count = 0;
      const runs = [];
      let state = start;
      let run = 0;
      for (let at = 0; at < length; ) {
        at = runScan(at, length, state, events, eventEnd, acceptFrom, at0, run);
        const view = new Int32Array(memory.buffer, 0, 3);
        state = view[0];
        run = view[2];
        const list = new Int32Array(memory.buffer, events, (view[1] - events) / 4);
        if (count + list.length > found.length) {
          const grown2 = new Int32Array(Math.max(2 * found.length, count + list.length));
          grown2.set(found.subarray(0, count));
          found = grown2;
        }
        for (let k = 0; k < list.length; k += 2) {
          const end = list[k];
          if (end < 0) {
            runs.push(from - 1 - end - list[k + 1]);
            continue;
          }
          found[count++] = from + end;
          found[count++] = list[k + 1];
        }
      }
      if (run >= MIN_BASE64_RUN) runs.push(to - run);
      return { events: found.subarray(0, count), runs };
    }
  };
}
var CLASSES, TABLE, EVENT_BYTES, EVENT_CAPACITY, PAGE, BASE64_BIT, sized, emit, BODY, MODULE_BYTES, wasm, compiled;
var init_dfa_scanner = __esm({
  "src/detect/dfa-scanner.ts"() {
    "use strict";
    init_encoded_segments();
    CLASSES = 16;
    TABLE = CLASSES + 65536 * 2;
    EVENT_BYTES = 8;
    EVENT_CAPACITY = 4096;
    PAGE = 65536;
    BASE64_BIT = 32768;
    sized = (bytes) => [...leb(bytes.length), ...bytes];
    emit = (a, b) => [
      32,
      3,
      ...a,
      54,
      2,
      0,
      32,
      3,
      ...b,
      54,
      2,
      4,
      32,
      3,
      ...i32(EVENT_BYTES),
      106,
      33,
      3
    ];
    BODY = [
      1,
      1,
      127,
      // one local, $class (8)
      2,
      64,
      // block $done
      3,
      64,
      //   loop $next
      32,
      0,
      32,
      1,
      79,
      13,
      1,
      // if i >= end: break
      32,
      3,
      32,
      4,
      79,
      13,
      1,
      // if out >= outEnd: break
      32,
      6,
      32,
      0,
      ...i32(1),
      116,
      106,
      47,
      1,
      0,
      // unit = text[i] (u16)
      ...i32(1),
      116,
      47,
      1,
      ...leb(CLASSES),
      34,
      8,
      // $class = classes[unit]
      ...i32(BASE64_BIT - 1),
      113,
      ...i32(2),
      116,
      32,
      2,
      106,
      // state + class × 4
      40,
      2,
      ...leb(TABLE),
      33,
      2,
      // state = table[...]
      // Not a base64 digit after a run long enough: the run's event.
      32,
      8,
      ...i32(BASE64_BIT),
      113,
      69,
      32,
      7,
      ...i32(MIN_BASE64_RUN),
      79,
      113,
      4,
      64,
      ...emit([...i32(-1), 32, 0, 107], [32, 7]),
      11,
      // run = digit ? run + 1 : 0, without a branch
      32,
      7,
      ...i32(1),
      106,
      ...i32(0),
      32,
      8,
      ...i32(BASE64_BIT),
      113,
      27,
      33,
      7,
      32,
      0,
      ...i32(1),
      106,
      33,
      0,
      // i++
      32,
      2,
      32,
      5,
      79,
      // state >= accept: the accepting state's event
      4,
      64,
      ...emit([32, 0], [32, 2]),
      11,
      12,
      0,
      // continue
      11,
      11,
      ...i32(0),
      32,
      2,
      54,
      2,
      0,
      // mem[0] = state
      ...i32(4),
      32,
      3,
      54,
      2,
      0,
      // mem[4] = out
      ...i32(8),
      32,
      7,
      54,
      2,
      0,
      // mem[8] = run
      32,
      0,
      11
    ];
    MODULE_BYTES = new Uint8Array([
      0,
      97,
      115,
      109,
      1,
      0,
      0,
      0,
      1,
      ...sized([1, 96, 8, 127, 127, 127, 127, 127, 127, 127, 127, 1, 127]),
      // type (i32 × 8) → i32
      2,
      ...sized([1, 1, 101, 1, 109, 2, 0, 1]),
      // import e.m: memory ≥ 1 page
      3,
      ...sized([1, 0]),
      // one function of type 0
      7,
      ...sized([1, 4, 115, 99, 97, 110, 0, 0]),
      // export it as "scan"
      10,
      ...sized([1, ...sized(BODY)])
    ]);
    wasm = globalThis.WebAssembly;
  }
});

// src/detect/common-ends.ts
function commonPrefix(a, b) {
  const limit = Math.min(a.length, b.length);
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let at = 0;
  for (const chunk of CHUNKS) {
    while (at + chunk <= limit && x.compare(y, 2 * at, 2 * (at + chunk), 2 * at, 2 * (at + chunk)) === 0) at += chunk;
  }
  while (at < limit && a[at] === b[at]) at++;
  return at;
}
function commonSuffix(a, b, limit) {
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let length = 0;
  for (const chunk of CHUNKS) {
    while (length + chunk <= limit && x.compare(y, 2 * (b.length - length - chunk), 2 * (b.length - length), 2 * (a.length - length - chunk), 2 * (a.length - length)) === 0) length += chunk;
  }
  while (length < limit && a[a.length - length - 1] === b[b.length - length - 1]) length++;
  return length;
}
function indexOfUnits(haystack, needle) {
  const [bytes, pattern] = [bytesOf(haystack), bytesOf(needle)];
  for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) if (at % 2 === 0) return at / 2;
  return -1;
}
var CHUNKS, bytesOf;
var init_common_ends = __esm({
  "src/detect/common-ends.ts"() {
    "use strict";
    CHUNKS = [2048, 128, 8];
    bytesOf = (units) => Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  }
});

// src/detect/shared-blocks.ts
function findSharedBlocks(units, earlier, from, to, earlierFrom, earlierTo, blocks) {
  if (to - from < SEARCHED || earlierTo - earlierFrom < SEARCHED) return;
  for (const fraction of TRIED_AT) {
    const at = from + Math.floor((to - from - WINDOW) * fraction);
    const earlierAt = search(
      units.subarray(at, at + WINDOW),
      earlier,
      earlierFrom,
      earlierTo,
      earlierFrom + Math.floor((at - from) * (earlierTo - earlierFrom) / (to - from))
    );
    if (earlierAt < 0) continue;
    const found = earlierAt - earlierFrom;
    const back = commonSuffix(earlier.subarray(earlierFrom, earlierAt), units.subarray(from, at), Math.min(found, at - from));
    const ahead = commonPrefix(earlier.subarray(earlierAt, earlierTo), units.subarray(at, to));
    if (back + ahead < KEPT) continue;
    const block = { start: at - back, end: at + ahead, shift: earlierAt - at };
    findSharedBlocks(units, earlier, from, block.start, earlierFrom, block.start + block.shift, blocks);
    blocks.push(block);
    findSharedBlocks(units, earlier, block.end, to, block.end + block.shift, earlierTo, blocks);
    return;
  }
}
function search(window, earlier, from, to, likely) {
  const nearFrom = Math.max(from, likely - NEAR);
  const near = indexOfUnits(earlier.subarray(nearFrom, Math.min(to, likely + NEAR + window.length)), window);
  if (near >= 0) return nearFrom + near;
  const anywhere = indexOfUnits(earlier.subarray(from, to), window);
  return anywhere < 0 ? -1 : from + anywhere;
}
var SEARCHED, WINDOW, KEPT, NEAR, TRIED_AT;
var init_shared_blocks = __esm({
  "src/detect/shared-blocks.ts"() {
    "use strict";
    init_common_ends();
    SEARCHED = 4096;
    WINDOW = 64;
    KEPT = 1024;
    NEAR = 8192;
    TRIED_AT = [0.5, 0.25, 0.75];
  }
});

// src/detect/prefilter-trace.ts
function traceText(text, scanner, reach, earlier) {
  const units = scanner.load(text);
  return (earlier && composeTrace(units, scanner, reach, earlier)) ?? { units, ...scanner.scan(0, units.length) };
}
function composeTrace(units, scanner, reach, earlier) {
  const before = earlier.units;
  const length = units.length;
  const prefix = commonPrefix(before, units);
  const suffix = commonSuffix(before, units, Math.min(before.length, length) - prefix);
  const shift = before.length - length;
  const blocks = [{ start: 0, end: prefix, shift: 0 }];
  findSharedBlocks(units, before, prefix, length - suffix, prefix, before.length - suffix, blocks);
  blocks.push({ start: length - suffix, end: length, shift });
  const reused = blocks.flatMap((block) => reusedPart(units, before.length, reach, block) ?? []);
  if (reused.reduce((sum, part) => sum + part.end - part.eventsFrom, 0) < WORTH_COMPOSING * length) return void 0;
  const old = earlier.events;
  const pieces = [];
  const runs = [];
  const take = (part) => {
    const piece = old.slice(pairsEndingBy(old, part.eventsFrom + part.shift), pairsEndingBy(old, part.end + part.shift));
    for (let k = 0; k < piece.length; k += 2) piece[k] -= part.shift;
    pieces.push(piece);
    const oldRuns = earlier.runs;
    for (let k = countBelow(oldRuns, part.eventsFrom + part.shift); k < oldRuns.length && oldRuns[k] < part.runsTo + part.shift; k++) {
      runs.push(oldRuns[k] - part.shift);
    }
  };
  const scan = (left, to) => {
    const scanned = scanner.scan(left.runsTo, to);
    pieces.push(scanned.events.subarray(pairsEndingBy(scanned.events, left.end)));
    for (const start of scanned.runs) runs.push(start);
  };
  take(reused[0]);
  for (let k = 1; k < reused.length; k++) {
    scan(reused[k - 1], reused[k].eventsFrom);
    take(reused[k]);
  }
  const last = reused[reused.length - 1];
  if (last.runsTo < length) scan(last, length);
  const events = new Int32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    events.set(piece, at);
    at += piece.length;
  }
  return { units, events, runs, unchanged: { prefix, suffix, shift } };
}
function reusedPart(units, earlierLength, reach, block) {
  let eventsFrom = block.start;
  if (block.start > 0 || block.shift !== 0) {
    let at = block.start + reach;
    while (at < block.end && BASE64[units[at]] === 1) at++;
    if (at >= block.end) return void 0;
    eventsFrom = at + 1;
  }
  let runsTo = block.end;
  if (block.end < units.length || block.end + block.shift < earlierLength) {
    runsTo = Math.max(0, block.end - reach);
    if (runsTo < eventsFrom) return void 0;
    while (runsTo > eventsFrom && BASE64[units[runsTo - 1]] === 1) runsTo--;
  }
  return { eventsFrom, end: block.end, runsTo, shift: block.shift };
}
function pairsEndingBy(events, offset) {
  let low = 0;
  let high = events.length / 2;
  while (low < high) {
    const mid = low + high >>> 1;
    if (events[2 * mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return 2 * low;
}
var BASE64, WORTH_COMPOSING;
var init_prefilter_trace = __esm({
  "src/detect/prefilter-trace.ts"() {
    "use strict";
    init_encoded_segments();
    init_common_ends();
    init_count_below();
    init_shared_blocks();
    BASE64 = new Uint8Array(65536);
    for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64[BASE64_ALPHABET.charCodeAt(i)] = 1;
    WORTH_COMPOSING = 0.25;
  }
});

// src/detect/keyword-prefilter.ts
function flatten(lists) {
  const from = new Int32Array(lists.length + 1);
  lists.forEach((list, index) => from[index + 1] = from[index] + list.length);
  const values = new Int32Array(from[lists.length]);
  lists.forEach((list, index) => values.set(list, from[index]));
  return { from, values };
}
function compilePrefilterTables(keywords, recorded) {
  const lower = keywords.map((keyword) => keyword.toLowerCase());
  const classOf = /* @__PURE__ */ new Map();
  for (const keyword of lower) {
    for (let i = 0; i < keyword.length; i++) {
      const code2 = keyword.charCodeAt(i);
      if (!classOf.has(code2)) classOf.set(code2, classOf.size + 1);
    }
  }
  const classCount = classOf.size + 1;
  const classes = new Uint16Array(65536);
  for (const [code2, cls] of classOf) {
    classes[code2] = cls;
    const ch = String.fromCharCode(code2);
    const upper = ch.toUpperCase();
    if (upper.length === 1 && upper.toLowerCase() === ch) classes[upper.charCodeAt(0)] = cls;
  }
  const children = [/* @__PURE__ */ new Map()];
  const outputs = [[]];
  lower.forEach((keyword, id) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const cls = classOf.get(keyword.charCodeAt(i));
      let next = children[state].get(cls);
      if (next === void 0) {
        next = children.length;
        children.push(/* @__PURE__ */ new Map());
        outputs.push([]);
        children[state].set(cls, next);
      }
      state = next;
    }
    outputs[state].push(id);
  });
  const stateCount = children.length;
  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const queue = [];
  for (const [cls, next] of children[0]) {
    delta[cls] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    outputs[state] = [...outputs[state], ...outputs[fail[state]]];
    for (let cls = 0; cls < classCount; cls++) {
      const next = children[state].get(cls);
      const viaFail = delta[fail[state] * classCount + cls];
      if (next === void 0) {
        delta[state * classCount + cls] = viaFail;
      } else {
        fail[next] = viaFail;
        delta[state * classCount + cls] = next;
        queue.push(next);
      }
    }
  }
  const order = [...Array(stateCount).keys()].sort(
    (a, b) => Number(outputs[a].length > 0) - Number(outputs[b].length > 0) || a - b
  );
  const renumbered = new Int32Array(stateCount);
  order.forEach((old, index) => renumbered[old] = index);
  const rowBytes = classCount * 4;
  const table = new Int32Array(stateCount * classCount);
  const accepting = new Array(stateCount);
  for (let old = 0; old < stateCount; old++) {
    const row2 = renumbered[old] * classCount;
    accepting[renumbered[old]] = outputs[old];
    for (let cls = 0; cls < classCount; cls++) table[row2 + cls] = renumbered[delta[old * classCount + cls]] * rowBytes;
  }
  const firstAccepting = order.findIndex((old) => outputs[old].length > 0);
  const acceptFrom = firstAccepting < 0 ? table.byteLength : firstAccepting * rowBytes;
  const start = renumbered[0] * rowBytes;
  const recordedAt = accepting.map((ids) => ids.filter((id) => recorded.has(id)).flatMap((id) => [id, lower[id].length]));
  const classOf16 = [];
  classes.forEach((cls, code2) => cls !== 0 && classOf16.push([code2, cls]));
  const { from: acceptingFrom, values: acceptingIds } = flatten(accepting);
  const { from: recordedFrom, values: recordedIds } = flatten(recordedAt);
  return { keywords: lower, classOf: classOf16, table, rowBytes, start, acceptFrom, acceptingFrom, acceptingIds, recordedFrom, recordedIds };
}
function prefilterFromTables(tables) {
  const { keywords: lower, table, rowBytes, start, acceptFrom, acceptingFrom, acceptingIds, recordedFrom, recordedIds } = tables;
  const classes = new Uint16Array(65536);
  for (const [code2, cls] of tables.classOf) classes[code2] = cls;
  const dfa = buildDfaScanner(classes, table, start, acceptFrom);
  const reach = lower.reduce((longest, keyword) => Math.max(longest, keyword.length), 0);
  const metIn = new Uint32Array(acceptingFrom.length - 1);
  const metInRegion = new Uint32Array(acceptingFrom.length - 1);
  let pass = 0;
  const resultOf = ({ units, events, runs }) => {
    pass = pass + 1 >>> 0 || (metIn.fill(0), 1);
    const length = units.length;
    const found = new Uint8Array(lower.length);
    const regions = length > 2 * REGION_SIZE ? Array.from({ length: Math.ceil(length / REGION_SIZE) }, () => new Uint8Array(lower.length)) : void 0;
    const starts = new Array(lower.length);
    const foundIds = [];
    for (let k = 0; k < events.length; k += 2) {
      const end = events[k];
      const row2 = events[k + 1] / rowBytes;
      for (let w = recordedFrom[row2]; w < recordedFrom[row2 + 1]; w += 2) (starts[recordedIds[w]] ??= []).push(end - recordedIds[w + 1]);
      const regionIndex = regions ? Math.floor((end - 1) / REGION_SIZE) : 0;
      if (metIn[row2] === pass && metInRegion[row2] === regionIndex) continue;
      metIn[row2] = pass;
      metInRegion[row2] = regionIndex;
      const region = regions?.[regionIndex];
      for (let a = acceptingFrom[row2]; a < acceptingFrom[row2 + 1]; a++) {
        const id = acceptingIds[a];
        if (region) region[id] = 1;
        if (found[id] === 1) continue;
        found[id] = 1;
        foundIds.push(id);
      }
    }
    return regions ? { found, foundIds, regions, starts, base64Runs: runs } : { found, foundIds, starts, base64Runs: runs };
  };
  return {
    keywords: lower,
    tables,
    scan: (text) => resultOf(traceText(text, dfa, reach)),
    scanTraced(text, earlier) {
      const trace = traceText(text, dfa, reach, earlier);
      return { result: resultOf(trace), trace };
    }
  };
}
var REGION_SIZE;
var init_keyword_prefilter = __esm({
  "src/detect/keyword-prefilter.ts"() {
    "use strict";
    init_dfa_scanner();
    init_prefilter_trace();
    REGION_SIZE = 32 * 1024;
  }
});

// src/detect/literal-prefixes.ts
function literalPrefixes(source, cased = "caseless") {
  const parsed = alternation(source, 0, cased === "exact");
  if (parsed.end !== source.length || !parsed.prefixes) return void 0;
  return parsed.prefixes.some((prefix) => prefix === "") ? void 0 : parsed.prefixes;
}
function alternation(source, start, exact) {
  const prefixes = [];
  let known = true;
  let pos = start;
  for (; ; ) {
    const branch = sequence(source, pos, exact);
    if (branch.prefixes) for (const prefix of branch.prefixes) prefixes.push(prefix);
    else known = false;
    pos = branch.end;
    if (source[pos] !== "|") break;
    pos++;
  }
  return { prefixes: known ? prefixes : void 0, end: pos };
}
function sequence(source, start, exact) {
  let prefixes = [""];
  let reading = true;
  let pos = start;
  while (pos < source.length && source[pos] !== "|" && source[pos] !== ")") {
    if (!reading) {
      pos = skipItem(source, pos);
      continue;
    }
    const zeroWidth = zeroWidthEnd(source, pos);
    if (zeroWidth !== void 0) {
      pos = zeroWidth;
      continue;
    }
    if (source[pos] === "(") {
      const inner = alternation(source, groupBodyStart(source, pos), exact);
      if (source[inner.end] !== ")") return { prefixes: void 0, end: source.length };
      const quantifier2 = readQuantifier(source, inner.end + 1);
      if (quantifier2.min > 0 && inner.prefixes) prefixes = prefixes.flatMap((head) => inner.prefixes.map((tail) => head + tail));
      pos = quantifier2.end;
      reading = false;
      continue;
    }
    const choice = source[pos] === "[" ? readSmallClass(source, pos, exact) : readLiteral(source, pos);
    if (choice === void 0) {
      reading = false;
      continue;
    }
    const quantifier = readQuantifier(source, choice.end);
    if (quantifier.min > 0) prefixes = prefixes.flatMap((head) => choice.chars.map((char) => head + char));
    if (quantifier.end !== choice.end) reading = false;
    pos = quantifier.end;
  }
  return { prefixes: prefixes.every((prefix) => prefix !== "") ? prefixes : void 0, end: pos };
}
function zeroWidthEnd(source, pos) {
  if (source[pos] === "^") return pos + 1;
  if (source.startsWith("\\b", pos) || source.startsWith("\\B", pos)) return pos + 2;
  if (/^\(\?<?[=!]/.test(source.slice(pos, pos + 4))) return skipGroup(source, pos);
  return void 0;
}
function groupBodyStart(source, pos) {
  if (source.startsWith("(?:", pos)) return pos + 3;
  if (source.startsWith("(?<", pos)) return source.indexOf(">", pos) + 1;
  return pos + 1;
}
function readLiteral(source, pos) {
  const char = source[pos];
  if (char !== "\\") return "[.(*+?{$".includes(char) ? void 0 : { chars: [char], end: pos + 1 };
  const next = source[pos + 1];
  if (next === void 0) return void 0;
  if (CONTROL_ESCAPES[next]) return { chars: [CONTROL_ESCAPES[next]], end: pos + 2 };
  const hex2 = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(source.slice(pos + 1, pos + 6));
  if (hex2) return { chars: [String.fromCharCode(parseInt(hex2[1] ?? hex2[2], 16))], end: pos + 1 + hex2[0].length };
  return /[A-Za-z0-9]/.test(next) ? void 0 : { chars: [next], end: pos + 2 };
}
function readSmallClass(source, pos, exact) {
  const chars = [];
  let at = pos + 1;
  while (at < source.length && source[at] !== "]") {
    const last = source[at + 1] === "]";
    if (source[at] === "-" && at !== pos + 1 && !last) return void 0;
    if (source[at] === "^" && at === pos + 1) return void 0;
    const literal = readLiteral(source, at) ?? ("[.(*+?{$".includes(source[at]) ? { chars: [source[at]], end: at + 1 } : void 0);
    if (!literal) return void 0;
    for (const char of literal.chars) chars.push(char);
    at = literal.end;
  }
  const caseless2 = chars.filter((char, i) => chars.findIndex((other) => other.toLowerCase() === char.toLowerCase()) === i);
  if (exact && caseless2.length < chars.length) return void 0;
  return at < source.length && chars.length > 0 && chars.length <= 8 ? { chars: caseless2, end: at + 1 } : void 0;
}
function readQuantifier(source, pos) {
  const char = source[pos];
  let min = 1;
  let end = pos;
  if (char === "?" || char === "*") min = 0, end = pos + 1;
  else if (char === "+") end = pos + 1;
  else if (char === "{") {
    const bounds = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(pos, pos + 24));
    if (bounds) min = Number(bounds[1]), end = pos + bounds[0].length;
  }
  if (end !== pos && source[end] === "?") end++;
  return { min, end };
}
function skipItem(source, pos) {
  const char = source[pos];
  if (char === "\\") return pos + 2;
  if (char === "[") return skipClass(source, pos);
  if (char === "(") return skipGroup(source, pos);
  return pos + 1;
}
function skipClass(source, pos) {
  let at = pos + 1;
  while (at < source.length && source[at] !== "]") at += source[at] === "\\" ? 2 : 1;
  return at + 1;
}
function skipGroup(source, pos) {
  let depth = 0;
  let at = pos;
  while (at < source.length) {
    const char = source[at];
    if (char === "\\") at += 2;
    else if (char === "[") at = skipClass(source, at);
    else {
      if (char === "(") depth++;
      else if (char === ")" && --depth === 0) return at + 1;
      at++;
    }
  }
  return at;
}
var CONTROL_ESCAPES;
var init_literal_prefixes = __esm({
  "src/detect/literal-prefixes.ts"() {
    "use strict";
    CONTROL_ESCAPES = { t: "	", n: "\n", r: "\r", f: "\f", v: "\v" };
  }
});

// src/detect/plan-engine.ts
var plan_engine_exports = {};
__export(plan_engine_exports, {
  planEngine: () => planEngine
});
function planEngine(rules) {
  const { keywords, keywordIdsByRule } = indexKeywords(rules);
  const anchored = rules.flatMap((rule, index) => startsWithKeyword(rule) ? [index] : []);
  const recorded = new Set(anchored.flatMap((index) => keywordIdsByRule[index]));
  const casedStarts = {};
  for (const index of anchored) {
    const { source, flags } = rules[index].regex;
    const starts = flags.includes("i") ? void 0 : literalPrefixes(source, "exact");
    if (starts) casedStarts[index] = starts;
  }
  return { anchored, casedStarts, prefilter: compilePrefilterTables(keywords, recorded) };
}
function startsWithKeyword(rule) {
  if (rule.keywords.length === 0 || /[uv]/.test(rule.regex.flags) && rule.regex.flags.includes("i")) return false;
  const keywords = rule.keywords.map((keyword) => keyword.toLowerCase());
  const prefixes = literalPrefixes(rule.regex.source);
  return prefixes !== void 0 && prefixes.every((prefix) => keywords.some((keyword) => prefix.toLowerCase().startsWith(keyword)));
}
var init_plan_engine = __esm({
  "src/detect/plan-engine.ts"() {
    "use strict";
    init_keyword_index();
    init_keyword_prefilter();
    init_literal_prefixes();
  }
});

// src/detect/checksum.ts
function crc32(text) {
  let crc = 4294967295;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function crc32Base62(text) {
  let value = crc32(text);
  let out = "";
  while (value > 0) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out.padStart(6, "0");
}
function hasValidChecksum(kind, secret) {
  switch (kind) {
    case "crc32-base62": {
      const body = secret.slice(secret.lastIndexOf("_") + 1);
      if (body.length <= 6) return false;
      return crc32Base62(body.slice(0, -6)) === body.slice(-6);
    }
  }
}
var BASE62, CRC_TABLE;
var init_checksum = __esm({
  "src/detect/checksum.ts"() {
    "use strict";
    BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    CRC_TABLE = (() => {
      const table = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
        table[n] = c >>> 0;
      }
      return table;
    })();
  }
});

// src/redact.ts
function keyHint(key) {
  return `${key.prefix}\u2026${key.lastFour || "????"}`;
}
function redact(secret) {
  const end = secret.lastIndexOf("_") + 1;
  if (end > 0 && secret.length - end >= 16 && hasValidChecksum("crc32-base62", secret)) {
    return keyHint({ prefix: secret.slice(0, end), lastFour: secret.slice(-4) });
  }
  const prefix = secret.length >= 16 ? PREFIX.exec(secret)?.[0] ?? "" : "";
  const body = secret.slice(prefix.length);
  if (body.length >= 24) return `${prefix}${body.slice(0, 4)}\u2026${body.slice(-3)}`;
  if (body.length >= 12) return `${prefix}${body.slice(0, 2)}\u2026${body.slice(-2)}`;
  return `${prefix}\u2026`;
}
var PREFIX;
var init_redact = __esm({
  "src/redact.ts"() {
    "use strict";
    init_checksum();
    PREFIX = /^[A-Za-z][A-Za-z0-9]{0,10}(?:[_-][A-Za-z0-9]{1,8})?[_-]/;
  }
});

// src/types.ts
import { inspect as inspect2 } from "node:util";
var Secret;
var init_types = __esm({
  "src/types.ts"() {
    "use strict";
    init_redact();
    Secret = class {
      #value;
      constructor(value) {
        this.#value = Buffer.from(value, "utf16le").toString("utf16le");
      }
      reveal() {
        return this.#value;
      }
      get length() {
        return this.#value.length;
      }
      get redacted() {
        return redact(this.#value);
      }
      toString() {
        return this.redacted;
      }
      toJSON() {
        return this.redacted;
      }
      [inspect2.custom]() {
        return `Secret(${this.redacted})`;
      }
    };
  }
});

// src/detect/secret-hash.ts
import { createHash as createHash2 } from "node:crypto";
function secretHash(secret) {
  return createHash2("sha256").update(secret, "utf8").digest("hex");
}
var init_secret_hash = __esm({
  "src/detect/secret-hash.ts"() {
    "use strict";
  }
});

// src/rules/package-root.ts
import fs5 from "node:fs";
import path4 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function findPackageRoot() {
  let dir = path4.dirname(fileURLToPath2(import.meta.url));
  while (!fs5.existsSync(path4.join(dir, "package.json"))) {
    const parent = path4.dirname(dir);
    if (parent === dir) throw new Error("leakstop: package.json not found above the module");
    dir = parent;
  }
  return dir;
}
var PACKAGE_ROOT, BUILT_IN_RULES_DIR;
var init_package_root = __esm({
  "src/rules/package-root.ts"() {
    "use strict";
    PACKAGE_ROOT = findPackageRoot();
    BUILT_IN_RULES_DIR = path4.join(PACKAGE_ROOT, "rules");
  }
});

// src/detect/engine-version.ts
var ENGINE_VERSION;
var init_engine_version = __esm({
  "src/detect/engine-version.ts"() {
    "use strict";
    ENGINE_VERSION = 3;
  }
});

// src/rules/ruleset-version.ts
import { createHash as createHash4 } from "node:crypto";
function rulesetVersion(sources) {
  const hash = createHash4("sha256").update(`leakstop-engine:${ENGINE_VERSION}\0`);
  for (const source of sources) hash.update(`${source.name}\0${source.text.length}\0${source.text}\0`);
  return hash.digest("hex");
}
var init_ruleset_version = __esm({
  "src/rules/ruleset-version.ts"() {
    "use strict";
    init_engine_version();
  }
});

// src/rules/max-file-size.ts
function parseMaxFileSize(value) {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value > 0) return { ok: true, bytes: value };
    return { ok: false, error: `${value} is not a positive whole number of bytes` };
  }
  const size = SIZE.exec(value.trim());
  if (!size) return { ok: false, error: `"${value}" is not a size; write bytes or a size like "10MB"` };
  const bytes = Math.round(Number(size[1]) * UNITS[size[2].toLowerCase()]);
  if (bytes <= 0) return { ok: false, error: `"${value}" must be more than 0 bytes` };
  return { ok: true, bytes };
}
var DEFAULT_MAX_FILE_SIZE, UNITS, SIZE;
var init_max_file_size = __esm({
  "src/rules/max-file-size.ts"() {
    "use strict";
    DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
    UNITS = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
    SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i;
  }
});

// src/rules/compile-rule-regex.ts
function compileRuleRegex(source) {
  const leading = LEADING_FLAGS.exec(source);
  const flags = leading ? [...new Set(leading[1])].join("") : "";
  return compileRegex(leading ? source.slice(leading[0].length) : source, flags);
}
function compileRegex(source, flags) {
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    return { ok: false, error: error.message };
  }
}
function regexGroups(regex) {
  const probe = new RegExp(`${regex.source}|`, regex.flags.replace(/[gy]/g, "")).exec("");
  return { count: probe.length - 1, names: Object.keys(probe.groups ?? {}) };
}
var LEADING_FLAGS;
var init_compile_rule_regex = __esm({
  "src/rules/compile-rule-regex.ts"() {
    "use strict";
    LEADING_FLAGS = /^\(\?([is]+)\)/;
  }
});

// src/detect/pattern-of.ts
function patternOf(regex) {
  return { source: regex.source, flags: regex.flags };
}
var init_pattern_of = __esm({
  "src/detect/pattern-of.ts"() {
    "use strict";
  }
});

// src/rules/go-regex.ts
function translateGoRegex(go) {
  try {
    return translate(go, true);
  } catch (error) {
    if (error instanceof NeedsRewrite) {
      try {
        return translate(go, false);
      } catch (inner) {
        if (inner instanceof Unsupported) return { ok: false, error: inner.message };
        throw inner;
      }
    }
    if (error instanceof Unsupported) return { ok: false, error: error.message };
    throw error;
  }
}
function translate(go, wholePatternFlags) {
  let rest = go;
  const flags = { i: false, s: false, m: false };
  for (let leading = LEADING_FLAGS2.exec(rest); leading; leading = LEADING_FLAGS2.exec(rest)) {
    applyFlags(flags, leading[1]);
    rest = rest.slice(leading[0].length);
  }
  const translator = new Translator(rest, wholePatternFlags, { ...flags });
  const source = translator.run();
  let jsFlags = "";
  if (wholePatternFlags) jsFlags = (flags.i ? "i" : "") + (flags.m ? "m" : "") + (flags.s ? "s" : "");
  if (translator.needsUnicode) jsFlags += "u";
  return { ok: true, source, flags: jsFlags };
}
function applyFlags(flags, spec) {
  let on = true;
  for (const ch of spec) {
    if (ch === "-") on = false;
    else if (ch === "i" || ch === "s" || ch === "m") flags[ch] = on;
    else if (ch === "U") throw new Unsupported("the (?U) ungreedy flag has no JavaScript equivalent");
    else throw new Unsupported(`unknown flag '${ch}'`);
  }
}
function hasCase(ch) {
  return ch.toLowerCase() !== ch.toUpperCase();
}
function hex(code2) {
  return code2 <= 255 ? `\\x${code2.toString(16).padStart(2, "0")}` : `\\u${code2.toString(16).padStart(4, "0")}`;
}
function classLiteral(ch) {
  return "]\\^-[".includes(ch) ? `\\${ch}` : ch;
}
function literalCode(escape2) {
  const hexEscape = /^\\x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))$/.exec(escape2);
  if (hexEscape) return parseInt(hexEscape[1] ?? hexEscape[2], 16);
  const octal = /^\\([0-7]{1,3})$/.exec(escape2);
  if (octal) return parseInt(octal[1], 8);
  if (/^\\[^A-Za-z0-9]$/.test(escape2)) return escape2.charCodeAt(1);
  return void 0;
}
function otherCase(ranges) {
  let extra = "";
  const add = (from, to, lo, hi, shift) => {
    const a = Math.max(from, lo);
    const b = Math.min(to, hi);
    if (a <= b) extra += a === b ? String.fromCharCode(a + shift) : `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  };
  for (const [from, to] of ranges) {
    add(from, to, 97, 122, -32);
    add(from, to, 65, 90, 32);
  }
  return extra;
}
var Unsupported, NeedsRewrite, POSIX_CLASSES, SYNTAX, LEADING_FLAGS2, Translator;
var init_go_regex = __esm({
  "src/rules/go-regex.ts"() {
    "use strict";
    Unsupported = class extends Error {
    };
    NeedsRewrite = class extends Error {
    };
    POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      ascii: "\\x00-\\x7F",
      blank: "\\t ",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "!-~",
      lower: "a-z",
      print: " -~",
      punct: "!-\\/:-@\\[-`{-~",
      space: "\\t\\n\\v\\f\\r ",
      upper: "A-Z",
      word: "0-9A-Za-z_",
      xdigit: "0-9A-Fa-f"
    };
    SYNTAX = "^$\\.*+?()[]{}|/";
    LEADING_FLAGS2 = /^\(\?([a-zA-Z]+)\)/;
    Translator = class {
      constructor(src, wholePatternFlags, flags) {
        this.src = src;
        this.wholePatternFlags = wholePatternFlags;
        this.flags = flags;
      }
      src;
      wholePatternFlags;
      flags;
      pos = 0;
      out = "";
      stack = [];
      needsUnicode = false;
      run() {
        while (this.pos < this.src.length) this.atom();
        return this.out;
      }
      atom() {
        const ch = this.src[this.pos];
        switch (ch) {
          case "\\":
            this.escape();
            return;
          case "[":
            this.characterClass();
            return;
          case "(":
            this.groupOpen();
            return;
          case ")":
            this.flags = this.stack.pop() ?? this.flags;
            this.emit(")", 1);
            return;
          case ".":
            this.emit(!this.flags.s ? "[^\\n]" : this.wholePatternFlags ? "." : "[\\s\\S]", 1);
            return;
          case "^":
            this.emit(!this.wholePatternFlags && this.flags.m ? "(?<![^\\n])" : "^", 1);
            return;
          case "$":
            this.emit(!this.wholePatternFlags && this.flags.m ? "(?![^\\n])" : "$", 1);
            return;
          case "{": {
            const quantifier = /^\{\d+(?:,\d*)?\}/.exec(this.src.slice(this.pos));
            if (quantifier) this.emit(quantifier[0], quantifier[0].length);
            else this.emit("\\{", 1);
            return;
          }
          case "}":
          case "]":
            this.emit(`\\${ch}`, 1);
            return;
          case "*":
          case "+":
          case "?":
          case "|":
            this.emit(ch, 1);
            return;
          default:
            this.emit(this.literal(ch), 1);
        }
      }
      emit(text, advance) {
        this.out += text;
        this.pos += advance;
      }
      /** A character outside a class that stands for itself, case-expanded where `i` is emulated. */
      literal(ch) {
        if (!this.wholePatternFlags && this.flags.i && hasCase(ch)) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
        return SYNTAX.includes(ch) ? `\\${ch}` : ch;
      }
      groupOpen() {
        const rest = this.src.slice(this.pos);
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
        if (named) {
          this.stack.push({ ...this.flags });
          this.emit(`(?<${named[1]}>`, named[0].length);
          return;
        }
        if (rest.startsWith("(?:")) {
          this.stack.push({ ...this.flags });
          this.emit("(?:", 3);
          return;
        }
        const flagGroup = /^\(\?([-a-zA-Z]*)([:)])/.exec(rest);
        if (flagGroup) {
          if (this.wholePatternFlags) throw new NeedsRewrite();
          const changed = { ...this.flags };
          applyFlags(changed, flagGroup[1]);
          if (flagGroup[2] === ")") {
            this.flags = changed;
            this.pos += flagGroup[0].length;
          } else {
            this.stack.push({ ...this.flags });
            this.flags = changed;
            this.emit("(?:", flagGroup[0].length);
          }
          return;
        }
        if (rest.startsWith("(?")) throw new Unsupported(`unsupported group syntax '${rest.slice(0, 4)}'`);
        this.stack.push({ ...this.flags });
        this.emit("(", 1);
      }
      escape() {
        const next = this.src[this.pos + 1];
        if (next === void 0) throw new Unsupported("trailing backslash");
        switch (next) {
          case "A":
            this.emit(this.wholePatternFlags && this.flags.m ? "(?<![\\s\\S])" : "^", 2);
            return;
          case "z":
            this.emit(this.wholePatternFlags && this.flags.m ? "(?![\\s\\S])" : "$", 2);
            return;
          case "Q": {
            const end = this.src.indexOf("\\E", this.pos + 2);
            const literal = this.src.slice(this.pos + 2, end < 0 ? void 0 : end);
            this.out += [...literal].map((ch) => this.literal(ch)).join("");
            this.pos = end < 0 ? this.src.length : end + 2;
            return;
          }
          case "C":
            throw new Unsupported("\\C (any byte) has no JavaScript equivalent");
          case "Z":
            throw new Unsupported("\\Z is not RE2 syntax");
          default: {
            const { text, length } = this.commonEscape(false);
            this.emit(text, length);
          }
        }
      }
      /** Escapes valid both outside and inside a class. */
      commonEscape(inClass) {
        const rest = this.src.slice(this.pos);
        const next = rest[1];
        if ("dDsSwW".includes(next)) return { text: `\\${next}`, length: 2 };
        if (!inClass && "bB".includes(next)) return { text: `\\${next}`, length: 2 };
        if ("ftnrv".includes(next)) return { text: `\\${next}`, length: 2 };
        if (next === "a") return { text: "\\x07", length: 2 };
        const unicode = /^\\([pP])(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(rest);
        if (unicode) {
          this.needsUnicode = true;
          const negated = unicode[1] === "P" !== (unicode[2] === "^");
          const name = unicode[3] ?? unicode[4];
          const property = name.length <= 2 || name === "Any" ? name : `Script=${name}`;
          return { text: `\\${negated ? "P" : "p"}{${property}}`, length: unicode[0].length };
        }
        const hexEscape = /^\\x(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(rest);
        if (hexEscape) {
          const code2 = parseInt(hexEscape[1] ?? hexEscape[2], 16);
          if (code2 > 65535) {
            this.needsUnicode = true;
            return { text: `\\u{${code2.toString(16)}}`, length: hexEscape[0].length };
          }
          return { text: hex(code2), length: hexEscape[0].length };
        }
        const octal = /^\\([0-7]{1,3})/.exec(rest);
        if (octal) return { text: hex(parseInt(octal[1], 8)), length: octal[0].length };
        if (/[A-Za-z0-9]/.test(next)) throw new Unsupported(`unsupported escape '\\${next}'`);
        if (inClass) return { text: classLiteral(next), length: 2 };
        return { text: SYNTAX.includes(next) ? `\\${next}` : next, length: 2 };
      }
      characterClass() {
        this.pos += 1;
        let negated = false;
        if (this.src[this.pos] === "^") {
          negated = true;
          this.pos += 1;
        }
        let body = "";
        const ranges = [];
        let first = true;
        while (this.pos < this.src.length && (this.src[this.pos] !== "]" || first)) {
          first = false;
          const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
          if (posix) {
            const expansion = POSIX_CLASSES[posix[2]];
            if (!expansion || posix[1]) throw new Unsupported(`unsupported character class '${posix[0]}'`);
            body += expansion;
            this.pos += posix[0].length;
            continue;
          }
          const low = this.classChar();
          if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]" && this.pos + 1 < this.src.length) {
            this.pos += 1;
            const high = this.classChar();
            if (low.code === void 0 || high.code === void 0) throw new Unsupported("a class range needs single-character ends");
            body += `${low.text}-${high.text}`;
            ranges.push([low.code, high.code]);
          } else {
            body += low.text;
            if (low.code !== void 0) ranges.push([low.code, low.code]);
          }
        }
        if (this.src[this.pos] !== "]") throw new Unsupported("missing ] at the end of a character class");
        this.pos += 1;
        if (!this.wholePatternFlags && this.flags.i) body += otherCase(ranges);
        this.out += `[${negated ? "^" : ""}${body}]`;
      }
      /** One class member: its JS text and, when it is a single character, its code. */
      classChar() {
        const ch = this.src[this.pos];
        if (ch !== "\\") {
          this.pos += 1;
          return { text: classLiteral(ch), code: ch.charCodeAt(0) };
        }
        const { text, length } = this.commonEscape(true);
        const literal = this.src.slice(this.pos, this.pos + length);
        this.pos += length;
        const code2 = literalCode(literal);
        return code2 === void 0 ? { text } : { text, code: code2 };
      }
    };
  }
});

// src/rules/read-allowlist.ts
function compileDialectRegex(source, dialect) {
  if (dialect === "leakstop") return compileRuleRegex(source);
  const translated = translateGoRegex(source);
  if (!translated.ok) return translated;
  return compileRegex(translated.source, translated.flags);
}
function regexList(fields, key, dialect) {
  return fields.stringArray(key).map((source, index) => {
    const compiled2 = compileDialectRegex(source, dialect);
    if (!compiled2.ok) throw fields.error(`${key}[${index}]`, compiled2.error);
    return patternOf(compiled2.regex);
  });
}
function readAllowlist(fields, dialect, options) {
  fields.rejectUnknown(
    FIELDS[dialect].filter((key) => options.global || key !== "targetRules"),
    dialect === "gitleaks" ? "gitleaks allowlist" : void 0
  );
  const target = fields.optionalString("regexTarget") ?? "secret";
  if (!TARGETS.includes(target)) throw fields.error("regexTarget", `must be one of ${TARGETS.join(", ")}`);
  const condition = (fields.optionalString("condition") ?? "or").toLowerCase();
  if (condition !== "or" && condition !== "and") throw fields.error("condition", 'must be "OR" or "AND"');
  const allowlist = {
    regexes: regexList(fields, "regexes", dialect),
    regexTarget: target,
    stopwords: fields.stringArray("stopwords").map((word) => word.toLowerCase()),
    paths: dialect === "leakstop" ? fields.stringArray("paths") : [],
    condition
  };
  const description = fields.optionalString("description");
  if (description) allowlist.description = description;
  if (dialect === "gitleaks") {
    const pathRegexes = regexList(fields, "paths", dialect);
    if (pathRegexes.length) allowlist.pathRegexes = pathRegexes;
    const commits = fields.stringArray("commits");
    if (commits.length) allowlist.commits = commits;
  }
  const targetRules = fields.stringArray("targetRules");
  if (targetRules.length) allowlist.targetRules = targetRules;
  const criteria = allowlist.regexes.length + allowlist.stopwords.length + allowlist.paths.length + (allowlist.pathRegexes?.length ?? 0) + (allowlist.commits?.length ?? 0);
  if (criteria === 0) throw fields.error("regexes", "an allowlist needs at least one of regexes, stopwords, paths");
  return allowlist;
}
var FIELDS, TARGETS;
var init_read_allowlist = __esm({
  "src/rules/read-allowlist.ts"() {
    "use strict";
    init_compile_rule_regex();
    init_pattern_of();
    init_go_regex();
    FIELDS = {
      leakstop: ["description", "regexes", "regexTarget", "stopwords", "paths", "condition", "targetRules"],
      gitleaks: ["description", "regexes", "regexTarget", "stopwords", "paths", "commits", "condition", "targetRules"]
    };
    TARGETS = ["secret", "match", "line"];
  }
});

// src/detect/assignment-grammar.ts
function caseless(word) {
  let out = "";
  for (const char of word) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    out += lower !== upper ? `[${lower}${upper}]` : escapeRegex2(char);
  }
  return out;
}
function escapeRegex2(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
function parts(words) {
  return words.trim().split(/[\s_.-]+/).filter((part) => part !== "");
}
function wordPattern(words) {
  return parts(words).map(caseless).join("[_.-]?");
}
function anchorIndex(spec, words) {
  const marked = spec.trim().split(/[\s_.-]+/).filter((part) => part !== "").findIndex((word) => /^[A-Z0-9]*[A-Z][A-Z0-9]*$/.test(word));
  if (marked >= 0 && /[a-z]/.test(spec)) return marked;
  let best = 0;
  words.forEach((word, i) => {
    if (word.length >= words[best].length) best = i;
  });
  return best;
}
function keywordPattern(keyword) {
  const trimmed = keyword.trim();
  const words = parts(trimmed);
  const lead = trimmed.startsWith("_") ? "_" : "";
  const start = lead !== "" ? `(?<=${NAME_START}` : words[0].length <= SHORT_KEYWORD ? `(?<=${WORD_START}` : "(?<=";
  const after = /[_.-]$/.test(trimmed) ? SEPARATOR_AFTER : "";
  const anchor = anchorIndex(trimmed, words);
  const spelt = words.map(caseless);
  spelt[0] = lead + spelt[0];
  const following = spelt.slice(anchor + 1).map((word) => `[_.-]?${word}`).join("");
  const behind = anchor > 0 || start !== "(?<=" ? `${start}${spelt.slice(0, anchor + 1).join("[_.-]?")})` : "";
  return `${spelt[anchor]}${behind}${following}${after}`;
}
function assignmentLiterals(spec) {
  const literals = spec.flag ? spec.keywords.map((command) => {
    const words = commandWords(command);
    return words[anchorIndex(command, words)].toLowerCase();
  }) : spec.keywords.map(keywordLiteral);
  return [...new Set(literals)];
}
function keywordLiteral(keyword) {
  const trimmed = keyword.trim();
  const words = parts(trimmed);
  const anchor = anchorIndex(trimmed, words);
  return (anchor === 0 && trimmed.startsWith("_") ? "_" : "") + words[anchor].toLowerCase();
}
function commandPattern(command) {
  const words = commandWords(command);
  const anchor = anchorIndex(command, words);
  const spelt = words.map(escapeRegex2);
  const behind = `(?<=(?:^|[^\\w.-])${spelt.slice(0, anchor + 1).join("[ \\t]+")})`;
  return `${spelt[anchor]}${behind}${spelt.slice(anchor + 1).map((word) => `[ \\t]+${word}`).join("")}(?=[ \\t])`;
}
function commandWords(command) {
  return command.trim().split(/\s+/);
}
function flagPattern(flag) {
  const after = /^-[A-Za-z0-9]$/.test(flag) ? "[ \\t]{0,5}" : "(?:=|[ \\t]{1,5})";
  return `${escapeRegex2(flag)}${after}(?!-)`;
}
function commandLineRegex(spec, value) {
  const commands = spec.keywords.map(commandPattern).join("|");
  const flags = spec.flag.map(flagPattern).join("|");
  return `(?:${commands})(?:[ \\t]+${ARGUMENT}){0,20}?[ \\t]+(?:${flags})${VALUE_OPEN}${spec.lead ?? ""}(?<${ASSIGNMENT_SECRET_GROUP}>${value})${ARGUMENT_END}`;
}
function assignmentRegex(spec) {
  const insensitive = spec.value.startsWith("(?i)");
  const value = insensitive ? spec.value.slice(4) : spec.value;
  if (spec.flag) return { source: commandLineRegex(spec, value), flags: insensitive ? "i" : "" };
  const keywords = spec.keywords.map(keywordPattern);
  const names = spec.names.length > 0 ? `[\\w.-]{0,24}?(?:${spec.names.map(wordPattern).join("|")})` : "";
  const source = `(?:${keywords.join("|")})${names}${NAME_TAIL}${NAME_CLOSE}(?:${SEPARATOR})${VALUE_OPEN}${spec.lead ?? ""}(?<${ASSIGNMENT_SECRET_GROUP}>${value})${VALUE_END}`;
  return { source, flags: insensitive ? "i" : "" };
}
var ASSIGNMENT_SECRET_GROUP, SHORT_KEYWORD, WORD_START, NAME_START, SEPARATOR_AFTER, NAME_TAIL, NOT_SECRET_NAMES, NOT_SECRET_NAME, NAME_CLOSE, TYPE, OPERATOR, SEPARATOR, VALUE_OPEN, VALUE_END, ARGUMENT, ARGUMENT_END;
var init_assignment_grammar = __esm({
  "src/detect/assignment-grammar.ts"() {
    "use strict";
    init_pattern_of();
    ASSIGNMENT_SECRET_GROUP = "secret";
    SHORT_KEYWORD = 3;
    WORD_START = "(?:^|[^A-Za-z0-9]|\\\\[nrt])";
    NAME_START = `(?:^|[\\s/:"'\\x60<$]|\\\\[nrt])`;
    SEPARATOR_AFTER = "(?:[_.-]|(?<=[a-z])(?=[A-Z]))";
    NAME_TAIL = "[\\w.-]{0,30}";
    NOT_SECRET_NAMES = [
      "id",
      "ids",
      "name",
      "names",
      "url",
      "uri",
      "urls",
      "path",
      "file",
      "dir",
      "host",
      "endpoint",
      "region",
      "user",
      "username",
      "email",
      "version",
      "type",
      "mode",
      "enabled",
      "length",
      "size",
      "count",
      "prefix",
      "format"
    ];
    NOT_SECRET_NAME = [
      new RegExp(`^[\\w.-]*[_.-](?:${NOT_SECRET_NAMES.join("|")})(?![\\w.-])`, "i"),
      new RegExp(`^[\\w.-]*[a-z0-9](?:${NOT_SECRET_NAMES.map((word) => word[0].toUpperCase() + word.slice(1)).join("|")})(?![\\w.-])`)
    ].map(patternOf);
    NAME_CLOSE = `(?:\\\\{0,3}["'\\x60])?\\]?`;
    TYPE = `(?:[ \\t]*:[ \\t]*|[ \\t]+)&?(?:'static[ \\t]+)?[A-Za-z_][\\w.<>\\[\\]|?]{0,40}[ \\t]*(?==)`;
    OPERATOR = "(?:::?:?=|[?+.!|]=|\\|\\|=|!==|={1,3}>?|->|<-|:(?!:)|\\|(?!\\|))";
    SEPARATOR = [
      // `k: |` (YAML block scalar): the value is on the next, indented line.
      `[ \\t]{0,5}:[ \\t]{0,5}[|>][-+]?[0-9]?[ \\t]*\\r?\\n[ \\t]{1,40}`,
      `(?:${TYPE})?[ \\t]{0,5}${OPERATOR}[ \\t]{0,5}`,
      // `("k", v)`, `put("k", v)`: a comma only after a quoted name, not between two arguments.
      `(?<=["'\\x60])[ \\t]{0,5},[ \\t]{0,5}`,
      // `<k>value</k>`, on one line or across lines.
      `>\\s{0,64}`,
      // `<add key="k" value="v"/>`, `- name: k` / `  value: v`, `name = "k"` / `value = "v"`.
      `\\s{1,40}${caseless("value")}[ \\t]{0,5}[=:][ \\t]{0,5}`,
      // `k "v"`: Groovy and Gradle DSLs, C `#define`, nginx and Apache directives.
      `[ \\t]{1,5}(?=[@rRbBuU]?\\\\{0,3}["'])`,
      // A space after a command-line flag or subcommand (`--k v`, `-k v`, `add-k v`) or Dockerfile `ENV k v`.
      `(?<=(?:(?:^|[\\s"'\\x60])(?:--?|${caseless("add-")}|${caseless("set-")})|\\b(?:${caseless("env")}|${caseless("arg")}|${caseless("setx")})[ \\t]+)[\\w.-]{1,80})[ \\t]{1,5}`
    ].map((form) => `(?:${form})`).join("|");
    VALUE_OPEN = `(?:\\[[ \\t]*)?(?:[@$rRbBuU]?\\\\{0,3}["'\\x60])?(?:(?:${caseless("bearer")}|${caseless("token")})[ \\t]+)?`;
    VALUE_END = "(?![\\w+/=([-]|\\.[\\w-])";
    ARGUMENT = `(?:"[^"\\n]{0,200}"|'[^'\\n]{0,200}'|[^\\s"'|;&<>]){1,200}`;
    ARGUMENT_END = `(?=\\\\{0,3}["'\\x60]|[\\s;&|)]|\\\\[nrt]|$)`;
  }
});

// src/rules/read-rule.ts
function readRule(fields, dialect, defaults3 = {}) {
  if (dialect === "gitleaks") {
    if (fields.has("required") || fields.has("skipReport")) {
      throw fields.error(fields.has("required") ? "required" : "skipReport", "composite gitleaks rules are not supported; remove the rule or rewrite it as one regex");
    }
    if (!fields.has("regex") && fields.has("path")) {
      throw fields.error("path", "path-only gitleaks rules are not supported: Leakstop reports secrets, not file names");
    }
  }
  fields.rejectUnknown(FIELDS2[dialect], dialect === "gitleaks" ? "not a gitleaks rule field" : void 0);
  const id = fields.string("id");
  if (!ID2.test(id)) throw fields.error("id", 'may hold only letters, digits, ".", "_" and "-"');
  const assignment = readAssignment(fields);
  const compiled2 = assignment ? compileAssignment(assignment) : compileDialectRegex(fields.string("regex"), dialect);
  if (!compiled2.ok) throw fields.error(assignment ? "assignment" : "regex", compiled2.error);
  const regex = compiled2.regex;
  if (!assignment && literalPrefixes(regex.source) === void 0 && regex.test("")) {
    throw fields.error("regex", "matches the empty string, so it would match everywhere");
  }
  const rule = {
    id,
    description: defaults3.strict ? fields.string("description") : fields.optionalString("description") ?? id,
    provider: fields.optionalString("provider") ?? defaults3.provider ?? "Custom",
    regex: patternOf(regex),
    secretGroup: assignment ? ASSIGNMENT_SECRET_GROUP : readSecretGroup(fields, regex),
    keywords: assignment ? assignmentLiterals(assignment) : readKeywords(fields),
    entropy: readEntropy(fields),
    paths: dialect === "leakstop" ? fields.stringArray("paths") : [],
    allowlists: [],
    tags: fields.stringArray("tags"),
    severity: readSeverity(fields),
    examples: readExamples(fields),
    source: fields.file
  };
  if (defaults3.strict && !fields.has("provider") && !defaults3.provider) {
    throw fields.error("provider", "is required (on the rule or at the top of the file)");
  }
  const checksum = fields.optionalString("checksum");
  if (checksum !== void 0) {
    if (!CHECKSUMS.includes(checksum)) throw fields.error("checksum", `must be one of ${CHECKSUMS.join(", ")}`);
    rule.checksum = checksum;
  }
  const structure = fields.optionalString("structure");
  if (structure !== void 0) {
    if (!STRUCTURES.includes(structure)) throw fields.error("structure", `must be one of ${STRUCTURES.join(", ")}`);
    rule.structure = structure;
  }
  if (assignment) rule.assignment = assignment;
  const guidance = fields.optionalString("guidance");
  if (guidance) rule.guidance = guidance;
  if (dialect === "gitleaks") {
    const path14 = fields.optionalString("path");
    if (path14 !== void 0) {
      const pathRegex = compileDialectRegex(path14, dialect);
      if (!pathRegex.ok) throw fields.error("path", pathRegex.error);
      rule.pathRegexes = [patternOf(pathRegex.regex)];
    }
    const single = fields.optionalTable("allowlist");
    if (single) rule.allowlists.push(readAllowlist(single, dialect, { global: false }));
  }
  for (const allowlist of fields.tables("allowlists")) rule.allowlists.push(readAllowlist(allowlist, dialect, { global: false }));
  if (assignment) {
    rule.allowlists.push({ description: "names of something about a secret (`_ID`, `Url`)", regexes: [...NOT_SECRET_NAME], regexTarget: "match", stopwords: [], paths: [] });
  }
  return rule;
}
function readAssignment(fields) {
  const table = fields.optionalTable("assignment");
  if (!table) return void 0;
  for (const field of ["regex", "secretGroup", "keywords"]) {
    if (fields.has(field)) throw fields.error(field, "is set by [rules.assignment]; remove it");
  }
  table.rejectUnknown(["keyword", "name", "value", "lead", "flag"]);
  const words = (key) => table.stringArray(key).map((word, index) => {
    if (!/^_?[A-Za-z0-9]+(?:[ _.-][A-Za-z0-9]+)*[_.-]?$/.test(word)) {
      throw table.error(`${key}[${index}]`, 'must be letters and digits, words separated (or ended) by a space, "_", "-" or "."; "_" may start it');
    }
    return word;
  });
  const keywords = words("keyword");
  if (keywords.length === 0) throw table.error("keyword", "is required (the words a name holding this secret starts with)");
  const spec = { keywords, names: words("name"), value: table.string("value") };
  const lead = table.optionalString("lead");
  if (lead !== void 0) spec.lead = lead;
  if (table.has("flag")) {
    spec.flag = table.stringArray("flag").map((flag, index) => {
      if (!/^--?[A-Za-z0-9][A-Za-z0-9-]*$/.test(flag)) throw table.error(`flag[${index}]`, 'must be a command-line flag, e.g. "-p" or "--password"');
      return flag;
    });
    if (spec.flag.length === 0) throw table.error("flag", "must name at least one flag");
  }
  return spec;
}
function compileAssignment(spec) {
  const value = compileRegex(spec.value.replace(/^\(\?i\)/, ""), "");
  if (!value.ok) return { ok: false, error: `value: ${value.error}` };
  if (regexGroups(value.regex).names.length > 0) return { ok: false, error: "value: must not hold named groups" };
  if (value.regex.test("")) return { ok: false, error: "value: matches the empty string" };
  const { source, flags } = assignmentRegex(spec);
  return compileRegex(source, flags);
}
function readSecretGroup(fields, regex) {
  const groups = regexGroups(regex);
  const value = fields.table.secretGroup;
  if (value === void 0) return groups.count > 0 ? 1 : 0;
  if (typeof value === "string") {
    if (!groups.names.includes(value)) throw fields.error("secretGroup", `the regex has no group named "${value}"`);
    return value;
  }
  const index = fields.optionalNumber("secretGroup");
  if (!Number.isInteger(index) || index < 0 || index > groups.count) {
    throw fields.error("secretGroup", `must be a group number from 0 to ${groups.count} or a group name`);
  }
  return index;
}
function readKeywords(fields) {
  return fields.stringArray("keywords").map((keyword, index) => {
    if (keyword === "") throw fields.error(`keywords[${index}]`, "must not be empty");
    return keyword.toLowerCase();
  });
}
function readEntropy(fields) {
  const entropy = fields.optionalNumber("entropy") ?? 0;
  if (entropy < 0) throw fields.error("entropy", "must be 0 or more (bits per character)");
  return entropy;
}
function readSeverity(fields) {
  const severity = fields.optionalString("severity") ?? "medium";
  if (!SEVERITIES.includes(severity)) throw fields.error("severity", `must be one of ${SEVERITIES.join(", ")}`);
  return severity;
}
function readExamples(fields) {
  const examples = fields.optionalTable("examples");
  if (!examples) return { match: [], noMatch: [] };
  examples.rejectUnknown(["match", "noMatch", "excludeContexts"]);
  const read = {
    match: examples.stringArray("match").map((text) => ({ text })),
    noMatch: examples.stringArray("noMatch")
  };
  const excluded = examples.stringArray("excludeContexts");
  if (excluded.length > 0) read.excludeContexts = excluded;
  return read;
}
var FIELDS2, SEVERITIES, CHECKSUMS, STRUCTURES, ID2;
var init_read_rule = __esm({
  "src/rules/read-rule.ts"() {
    "use strict";
    init_assignment_grammar();
    init_literal_prefixes();
    init_compile_rule_regex();
    init_pattern_of();
    init_read_allowlist();
    FIELDS2 = {
      leakstop: [
        "id",
        "description",
        "provider",
        "regex",
        "assignment",
        "secretGroup",
        "keywords",
        "entropy",
        "checksum",
        "structure",
        "paths",
        "tags",
        "severity",
        "guidance",
        "allowlists",
        "examples"
      ],
      gitleaks: [
        "id",
        "description",
        "regex",
        "secretGroup",
        "keywords",
        "entropy",
        "path",
        "tags",
        "allowlist",
        "allowlists"
      ]
    };
    SEVERITIES = ["critical", "high", "medium", "low", "info"];
    CHECKSUMS = ["crc32-base62"];
    STRUCTURES = ["jwt", "basic-credentials"];
    ID2 = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
  }
});

// src/rules/toml-fields.ts
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function firstLine(text) {
  return text.split("\n")[0].trim();
}
function describe(value) {
  if (Array.isArray(value)) return "an array";
  if (isTable(value)) return "a table";
  if (value instanceof Date) return "a date";
  return `a ${typeof value}`;
}
function ruleLabel(table) {
  return typeof table.id === "string" ? table.id : void 0;
}
var TomlFields;
var init_toml_fields = __esm({
  "src/rules/toml-fields.ts"() {
    "use strict";
    init_errors();
    TomlFields = class _TomlFields {
      constructor(file, where3, table) {
        this.file = file;
        this.where = where3;
        this.table = table;
      }
      file;
      where;
      table;
      static root(file, document) {
        if (!isTable(document)) throw new ConfigError(`${file}: not a TOML table`);
        return new _TomlFields(file, "", document);
      }
      /** A ConfigError about one field of this table. */
      error(field, problem) {
        const at = this.where ? `${this.where}: ` : "";
        return new ConfigError(`${this.file}: ${at}${field}: ${firstLine(problem)}`);
      }
      has(key) {
        return this.table[key] !== void 0;
      }
      keys() {
        return Object.keys(this.table);
      }
      /** Rejects keys outside `allowed`: a misspelt field must not silently do nothing. */
      rejectUnknown(allowed, hint = "") {
        for (const key of Object.keys(this.table)) {
          if (!allowed.includes(key)) throw this.error(key, `unknown field${hint ? ` (${hint})` : ""}`);
        }
      }
      optionalString(key) {
        const value = this.table[key];
        if (value === void 0) return void 0;
        if (typeof value !== "string") throw this.error(key, `must be a string, not ${describe(value)}`);
        return value;
      }
      string(key) {
        const value = this.optionalString(key);
        if (value === void 0 || value.trim() === "") throw this.error(key, "is required (a non-empty string)");
        return value;
      }
      optionalNumber(key) {
        const value = this.table[key];
        if (value === void 0) return void 0;
        const number = typeof value === "bigint" ? Number(value) : value;
        if (typeof number !== "number" || !Number.isFinite(number)) {
          throw this.error(key, `must be a number, not ${describe(value)}`);
        }
        return number;
      }
      optionalBoolean(key) {
        const value = this.table[key];
        if (value === void 0) return void 0;
        if (typeof value !== "boolean") throw this.error(key, `must be true or false, not ${describe(value)}`);
        return value;
      }
      stringArray(key) {
        const value = this.table[key];
        if (value === void 0) return [];
        if (!Array.isArray(value)) throw this.error(key, `must be an array of strings, not ${describe(value)}`);
        return value.map((item, index) => {
          if (typeof item !== "string") throw this.error(`${key}[${index}]`, `must be a string, not ${describe(item)}`);
          return item;
        });
      }
      optionalTable(key) {
        const value = this.table[key];
        if (value === void 0) return void 0;
        if (!isTable(value)) throw this.error(key, `must be a table, not ${describe(value)}`);
        return new _TomlFields(this.file, this.child(key), value);
      }
      /** An array of tables (`[[key]]`); `label` names each element, e.g. by its rule id. */
      tables(key, label) {
        const value = this.table[key];
        if (value === void 0) return [];
        if (!Array.isArray(value)) throw this.error(key, `must be an array of tables ([[${key}]]), not ${describe(value)}`);
        return value.map((item, index) => {
          if (!isTable(item)) throw this.error(`${key}[${index}]`, `must be a table, not ${describe(item)}`);
          const name = label?.(item);
          return new _TomlFields(this.file, this.child(`${key}[${index}]${name ? ` (${name})` : ""}`), item);
        });
      }
      child(key) {
        return this.where ? `${this.where}: ${key}` : key;
      }
    };
  }
});

// src/rules/read-config-file.ts
function readConfigFile(source, kind) {
  const dialect = kind === "user" && isGitleaksConfig(source.document) ? "gitleaks" : "leakstop";
  const top = TomlFields.root(source.file, source.document);
  top.rejectUnknown(TOP_LEVEL[dialect][kind], dialect === "gitleaks" ? "not a gitleaks config field" : void 0);
  const provider = top.optionalString("provider");
  const strict = kind === "built-in";
  const rules = top.tables("rules", ruleLabel).map((fields) => readRule(fields, dialect, provider ? { provider, strict } : { strict }));
  const seen = /* @__PURE__ */ new Set();
  for (const [index, rule] of rules.entries()) {
    if (seen.has(rule.id)) throw top.error(`rules[${index}] (${rule.id})`, "duplicate rule id");
    seen.add(rule.id);
  }
  const allowlists = [];
  const single = dialect === "gitleaks" ? top.optionalTable("allowlist") : void 0;
  if (single) allowlists.push(readAllowlist(single, dialect, { global: true }));
  for (const fields of top.tables("allowlists")) allowlists.push(readAllowlist(fields, dialect, { global: true }));
  const config = { dialect, rules, allowlists, useDefault: dialect === "leakstop", disabledRules: [], enableTags: [] };
  const extend = top.optionalTable("extend");
  if (extend) {
    if (dialect === "gitleaks" && (extend.has("path") || extend.has("url"))) {
      throw extend.error(extend.has("path") ? "path" : "url", "extending another gitleaks config is not supported; merge it into this file");
    }
    extend.rejectUnknown(dialect === "leakstop" ? ["useDefault", "disabledRules", "enableTags"] : ["useDefault", "disabledRules"]);
    config.useDefault = extend.optionalBoolean("useDefault") ?? config.useDefault;
    config.disabledRules = extend.stringArray("disabledRules");
    config.enableTags = extend.stringArray("enableTags");
  }
  const maxFileSize = top.table.maxFileSize;
  if (maxFileSize !== void 0) {
    const parsed = typeof maxFileSize === "string" || typeof maxFileSize === "number" ? parseMaxFileSize(maxFileSize) : { ok: false, error: 'must be a number of bytes or a size like "10MB"' };
    if (!parsed.ok) throw top.error("maxFileSize", parsed.error);
    config.maxFileSize = parsed.bytes;
  }
  return config;
}
function hasGoSyntax(regex) {
  return GO_SYNTAX.test(regex.replace(LEADING_FLAGS3, ""));
}
function isGitleaksConfig(document) {
  if (GITLEAKS_TOP_LEVEL.some((key) => key in document)) return true;
  const extend = document.extend;
  if (extend && typeof extend === "object" && ("path" in extend || "url" in extend)) return true;
  const rules = Array.isArray(document.rules) ? document.rules : [];
  return rules.some((rule) => {
    if (typeof rule !== "object" || rule === null) return false;
    const table = rule;
    if (GITLEAKS_RULE_FIELDS.some((key) => key in table)) return true;
    const allowlists = Array.isArray(table.allowlists) ? table.allowlists : [];
    if (allowlists.some((allowlist) => allowlist && typeof allowlist === "object" && "commits" in allowlist)) return true;
    return typeof table.regex === "string" && hasGoSyntax(table.regex);
  });
}
var TOP_LEVEL, GITLEAKS_TOP_LEVEL, GITLEAKS_RULE_FIELDS, LEADING_FLAGS3, GO_SYNTAX;
var init_read_config_file = __esm({
  "src/rules/read-config-file.ts"() {
    "use strict";
    init_max_file_size();
    init_read_allowlist();
    init_read_rule();
    init_toml_fields();
    TOP_LEVEL = {
      leakstop: {
        "built-in": ["provider", "rules", "allowlists"],
        user: ["provider", "rules", "allowlists", "extend", "maxFileSize"]
      },
      gitleaks: {
        "built-in": [],
        user: ["title", "description", "minVersion", "extend", "allowlist", "allowlists", "rules"]
      }
    };
    GITLEAKS_TOP_LEVEL = ["title", "allowlist", "minVersion"];
    GITLEAKS_RULE_FIELDS = ["path", "allowlist", "required", "skipReport"];
    LEADING_FLAGS3 = /^(?:\(\?[ims]+\))+/;
    GO_SYNTAX = /\(\?[-a-zA-Z]+[:)]|\(\?P<|\\[zAQ]|\[\[:/;
  }
});

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError;
var init_error = __esm({
  "node_modules/smol-toml/dist/error.js"() {
    TomlError = class _TomlError extends Error {
      line;
      column;
      codeblock;
      constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}

${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
      }
      /** @internal */
      static x(message, ctx, ptr) {
        throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
      }
    };
  }
});

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex2 = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex2 >= 48 && hex2 <= 57 ? hex2 - 48 : (
              /* A-F */
              hex2 >= 65 && hex2 <= 70 ? hex2 - 65 + 10 : (
                /* a-f */
                hex2 >= 97 && hex2 <= 102 ? hex2 - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}
var init_primitive = __esm({
  "node_modules/smol-toml/dist/primitive.js"() {
    init_error();
  }
});

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE, TomlDate;
var init_date = __esm({
  "node_modules/smol-toml/dist/date.js"() {
    DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
    TomlDate = class _TomlDate extends Date {
      #hasDate = false;
      #hasTime = false;
      #offset = null;
      constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = "Z";
        let c;
        if (typeof date === "string") {
          if (fasttype)
            prep: {
              if (fasttype < 3) {
                if (+date.slice(11, 13) > 23) {
                  date = "";
                  break prep;
                }
                if (fasttype === 2) {
                  offset = null;
                  date += "Z";
                } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
                  offset = date.slice(date.length - 6);
                }
                if (unsafeDelim)
                  date = date.slice(0, 10) + "T" + date.slice(11);
              } else if (fasttype === 4) {
                date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
              }
              hasDate = fasttype !== 4;
              hasTime = fasttype !== 3;
            }
          else {
            let match2 = date.match(DATE_TIME_RE);
            if (match2) {
              if (!match2[1]) {
                hasDate = false;
                date = `0000-01-01T${date}`;
              }
              hasTime = !!match2[2];
              hasTime && date[10] === " " && (date = date.replace(" ", "T"));
              if (match2[2] && +match2[2] > 23) {
                date = "";
              } else {
                offset = match2[3] || null;
                if (!offset && hasTime)
                  date += "Z";
              }
            } else {
              date = "";
            }
          }
        }
        super(date);
        if (!isNaN(this.getTime())) {
          this.#hasDate = hasDate;
          this.#hasTime = hasTime;
          this.#offset = offset;
        }
      }
      isDateTime() {
        return this.#hasDate && this.#hasTime;
      }
      isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
      }
      isDate() {
        return this.#hasDate && !this.#hasTime;
      }
      isTime() {
        return this.#hasTime && !this.#hasDate;
      }
      isValid() {
        return this.#hasDate || this.#hasTime;
      }
      toISOString() {
        let iso2 = super.toISOString();
        if (this.isDate())
          return iso2.slice(0, 10);
        if (this.isTime())
          return iso2.slice(11, 23);
        if (this.#offset === null)
          return iso2.slice(0, -1);
        if (this.#offset === "Z" || this.#offset === "z")
          return iso2;
        let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
        offset = this.#offset[0] === "-" ? offset : -offset;
        let offsetDate = new Date(this.getTime() - offset * 6e4);
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
      }
      static wrapAsOffsetDateTime(jsDate, offset = "Z") {
        let date = new _TomlDate(jsDate);
        date.#offset = offset;
        return date;
      }
      static wrapAsLocalDateTime(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#offset = null;
        return date;
      }
      static wrapAsLocalDate(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
      }
      static wrapAsLocalTime(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
      }
    };
  }
});

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}
var init_extract = __esm({
  "node_modules/smol-toml/dist/extract.js"() {
    init_primitive();
    init_struct();
    init_error();
    init_date();
  }
});

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}
var init_util = __esm({
  "node_modules/smol-toml/dist/util.js"() {
    init_error();
  }
});

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}
var init_struct = __esm({
  "node_modules/smol-toml/dist/struct.js"() {
    init_primitive();
    init_extract();
    init_util();
    init_error();
  }
});

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}
var init_parse = __esm({
  "node_modules/smol-toml/dist/parse.js"() {
    init_struct();
    init_extract();
    init_util();
    init_error();
  }
});

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED;
var init_stringify = __esm({
  "node_modules/smol-toml/dist/stringify.js"() {
    HAS_WELLFORMED = !!"".isWellFormed;
  }
});

// node_modules/smol-toml/dist/index.js
var init_dist = __esm({
  "node_modules/smol-toml/dist/index.js"() {
    init_parse();
    init_stringify();
    init_date();
    init_error();
  }
});

// src/rules/read-toml.ts
import fs6 from "node:fs";
function readToml(fullPath, file) {
  let text;
  try {
    text = fs6.readFileSync(fullPath, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read config: ${errnoText(error)}`);
  }
  return { file, text, document: parseToml(text, file) };
}
function parseToml(text, file) {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.replace(/^Invalid TOML document: /, "").split("\n")[0];
      throw new ConfigError(`${file}: line ${error.line}, column ${error.column}: invalid TOML: ${reason}`);
    }
    throw error;
  }
}
var init_read_toml = __esm({
  "src/rules/read-toml.ts"() {
    "use strict";
    init_dist();
    init_errno_text();
    init_errors();
  }
});

// src/rules/load-config.ts
var load_config_exports = {};
__export(load_config_exports, {
  OPT_IN_TAGS: () => OPT_IN_TAGS,
  loadConfig: () => loadConfig,
  parseMaxFileSize: () => parseMaxFileSize
});
import fs7 from "node:fs";
import path5 from "node:path";
function loadConfig(options = {}) {
  const userSource = options.configPath ? readToml(path5.resolve(options.configPath), options.configPath) : void 0;
  const user = userSource ? readConfigFile(userSource, "user") : void 0;
  const builtIn = user && !user.useDefault ? void 0 : readBuiltInRules(options.rulesDir);
  for (const [index, tag] of (user?.enableTags ?? []).entries()) {
    if (!OPT_IN_TAGS.includes(tag)) throw new ConfigError(`${userSource.file}: extend: enableTags[${index}]: "${tag}" is not an opt-in tag (${OPT_IN_TAGS.join(", ")})`);
  }
  const enabled = /* @__PURE__ */ new Set([...options.enableTags ?? [], ...user?.enableTags ?? []]);
  const builtInRules = builtIn?.rules.filter((rule) => rule.tags.every((tag) => !OPT_IN_TAGS.includes(tag) || enabled.has(tag))) ?? [];
  const rules = user && userSource ? mergeRules(builtInRules, user, userSource.file, options.onNotice) : builtInRules;
  if (user && userSource) checkTargetRules(user.allowlists, rules, userSource.file);
  const allowlists = [...builtIn?.allowlists ?? [], ...user?.allowlists ?? []];
  const versioned = [...builtIn?.versioned ?? []];
  if (userSource) versioned.push({ name: "config", text: userSource.text });
  const sources = [...builtIn?.files ?? []];
  if (options.configPath) sources.push(path5.resolve(options.configPath));
  return {
    rules,
    allowlists,
    maxFileSize: user?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    rulesetVersion: rulesetVersion(versioned),
    sources
  };
}
function readBuiltInRules(rulesDir) {
  const dir = rulesDir ?? BUILT_IN_RULES_DIR;
  const shown = (name) => rulesDir === void 0 ? `rules/${name}` : path5.join(rulesDir, name);
  let names;
  try {
    names = fs7.readdirSync(dir).filter((name) => name.endsWith(".toml")).sort();
  } catch {
    throw new ConfigError(`${rulesDir ?? "rules"}: the built-in rules directory cannot be read; reinstall leakstop`);
  }
  if (names.length === 0) throw new ConfigError(`${rulesDir ?? "rules"}: no rule files (*.toml) found`);
  const result2 = { rules: [], allowlists: [], versioned: [], files: [] };
  const origin = /* @__PURE__ */ new Map();
  for (const name of names) {
    const source = readToml(path5.join(dir, name), shown(name));
    const file = readConfigFile(source, "built-in");
    for (const rule of file.rules) {
      const earlier = origin.get(rule.id);
      if (earlier) throw new ConfigError(`${source.file}: rule id "${rule.id}" is already defined in ${earlier}`);
      origin.set(rule.id, source.file);
    }
    for (const rule of file.rules) result2.rules.push(rule);
    for (const allowlist of file.allowlists) result2.allowlists.push(allowlist);
    result2.versioned.push({ name, text: source.text });
    result2.files.push(path5.join(dir, name));
  }
  return result2;
}
function mergeRules(builtIn, user, file, onNotice) {
  const own = new Map(user.rules.map((rule) => [rule.id, { ...rule, untrusted: true }]));
  const merged = builtIn.map((rule) => {
    const replacement = own.get(rule.id);
    if (!replacement) return rule;
    onNotice?.(`${file}: rule "${rule.id}" replaces the built-in rule of the same id`);
    return replacement;
  });
  const builtInIds = new Set(builtIn.map((rule) => rule.id));
  for (const rule of own.values()) if (!builtInIds.has(rule.id)) merged.push(rule);
  const ids = new Set(merged.map((rule) => rule.id));
  const disabled = new Set(user.disabledRules);
  for (const [index, id] of user.disabledRules.entries()) {
    if (!ids.has(id)) throw new ConfigError(`${file}: extend: disabledRules[${index}]: no rule "${id}"; see the rule ids in rules/*.toml`);
  }
  const rules = merged.filter((rule) => !disabled.has(rule.id));
  if (rules.length === 0) {
    if (user.useDefault || user.rules.length > 0) throw new ConfigError(`${file}: extend: disabledRules disables every rule; nothing would be scanned`);
    throw new ConfigError(user.dialect === "gitleaks" ? `${file}: no rules: a gitleaks config uses only its own [[rules]] unless [extend] says useDefault = true, and it defines none` : `${file}: no rules: the built-in rules are off (useDefault = false) and the file defines no [[rules]]; add rules or keep useDefault = true`);
  }
  return rules;
}
function checkTargetRules(allowlists, rules, file) {
  const ids = new Set(rules.map((rule) => rule.id));
  for (const [index, allowlist] of allowlists.entries()) {
    const unknown = allowlist.targetRules?.find((id) => !ids.has(id));
    if (unknown) throw new ConfigError(`${file}: allowlists[${index}]: targetRules: no rule "${unknown}" is loaded`);
  }
}
var OPT_IN_TAGS;
var init_load_config = __esm({
  "src/rules/load-config.ts"() {
    "use strict";
    init_errors();
    init_max_file_size();
    init_package_root();
    init_read_config_file();
    init_read_toml();
    init_ruleset_version();
    init_max_file_size();
    OPT_IN_TAGS = ["hash"];
  }
});

// node_modules/cli-progress/lib/eta.js
var require_eta = __commonJS({
  "node_modules/cli-progress/lib/eta.js"(exports, module) {
    var ETA = class {
      constructor(length, initTime, initValue) {
        this.etaBufferLength = length || 100;
        this.valueBuffer = [initValue];
        this.timeBuffer = [initTime];
        this.eta = "0";
      }
      // add new values to calculation buffer
      update(time, value, total) {
        this.valueBuffer.push(value);
        this.timeBuffer.push(time);
        this.calculate(total - value);
      }
      // fetch estimated time
      getTime() {
        return this.eta;
      }
      // eta calculation - request number of remaining events
      calculate(remaining) {
        const currentBufferSize = this.valueBuffer.length;
        const buffer = Math.min(this.etaBufferLength, currentBufferSize);
        const v_diff = this.valueBuffer[currentBufferSize - 1] - this.valueBuffer[currentBufferSize - buffer];
        const t_diff = this.timeBuffer[currentBufferSize - 1] - this.timeBuffer[currentBufferSize - buffer];
        const vt_rate = v_diff / t_diff;
        this.valueBuffer = this.valueBuffer.slice(-this.etaBufferLength);
        this.timeBuffer = this.timeBuffer.slice(-this.etaBufferLength);
        const eta = Math.ceil(remaining / vt_rate / 1e3);
        if (isNaN(eta)) {
          this.eta = "NULL";
        } else if (!isFinite(eta)) {
          this.eta = "INF";
        } else if (eta > 1e7) {
          this.eta = "INF";
        } else if (eta < 0) {
          this.eta = 0;
        } else {
          this.eta = eta;
        }
      }
    };
    module.exports = ETA;
  }
});

// node_modules/cli-progress/lib/terminal.js
var require_terminal = __commonJS({
  "node_modules/cli-progress/lib/terminal.js"(exports, module) {
    var _readline = __require("readline");
    var Terminal = class {
      constructor(outputStream) {
        this.stream = outputStream;
        this.linewrap = true;
        this.dy = 0;
      }
      // save cursor position + settings
      cursorSave() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B7");
      }
      // restore last cursor position + settings
      cursorRestore() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B8");
      }
      // show/hide cursor
      cursor(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        if (enabled) {
          this.stream.write("\x1B[?25h");
        } else {
          this.stream.write("\x1B[?25l");
        }
      }
      // change cursor positionn
      cursorTo(x = null, y = null) {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.cursorTo(this.stream, x, y);
      }
      // change relative cursor position
      cursorRelative(dx = null, dy = null) {
        if (!this.stream.isTTY) {
          return;
        }
        this.dy = this.dy + dy;
        _readline.moveCursor(this.stream, dx, dy);
      }
      // relative reset
      cursorRelativeReset() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.moveCursor(this.stream, 0, -this.dy);
        _readline.cursorTo(this.stream, 0, null);
        this.dy = 0;
      }
      // clear to the right from cursor
      clearRight() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 1);
      }
      // clear the full line
      clearLine() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 0);
      }
      // clear everyting beyond the current line
      clearBottom() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearScreenDown(this.stream);
      }
      // add new line; increment counter
      newline() {
        this.stream.write("\n");
        this.dy++;
      }
      // write content to output stream
      // @TODO use string-width to strip length
      write(s, rawWrite = false) {
        if (this.linewrap === true && rawWrite === false) {
          this.stream.write(s.substr(0, this.getWidth()));
        } else {
          this.stream.write(s);
        }
      }
      // control line wrapping
      lineWrapping(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        this.linewrap = enabled;
        if (enabled) {
          this.stream.write("\x1B[?7h");
        } else {
          this.stream.write("\x1B[?7l");
        }
      }
      // tty environment ?
      isTTY() {
        return this.stream.isTTY === true;
      }
      // get terminal width
      getWidth() {
        return this.stream.columns || (this.stream.isTTY ? 80 : 200);
      }
    };
    module.exports = Terminal;
  }
});

// node_modules/string-width/node_modules/ansi-regex/index.js
var require_ansi_regex = __commonJS({
  "node_modules/string-width/node_modules/ansi-regex/index.js"(exports, module) {
    "use strict";
    module.exports = ({ onlyFirst = false } = {}) => {
      const pattern = [
        "[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)",
        "(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))"
      ].join("|");
      return new RegExp(pattern, onlyFirst ? void 0 : "g");
    };
  }
});

// node_modules/string-width/node_modules/strip-ansi/index.js
var require_strip_ansi = __commonJS({
  "node_modules/string-width/node_modules/strip-ansi/index.js"(exports, module) {
    "use strict";
    var ansiRegex = require_ansi_regex();
    module.exports = (string) => typeof string === "string" ? string.replace(ansiRegex(), "") : string;
  }
});

// node_modules/is-fullwidth-code-point/index.js
var require_is_fullwidth_code_point = __commonJS({
  "node_modules/is-fullwidth-code-point/index.js"(exports, module) {
    "use strict";
    var isFullwidthCodePoint = (codePoint) => {
      if (Number.isNaN(codePoint)) {
        return false;
      }
      if (codePoint >= 4352 && (codePoint <= 4447 || // Hangul Jamo
      codePoint === 9001 || // LEFT-POINTING ANGLE BRACKET
      codePoint === 9002 || // RIGHT-POINTING ANGLE BRACKET
      // CJK Radicals Supplement .. Enclosed CJK Letters and Months
      11904 <= codePoint && codePoint <= 12871 && codePoint !== 12351 || // Enclosed CJK Letters and Months .. CJK Unified Ideographs Extension A
      12880 <= codePoint && codePoint <= 19903 || // CJK Unified Ideographs .. Yi Radicals
      19968 <= codePoint && codePoint <= 42182 || // Hangul Jamo Extended-A
      43360 <= codePoint && codePoint <= 43388 || // Hangul Syllables
      44032 <= codePoint && codePoint <= 55203 || // CJK Compatibility Ideographs
      63744 <= codePoint && codePoint <= 64255 || // Vertical Forms
      65040 <= codePoint && codePoint <= 65049 || // CJK Compatibility Forms .. Small Form Variants
      65072 <= codePoint && codePoint <= 65131 || // Halfwidth and Fullwidth Forms
      65281 <= codePoint && codePoint <= 65376 || 65504 <= codePoint && codePoint <= 65510 || // Kana Supplement
      110592 <= codePoint && codePoint <= 110593 || // Enclosed Ideographic Supplement
      127488 <= codePoint && codePoint <= 127569 || // CJK Unified Ideographs Extension B .. Tertiary Ideographic Plane
      131072 <= codePoint && codePoint <= 262141)) {
        return true;
      }
      return false;
    };
    module.exports = isFullwidthCodePoint;
    module.exports.default = isFullwidthCodePoint;
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    "use strict";
    module.exports = function() {
      return /\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62(?:\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74|\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F|\uD83D\uDC68(?:\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68\uD83C\uDFFB|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFE])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D)?\uD83D\uDC68|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D[\uDC66\uDC67])|[\u2695\u2696\u2708]\uFE0F|\uD83D[\uDC66\uDC67]|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|(?:\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708])\uFE0F|\uD83C\uDFFB\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C[\uDFFB-\uDFFF])|(?:\uD83E\uDDD1\uD83C\uDFFB\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)\uD83C\uDFFB|\uD83E\uDDD1(?:\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1)|(?:\uD83E\uDDD1\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D(?:\uD83D[\uDC68\uDC69]))(?:\uD83C[\uDFFB-\uDFFE])|(?:\uD83E\uDDD1\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB\uDFFC])|\uD83D\uDC69(?:\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFB\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFC-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D(?:\uD83D[\uDC68\uDC69])|\uD83D[\uDC68\uDC69])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD]))|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|(?:\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB-\uDFFD])|\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D\uDC41\uFE0F\u200D\uD83D\uDDE8|\uD83D\uDC69(?:\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708]|\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\u200D[\u2695\u2696\u2708])|(?:(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)\uFE0F|\uD83D\uDC6F|\uD83E[\uDD3C\uDDDE\uDDDF])\u200D[\u2640\u2642]|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|\u200D[\u2640\u2642])|\uD83C\uDFF4\u200D\u2620)\uFE0F|\uD83D\uDC69\u200D\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08|\uD83D\uDC15\u200D\uD83E\uDDBA|\uD83D\uDC69\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC67|\uD83C\uDDFD\uD83C\uDDF0|\uD83C\uDDF4\uD83C\uDDF2|\uD83C\uDDF6\uD83C\uDDE6|[#\*0-9]\uFE0F\u20E3|\uD83C\uDDE7(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF])|\uD83C\uDDF9(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF])|\uD83C\uDDEA(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA])|\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF7(?:\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC])|\uD83D\uDC69(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF2(?:\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF])|\uD83C\uDDE6(?:\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF])|\uD83C\uDDF0(?:\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF])|\uD83C\uDDED(?:\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA])|\uD83C\uDDE9(?:\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF])|\uD83C\uDDFE(?:\uD83C[\uDDEA\uDDF9])|\uD83C\uDDEC(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE])|\uD83C\uDDF8(?:\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF])|\uD83C\uDDEB(?:\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7])|\uD83C\uDDF5(?:\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE])|\uD83C\uDDFB(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA])|\uD83C\uDDF3(?:\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF])|\uD83C\uDDE8(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF5\uDDF7\uDDFA-\uDDFF])|\uD83C\uDDF1(?:\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE])|\uD83C\uDDFF(?:\uD83C[\uDDE6\uDDF2\uDDFC])|\uD83C\uDDFC(?:\uD83C[\uDDEB\uDDF8])|\uD83C\uDDFA(?:\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF])|\uD83C\uDDEE(?:\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9])|\uD83C\uDDEF(?:\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5])|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:\uD83C[\uDFFB-\uDFFF])|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u261D\u270A-\u270D]|\uD83C[\uDF85\uDFC2\uDFC7]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC70\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDCAA\uDD74\uDD7A\uDD90\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1C\uDD1E\uDD1F\uDD30-\uDD36\uDDB5\uDDB6\uDDBB\uDDD2-\uDDD5])(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]|\uD83C[\uDC04\uDCCF\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF7C\uDF7E-\uDF93\uDFA0-\uDFCA\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF4\uDFF8-\uDFFF]|\uD83D[\uDC00-\uDC3E\uDC40\uDC42-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDD7A\uDD95\uDD96\uDDA4\uDDFB-\uDE4F\uDE80-\uDEC5\uDECC\uDED0-\uDED2\uDED5\uDEEB\uDEEC\uDEF4-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])|(?:[#\*0-9\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB-\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u261D\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692-\u2697\u2699\u269B\u269C\u26A0\u26A1\u26AA\u26AB\u26B0\u26B1\u26BD\u26BE\u26C4\u26C5\u26C8\u26CE\u26CF\u26D1\u26D3\u26D4\u26E9\u26EA\u26F0-\u26F5\u26F7-\u26FA\u26FD\u2702\u2705\u2708-\u270D\u270F\u2712\u2714\u2716\u271D\u2721\u2728\u2733\u2734\u2744\u2747\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27A1\u27B0\u27BF\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299]|\uD83C[\uDC04\uDCCF\uDD70\uDD71\uDD7E\uDD7F\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE02\uDE1A\uDE2F\uDE32-\uDE3A\uDE50\uDE51\uDF00-\uDF21\uDF24-\uDF93\uDF96\uDF97\uDF99-\uDF9B\uDF9E-\uDFF0\uDFF3-\uDFF5\uDFF7-\uDFFF]|\uD83D[\uDC00-\uDCFD\uDCFF-\uDD3D\uDD49-\uDD4E\uDD50-\uDD67\uDD6F\uDD70\uDD73-\uDD7A\uDD87\uDD8A-\uDD8D\uDD90\uDD95\uDD96\uDDA4\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA-\uDE4F\uDE80-\uDEC5\uDECB-\uDED2\uDED5\uDEE0-\uDEE5\uDEE9\uDEEB\uDEEC\uDEF0\uDEF3-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])\uFE0F|(?:[\u261D\u26F9\u270A-\u270D]|\uD83C[\uDF85\uDFC2-\uDFC4\uDFC7\uDFCA-\uDFCC]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66-\uDC78\uDC7C\uDC81-\uDC83\uDC85-\uDC87\uDC8F\uDC91\uDCAA\uDD74\uDD75\uDD7A\uDD90\uDD95\uDD96\uDE45-\uDE47\uDE4B-\uDE4F\uDEA3\uDEB4-\uDEB6\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1F\uDD26\uDD30-\uDD39\uDD3C-\uDD3E\uDDB5\uDDB6\uDDB8\uDDB9\uDDBB\uDDCD-\uDDCF\uDDD1-\uDDDD])/g;
    };
  }
});

// node_modules/string-width/index.js
var require_string_width = __commonJS({
  "node_modules/string-width/index.js"(exports, module) {
    "use strict";
    var stripAnsi = require_strip_ansi();
    var isFullwidthCodePoint = require_is_fullwidth_code_point();
    var emojiRegex = require_emoji_regex();
    var stringWidth = (string) => {
      if (typeof string !== "string" || string.length === 0) {
        return 0;
      }
      string = stripAnsi(string);
      if (string.length === 0) {
        return 0;
      }
      string = string.replace(emojiRegex(), "  ");
      let width = 0;
      for (let i = 0; i < string.length; i++) {
        const code2 = string.codePointAt(i);
        if (code2 <= 31 || code2 >= 127 && code2 <= 159) {
          continue;
        }
        if (code2 >= 768 && code2 <= 879) {
          continue;
        }
        if (code2 > 65535) {
          i++;
        }
        width += isFullwidthCodePoint(code2) ? 2 : 1;
      }
      return width;
    };
    module.exports = stringWidth;
    module.exports.default = stringWidth;
  }
});

// node_modules/cli-progress/lib/format-value.js
var require_format_value = __commonJS({
  "node_modules/cli-progress/lib/format-value.js"(exports, module) {
    module.exports = function formatValue(v, options, type) {
      if (options.autopadding !== true) {
        return v;
      }
      function autopadding(value, length) {
        return (options.autopaddingChar + value).slice(-length);
      }
      switch (type) {
        case "percentage":
          return autopadding(v, 3);
        default:
          return v;
      }
    };
  }
});

// node_modules/cli-progress/lib/format-bar.js
var require_format_bar = __commonJS({
  "node_modules/cli-progress/lib/format-bar.js"(exports, module) {
    module.exports = function formatBar(progress, options) {
      const completeSize = Math.round(progress * options.barsize);
      const incompleteSize = options.barsize - completeSize;
      return options.barCompleteString.substr(0, completeSize) + options.barGlue + options.barIncompleteString.substr(0, incompleteSize);
    };
  }
});

// node_modules/cli-progress/lib/format-time.js
var require_format_time = __commonJS({
  "node_modules/cli-progress/lib/format-time.js"(exports, module) {
    module.exports = function formatTime(t, options, roundToMultipleOf) {
      function round(input2) {
        if (roundToMultipleOf) {
          return roundToMultipleOf * Math.round(input2 / roundToMultipleOf);
        } else {
          return input2;
        }
      }
      function autopadding(v) {
        return (options.autopaddingChar + v).slice(-2);
      }
      if (t > 3600) {
        return autopadding(Math.floor(t / 3600)) + "h" + autopadding(round(t % 3600 / 60)) + "m";
      } else if (t > 60) {
        return autopadding(Math.floor(t / 60)) + "m" + autopadding(round(t % 60)) + "s";
      } else if (t > 10) {
        return autopadding(round(t)) + "s";
      } else {
        return autopadding(t) + "s";
      }
    };
  }
});

// node_modules/cli-progress/lib/formatter.js
var require_formatter = __commonJS({
  "node_modules/cli-progress/lib/formatter.js"(exports, module) {
    var _stringWidth = require_string_width();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module.exports = function defaultFormatter(options, params, payload) {
      let s = options.format;
      const formatTime = options.formatTime || _defaultFormatTime;
      const formatValue = options.formatValue || _defaultFormatValue;
      const formatBar = options.formatBar || _defaultFormatBar;
      const percentage = Math.floor(params.progress * 100) + "";
      const stopTime = params.stopTime || Date.now();
      const elapsedTime = Math.round((stopTime - params.startTime) / 1e3);
      const context = Object.assign({}, payload, {
        bar: formatBar(params.progress, options),
        percentage: formatValue(percentage, options, "percentage"),
        total: formatValue(params.total, options, "total"),
        value: formatValue(params.value, options, "value"),
        eta: formatValue(params.eta, options, "eta"),
        eta_formatted: formatTime(params.eta, options, 5),
        duration: formatValue(elapsedTime, options, "duration"),
        duration_formatted: formatTime(elapsedTime, options, 1)
      });
      s = s.replace(/\{(\w+)\}/g, function(match2, key) {
        if (typeof context[key] !== "undefined") {
          return context[key];
        }
        return match2;
      });
      const fullMargin = Math.max(0, params.maxWidth - _stringWidth(s) - 2);
      const halfMargin = Math.floor(fullMargin / 2);
      switch (options.align) {
        // fill start-of-line with whitespaces
        case "right":
          s = fullMargin > 0 ? " ".repeat(fullMargin) + s : s;
          break;
        // distribute whitespaces to left+right
        case "center":
          s = halfMargin > 0 ? " ".repeat(halfMargin) + s : s;
          break;
        // default: left align, no additional whitespaces
        case "left":
        default:
          break;
      }
      return s;
    };
  }
});

// node_modules/cli-progress/lib/options.js
var require_options = __commonJS({
  "node_modules/cli-progress/lib/options.js"(exports, module) {
    function mergeOption(v, defaultValue) {
      if (typeof v === "undefined" || v === null) {
        return defaultValue;
      } else {
        return v;
      }
    }
    module.exports = {
      // set global options
      parse: function parse2(rawOptions, preset) {
        const options = {};
        const opt = Object.assign({}, preset, rawOptions);
        options.throttleTime = 1e3 / mergeOption(opt.fps, 10);
        options.stream = mergeOption(opt.stream, process.stderr);
        options.terminal = mergeOption(opt.terminal, null);
        options.clearOnComplete = mergeOption(opt.clearOnComplete, false);
        options.stopOnComplete = mergeOption(opt.stopOnComplete, false);
        options.barsize = mergeOption(opt.barsize, 40);
        options.align = mergeOption(opt.align, "left");
        options.hideCursor = mergeOption(opt.hideCursor, false);
        options.linewrap = mergeOption(opt.linewrap, false);
        options.barGlue = mergeOption(opt.barGlue, "");
        options.barCompleteChar = mergeOption(opt.barCompleteChar, "=");
        options.barIncompleteChar = mergeOption(opt.barIncompleteChar, "-");
        options.format = mergeOption(opt.format, "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}");
        options.formatTime = mergeOption(opt.formatTime, null);
        options.formatValue = mergeOption(opt.formatValue, null);
        options.formatBar = mergeOption(opt.formatBar, null);
        options.etaBufferLength = mergeOption(opt.etaBuffer, 10);
        options.etaAsynchronousUpdate = mergeOption(opt.etaAsynchronousUpdate, false);
        options.progressCalculationRelative = mergeOption(opt.progressCalculationRelative, false);
        options.synchronousUpdate = mergeOption(opt.synchronousUpdate, true);
        options.noTTYOutput = mergeOption(opt.noTTYOutput, false);
        options.notTTYSchedule = mergeOption(opt.notTTYSchedule, 2e3);
        options.emptyOnZero = mergeOption(opt.emptyOnZero, false);
        options.forceRedraw = mergeOption(opt.forceRedraw, false);
        options.autopadding = mergeOption(opt.autopadding, false);
        options.gracefulExit = mergeOption(opt.gracefulExit, false);
        return options;
      },
      // derived options: instance specific, has to be created for every bar element
      assignDerivedOptions: function assignDerivedOptions(options) {
        options.barCompleteString = options.barCompleteChar.repeat(options.barsize + 1);
        options.barIncompleteString = options.barIncompleteChar.repeat(options.barsize + 1);
        options.autopaddingChar = options.autopadding ? mergeOption(options.autopaddingChar, "   ") : "";
        return options;
      }
    };
  }
});

// node_modules/cli-progress/lib/generic-bar.js
var require_generic_bar = __commonJS({
  "node_modules/cli-progress/lib/generic-bar.js"(exports, module) {
    var _ETA = require_eta();
    var _Terminal = require_terminal();
    var _formatter = require_formatter();
    var _options = require_options();
    var _EventEmitter = __require("events");
    module.exports = class GenericBar extends _EventEmitter {
      constructor(options) {
        super();
        this.options = _options.assignDerivedOptions(options);
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.value = 0;
        this.startValue = 0;
        this.total = 100;
        this.lastDrawnString = null;
        this.startTime = null;
        this.stopTime = null;
        this.lastRedraw = Date.now();
        this.eta = new _ETA(this.options.etaBufferLength, 0, 0);
        this.payload = {};
        this.isActive = false;
        this.formatter = typeof this.options.format === "function" ? this.options.format : _formatter;
      }
      // internal render function
      render(forceRendering = false) {
        const params = {
          progress: this.getProgress(),
          eta: this.eta.getTime(),
          startTime: this.startTime,
          stopTime: this.stopTime,
          total: this.total,
          value: this.value,
          maxWidth: this.terminal.getWidth()
        };
        if (this.options.etaAsynchronousUpdate) {
          this.updateETA();
        }
        const s = this.formatter(this.options, params, this.payload);
        const forceRedraw = forceRendering || this.options.forceRedraw || this.options.noTTYOutput && !this.terminal.isTTY();
        if (forceRedraw || this.lastDrawnString != s) {
          this.emit("redraw-pre");
          this.terminal.cursorTo(0, null);
          this.terminal.write(s);
          this.terminal.clearRight();
          this.lastDrawnString = s;
          this.lastRedraw = Date.now();
          this.emit("redraw-post");
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        this.value = startValue || 0;
        this.total = typeof total !== "undefined" && total >= 0 ? total : 100;
        this.startValue = startValue || 0;
        this.payload = payload || {};
        this.startTime = Date.now();
        this.stopTime = null;
        this.lastDrawnString = "";
        this.eta = new _ETA(this.options.etaBufferLength, this.startTime, this.value);
        this.isActive = true;
        this.emit("start", total, startValue);
      }
      // stop the bar
      stop() {
        this.isActive = false;
        this.stopTime = Date.now();
        this.emit("stop", this.total, this.value);
      }
      // update the bar value
      // update(value, payload)
      // update(payload)
      update(arg0, arg1 = {}) {
        if (typeof arg0 === "number") {
          this.value = arg0;
          this.eta.update(Date.now(), arg0, this.total);
        }
        const payloadData = (typeof arg0 === "object" ? arg0 : arg1) || {};
        this.emit("update", this.total, this.value);
        for (const key in payloadData) {
          this.payload[key] = payloadData[key];
        }
        if (this.value >= this.getTotal() && this.options.stopOnComplete) {
          this.stop();
        }
      }
      // calculate the actual progress value
      getProgress() {
        let progress = this.value / this.total;
        if (this.options.progressCalculationRelative) {
          progress = (this.value - this.startValue) / (this.total - this.startValue);
        }
        if (isNaN(progress)) {
          progress = this.options && this.options.emptyOnZero ? 0 : 1;
        }
        progress = Math.min(Math.max(progress, 0), 1);
        return progress;
      }
      // update the bar value
      // increment(delta, payload)
      // increment(payload)
      increment(arg0 = 1, arg1 = {}) {
        if (typeof arg0 === "object") {
          this.update(this.value + 1, arg0);
        } else {
          this.update(this.value + arg0, arg1);
        }
      }
      // get the total (limit) value
      getTotal() {
        return this.total;
      }
      // set the total (limit) value
      setTotal(total) {
        if (typeof total !== "undefined" && total >= 0) {
          this.total = total;
        }
      }
      // force eta calculation update (long running processes)
      updateETA() {
        this.eta.update(Date.now(), this.value, this.total);
      }
    };
  }
});

// node_modules/cli-progress/lib/single-bar.js
var require_single_bar = __commonJS({
  "node_modules/cli-progress/lib/single-bar.js"(exports, module) {
    var _GenericBar = require_generic_bar();
    var _options = require_options();
    module.exports = class SingleBar extends _GenericBar {
      constructor(options, preset) {
        super(_options.parse(options, preset));
        this.timer = null;
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.options.synchronousUpdate = false;
        }
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.sigintCallback = null;
      }
      // internal render function
      render() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        super.render();
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
        }
        this.timer = setTimeout(this.render.bind(this), this.schedulingRate);
      }
      update(current, payload) {
        if (!this.timer) {
          return;
        }
        super.update(current, payload);
        if (this.options.synchronousUpdate && this.lastRedraw + this.options.throttleTime * 2 < Date.now()) {
          this.render();
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        this.terminal.cursorSave();
        if (this.options.hideCursor === true) {
          this.terminal.cursor(false);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(false);
        }
        super.start(total, startValue, payload);
        this.render();
      }
      // stop the bar
      stop() {
        if (!this.timer) {
          return;
        }
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.render();
        super.stop();
        clearTimeout(this.timer);
        this.timer = null;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRestore();
        if (this.options.clearOnComplete) {
          this.terminal.cursorTo(0, null);
          this.terminal.clearLine();
        } else {
          this.terminal.newline();
        }
      }
    };
  }
});

// node_modules/cli-progress/lib/multi-bar.js
var require_multi_bar = __commonJS({
  "node_modules/cli-progress/lib/multi-bar.js"(exports, module) {
    var _Terminal = require_terminal();
    var _BarElement = require_generic_bar();
    var _options = require_options();
    var _EventEmitter = __require("events");
    module.exports = class MultiBar extends _EventEmitter {
      constructor(options, preset) {
        super();
        this.bars = [];
        this.options = _options.parse(options, preset);
        this.options.synchronousUpdate = false;
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.timer = null;
        this.isActive = false;
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.loggingBuffer = [];
        this.sigintCallback = null;
      }
      // add a new bar to the stack
      create(total, startValue, payload, barOptions = {}) {
        const bar = new _BarElement(Object.assign(
          {},
          // global options
          this.options,
          // terminal instance
          {
            terminal: this.terminal
          },
          // overrides
          barOptions
        ));
        this.bars.push(bar);
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return bar;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        if (!this.isActive) {
          if (this.options.hideCursor === true) {
            this.terminal.cursor(false);
          }
          if (this.options.linewrap === false) {
            this.terminal.lineWrapping(false);
          }
          this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        }
        this.isActive = true;
        bar.start(total, startValue, payload);
        this.emit("start");
        return bar;
      }
      // remove a bar from the stack
      remove(bar) {
        const index = this.bars.indexOf(bar);
        if (index < 0) {
          return false;
        }
        this.bars.splice(index, 1);
        this.update();
        this.terminal.newline();
        this.terminal.clearBottom();
        return true;
      }
      // internal update routine
      update() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        this.emit("update-pre");
        this.terminal.cursorRelativeReset();
        this.emit("redraw-pre");
        if (this.loggingBuffer.length > 0) {
          this.terminal.clearLine();
          while (this.loggingBuffer.length > 0) {
            this.terminal.write(this.loggingBuffer.shift(), true);
          }
        }
        for (let i = 0; i < this.bars.length; i++) {
          if (i > 0) {
            this.terminal.newline();
          }
          this.bars[i].render();
        }
        this.emit("redraw-post");
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
          this.terminal.newline();
        }
        this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        this.emit("update-post");
        if (this.options.stopOnComplete && !this.bars.find((bar) => bar.isActive)) {
          this.stop();
        }
      }
      stop() {
        clearTimeout(this.timer);
        this.timer = null;
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.isActive = false;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRelativeReset();
        this.emit("stop-pre-clear");
        if (this.options.clearOnComplete) {
          this.terminal.clearBottom();
        } else {
          for (let i = 0; i < this.bars.length; i++) {
            if (i > 0) {
              this.terminal.newline();
            }
            this.bars[i].render();
            this.bars[i].stop();
          }
          this.terminal.newline();
        }
        this.emit("stop");
      }
      log(s) {
        this.loggingBuffer.push(s);
      }
    };
  }
});

// node_modules/cli-progress/presets/legacy.js
var require_legacy = __commonJS({
  "node_modules/cli-progress/presets/legacy.js"(exports, module) {
    module.exports = {
      format: "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "=",
      barIncompleteChar: "-"
    };
  }
});

// node_modules/cli-progress/presets/shades-classic.js
var require_shades_classic = __commonJS({
  "node_modules/cli-progress/presets/shades-classic.js"(exports, module) {
    module.exports = {
      format: " {bar} {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/shades-grey.js
var require_shades_grey = __commonJS({
  "node_modules/cli-progress/presets/shades-grey.js"(exports, module) {
    module.exports = {
      format: " \x1B[90m{bar}\x1B[0m {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/rect.js
var require_rect = __commonJS({
  "node_modules/cli-progress/presets/rect.js"(exports, module) {
    module.exports = {
      format: " {bar}\u25A0 {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u25A0",
      barIncompleteChar: " "
    };
  }
});

// node_modules/cli-progress/presets/index.js
var require_presets = __commonJS({
  "node_modules/cli-progress/presets/index.js"(exports, module) {
    var _legacy = require_legacy();
    var _shades_classic = require_shades_classic();
    var _shades_grey = require_shades_grey();
    var _rect = require_rect();
    module.exports = {
      legacy: _legacy,
      shades_classic: _shades_classic,
      shades_grey: _shades_grey,
      rect: _rect
    };
  }
});

// node_modules/cli-progress/cli-progress.js
var require_cli_progress = __commonJS({
  "node_modules/cli-progress/cli-progress.js"(exports, module) {
    var _SingleBar = require_single_bar();
    var _MultiBar = require_multi_bar();
    var _Presets = require_presets();
    var _Formatter = require_formatter();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module.exports = {
      Bar: _SingleBar,
      SingleBar: _SingleBar,
      MultiBar: _MultiBar,
      Presets: _Presets,
      Format: {
        Formatter: _Formatter,
        BarFormat: _defaultFormatBar,
        ValueFormat: _defaultFormatValue,
        TimeFormat: _defaultFormatTime
      }
    };
  }
});

// src/action/no-sqlite.ts
var NoSqlite;
var init_no_sqlite = __esm({
  "src/action/no-sqlite.ts"() {
    init_errors();
    NoSqlite = class {
      constructor() {
        throw new RegistryError("the GitHub Action carries no SQLite driver: give the registry input a postgres:// URL");
      }
    };
  }
});

// src/registry/sql-script.ts
function* select(sql, params = []) {
  return yield { kind: "select", sql, params };
}
function* execute(sql, params = []) {
  return yield { kind: "execute", sql, params };
}
function* batch(sql) {
  yield { kind: "batch", sql };
}
function* insertRows(table, columns, rows) {
  if (rows.length > 0) yield { kind: "insert", table, columns, rows };
}
function runScriptSync(script, perform) {
  let step = script.next();
  while (!step.done) {
    let result2;
    try {
      result2 = perform(step.value);
    } catch (error) {
      step = script.throw(error);
      continue;
    }
    step = script.next(result2);
  }
  return step.value;
}
async function runScriptAsync(script, perform) {
  let step = script.next();
  while (!step.done) {
    let result2;
    try {
      result2 = await perform(step.value);
    } catch (error) {
      step = script.throw(error);
      continue;
    }
    step = script.next(result2);
  }
  return step.value;
}
var init_sql_script = __esm({
  "src/registry/sql-script.ts"() {
    "use strict";
  }
});

// src/registry/apply-migrations.ts
function* hasRegistrySchema(dialect) {
  const rows = yield* select(dialect === "sqlite" ? "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'leakstop_migrations'" : "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'leakstop_migrations'");
  return rows.length > 0;
}
function* appliedVersions() {
  const rows = yield* select("SELECT version FROM leakstop_migrations");
  return new Set(rows.map((row2) => Number(row2.version)));
}
function* migrate(migrations, at) {
  yield* batch("CREATE TABLE IF NOT EXISTS leakstop_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = yield* appliedVersions();
  checkKnown(applied, migrations);
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    yield* batch(migration.sql);
    yield* execute("INSERT INTO leakstop_migrations (version, name, applied_at) VALUES (?, ?, ?)", [migration.version, migration.name, at]);
  }
}
function checkKnown(applied, migrations) {
  const newest = Math.max(0, ...migrations.map((migration) => migration.version));
  const ahead = Math.max(0, ...applied);
  if (ahead > newest) {
    throw new RegistryError(`the registry's schema is at version ${ahead}, newer than this leakstop knows (${newest}): upgrade leakstop`);
  }
}
async function applyMigrations(db, migrations, options) {
  const exists = await db.read(() => hasRegistrySchema(db.dialect));
  if (!exists && !options.create) throw new NoRegistryError(options.location);
  const applied = exists ? await db.read(appliedVersions) : /* @__PURE__ */ new Set();
  checkKnown(applied, migrations);
  if (migrations.every((migration) => applied.has(migration.version))) return;
  await db.transaction(() => migrate(migrations, (/* @__PURE__ */ new Date()).toISOString()), { exclusive: true });
}
var init_apply_migrations = __esm({
  "src/registry/apply-migrations.ts"() {
    "use strict";
    init_errors();
    init_sql_script();
  }
});

// node_modules/postgres-array/index.js
var require_postgres_array = __commonJS({
  "node_modules/postgres-array/index.js"(exports) {
    "use strict";
    exports.parse = function(source, transform) {
      return new ArrayParser(source, transform).parse();
    };
    var ArrayParser = class _ArrayParser {
      constructor(source, transform) {
        this.source = source;
        this.transform = transform || identity;
        this.position = 0;
        this.entries = [];
        this.recorded = [];
        this.dimension = 0;
      }
      isEof() {
        return this.position >= this.source.length;
      }
      nextCharacter() {
        var character = this.source[this.position++];
        if (character === "\\") {
          return {
            value: this.source[this.position++],
            escaped: true
          };
        }
        return {
          value: character,
          escaped: false
        };
      }
      record(character) {
        this.recorded.push(character);
      }
      newEntry(includeEmpty) {
        var entry;
        if (this.recorded.length > 0 || includeEmpty) {
          entry = this.recorded.join("");
          if (entry === "NULL" && !includeEmpty) {
            entry = null;
          }
          if (entry !== null) entry = this.transform(entry);
          this.entries.push(entry);
          this.recorded = [];
        }
      }
      consumeDimensions() {
        if (this.source[0] === "[") {
          while (!this.isEof()) {
            var char = this.nextCharacter();
            if (char.value === "=") break;
          }
        }
      }
      parse(nested) {
        var character, parser, quote;
        this.consumeDimensions();
        while (!this.isEof()) {
          character = this.nextCharacter();
          if (character.value === "{" && !quote) {
            this.dimension++;
            if (this.dimension > 1) {
              parser = new _ArrayParser(this.source.substr(this.position - 1), this.transform);
              this.entries.push(parser.parse(true));
              this.position += parser.position - 2;
            }
          } else if (character.value === "}" && !quote) {
            this.dimension--;
            if (!this.dimension) {
              this.newEntry();
              if (nested) return this.entries;
            }
          } else if (character.value === '"' && !character.escaped) {
            if (quote) this.newEntry(true);
            quote = !quote;
          } else if (character.value === "," && !quote) {
            this.newEntry();
          } else {
            this.record(character.value);
          }
        }
        if (this.dimension !== 0) {
          throw new Error("array dimension not balanced");
        }
        return this.entries;
      }
    };
    function identity(value) {
      return value;
    }
  }
});

// node_modules/pg-types/lib/arrayParser.js
var require_arrayParser = __commonJS({
  "node_modules/pg-types/lib/arrayParser.js"(exports, module) {
    var array = require_postgres_array();
    module.exports = {
      create: function(source, transform) {
        return {
          parse: function() {
            return array.parse(source, transform);
          }
        };
      }
    };
  }
});

// node_modules/postgres-date/index.js
var require_postgres_date = __commonJS({
  "node_modules/postgres-date/index.js"(exports, module) {
    "use strict";
    var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
    var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
    var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
    var INFINITY = /^-?infinity$/;
    module.exports = function parseDate2(isoDate) {
      if (INFINITY.test(isoDate)) {
        return Number(isoDate.replace("i", "I"));
      }
      var matches = DATE_TIME.exec(isoDate);
      if (!matches) {
        return getDate(isoDate) || null;
      }
      var isBC = !!matches[8];
      var year = parseInt(matches[1], 10);
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var hour = parseInt(matches[4], 10);
      var minute = parseInt(matches[5], 10);
      var second = parseInt(matches[6], 10);
      var ms = matches[7];
      ms = ms ? 1e3 * parseFloat(ms) : 0;
      var date;
      var offset = timeZoneOffset(isoDate);
      if (offset != null) {
        date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));
        if (is0To99(year)) {
          date.setUTCFullYear(year);
        }
        if (offset !== 0) {
          date.setTime(date.getTime() - offset);
        }
      } else {
        date = new Date(year, month, day, hour, minute, second, ms);
        if (is0To99(year)) {
          date.setFullYear(year);
        }
      }
      return date;
    };
    function getDate(isoDate) {
      var matches = DATE.exec(isoDate);
      if (!matches) {
        return;
      }
      var year = parseInt(matches[1], 10);
      var isBC = !!matches[4];
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var date = new Date(year, month, day);
      if (is0To99(year)) {
        date.setFullYear(year);
      }
      return date;
    }
    function timeZoneOffset(isoDate) {
      if (isoDate.endsWith("+00")) {
        return 0;
      }
      var zone = TIME_ZONE.exec(isoDate.split(" ")[1]);
      if (!zone) return;
      var type = zone[1];
      if (type === "Z") {
        return 0;
      }
      var sign = type === "-" ? -1 : 1;
      var offset = parseInt(zone[2], 10) * 3600 + parseInt(zone[3] || 0, 10) * 60 + parseInt(zone[4] || 0, 10);
      return offset * sign * 1e3;
    }
    function bcYearToNegativeYear(year) {
      return -(year - 1);
    }
    function is0To99(num) {
      return num >= 0 && num < 100;
    }
  }
});

// node_modules/xtend/mutable.js
var require_mutable = __commonJS({
  "node_modules/xtend/mutable.js"(exports, module) {
    module.exports = extend;
    var hasOwnProperty = Object.prototype.hasOwnProperty;
    function extend(target) {
      for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i];
        for (var key in source) {
          if (hasOwnProperty.call(source, key)) {
            target[key] = source[key];
          }
        }
      }
      return target;
    }
  }
});

// node_modules/postgres-interval/index.js
var require_postgres_interval = __commonJS({
  "node_modules/postgres-interval/index.js"(exports, module) {
    "use strict";
    var extend = require_mutable();
    module.exports = PostgresInterval;
    function PostgresInterval(raw) {
      if (!(this instanceof PostgresInterval)) {
        return new PostgresInterval(raw);
      }
      extend(this, parse2(raw));
    }
    var properties = ["seconds", "minutes", "hours", "days", "months", "years"];
    PostgresInterval.prototype.toPostgres = function() {
      var filtered = properties.filter(this.hasOwnProperty, this);
      if (this.milliseconds && filtered.indexOf("seconds") < 0) {
        filtered.push("seconds");
      }
      if (filtered.length === 0) return "0";
      return filtered.map(function(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/\.?0+$/, "");
        }
        return value + " " + property;
      }, this).join(" ");
    };
    var propertiesISOEquivalent = {
      years: "Y",
      months: "M",
      days: "D",
      hours: "H",
      minutes: "M",
      seconds: "S"
    };
    var dateProperties = ["years", "months", "days"];
    var timeProperties = ["hours", "minutes", "seconds"];
    PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function() {
      var datePart = dateProperties.map(buildProperty, this).join("");
      var timePart = timeProperties.map(buildProperty, this).join("");
      return "P" + datePart + "T" + timePart;
      function buildProperty(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/0+$/, "");
        }
        return value + propertiesISOEquivalent[property];
      }
    };
    var NUMBER = "([+-]?\\d+)";
    var YEAR = NUMBER + "\\s+years?";
    var MONTH = NUMBER + "\\s+mons?";
    var DAY = NUMBER + "\\s+days?";
    var TIME = "([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?";
    var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function(regexString) {
      return "(" + regexString + ")?";
    }).join("\\s*"));
    var positions = {
      years: 2,
      months: 4,
      days: 6,
      hours: 9,
      minutes: 10,
      seconds: 11,
      milliseconds: 12
    };
    var negatives = ["hours", "minutes", "seconds", "milliseconds"];
    function parseMilliseconds(fraction) {
      var microseconds = fraction + "000000".slice(fraction.length);
      return parseInt(microseconds, 10) / 1e3;
    }
    function parse2(interval) {
      if (!interval) return {};
      var matches = INTERVAL.exec(interval);
      var isNegative = matches[8] === "-";
      return Object.keys(positions).reduce(function(parsed, property) {
        var position = positions[property];
        var value = matches[position];
        if (!value) return parsed;
        value = property === "milliseconds" ? parseMilliseconds(value) : parseInt(value, 10);
        if (!value) return parsed;
        if (isNegative && ~negatives.indexOf(property)) {
          value *= -1;
        }
        parsed[property] = value;
        return parsed;
      }, {});
    }
  }
});

// node_modules/postgres-bytea/index.js
var require_postgres_bytea = __commonJS({
  "node_modules/postgres-bytea/index.js"(exports, module) {
    "use strict";
    var bufferFrom = Buffer.from || Buffer;
    module.exports = function parseBytea(input2) {
      if (/^\\x/.test(input2)) {
        return bufferFrom(input2.substr(2), "hex");
      }
      var output = "";
      var i = 0;
      while (i < input2.length) {
        if (input2[i] !== "\\") {
          output += input2[i];
          ++i;
        } else {
          if (/[0-7]{3}/.test(input2.substr(i + 1, 3))) {
            output += String.fromCharCode(parseInt(input2.substr(i + 1, 3), 8));
            i += 4;
          } else {
            var backslashes = 1;
            while (i + backslashes < input2.length && input2[i + backslashes] === "\\") {
              backslashes++;
            }
            for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
              output += "\\";
            }
            i += Math.floor(backslashes / 2) * 2;
          }
        }
      }
      return bufferFrom(output, "binary");
    };
  }
});

// node_modules/pg-types/lib/textParsers.js
var require_textParsers = __commonJS({
  "node_modules/pg-types/lib/textParsers.js"(exports, module) {
    var array = require_postgres_array();
    var arrayParser = require_arrayParser();
    var parseDate2 = require_postgres_date();
    var parseInterval = require_postgres_interval();
    var parseByteA = require_postgres_bytea();
    function allowNull(fn) {
      return function nullAllowed(value) {
        if (value === null) return value;
        return fn(value);
      };
    }
    function parseBool(value) {
      if (value === null) return value;
      return value === "TRUE" || value === "t" || value === "true" || value === "y" || value === "yes" || value === "on" || value === "1";
    }
    function parseBoolArray(value) {
      if (!value) return null;
      return array.parse(value, parseBool);
    }
    function parseBaseTenInt(string) {
      return parseInt(string, 10);
    }
    function parseIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(parseBaseTenInt));
    }
    function parseBigIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(function(entry) {
        return parseBigInteger(entry).trim();
      }));
    }
    var parsePointArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parsePoint(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseFloatArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseFloat(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseStringArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value);
      return p.parse();
    };
    var parseDateArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseDate2(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseIntervalArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseInterval(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseByteAArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(parseByteA));
    };
    var parseInteger2 = function(value) {
      return parseInt(value, 10);
    };
    var parseBigInteger = function(value) {
      var valStr = String(value);
      if (/^\d+$/.test(valStr)) {
        return valStr;
      }
      return value;
    };
    var parseJsonArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(JSON.parse));
    };
    var parsePoint = function(value) {
      if (value[0] !== "(") {
        return null;
      }
      value = value.substring(1, value.length - 1).split(",");
      return {
        x: parseFloat(value[0]),
        y: parseFloat(value[1])
      };
    };
    var parseCircle = function(value) {
      if (value[0] !== "<" && value[1] !== "(") {
        return null;
      }
      var point = "(";
      var radius = "";
      var pointParsed = false;
      for (var i = 2; i < value.length - 1; i++) {
        if (!pointParsed) {
          point += value[i];
        }
        if (value[i] === ")") {
          pointParsed = true;
          continue;
        } else if (!pointParsed) {
          continue;
        }
        if (value[i] === ",") {
          continue;
        }
        radius += value[i];
      }
      var result2 = parsePoint(point);
      result2.radius = parseFloat(radius);
      return result2;
    };
    var init = function(register) {
      register(20, parseBigInteger);
      register(21, parseInteger2);
      register(23, parseInteger2);
      register(26, parseInteger2);
      register(700, parseFloat);
      register(701, parseFloat);
      register(16, parseBool);
      register(1082, parseDate2);
      register(1114, parseDate2);
      register(1184, parseDate2);
      register(600, parsePoint);
      register(651, parseStringArray);
      register(718, parseCircle);
      register(1e3, parseBoolArray);
      register(1001, parseByteAArray);
      register(1005, parseIntegerArray);
      register(1007, parseIntegerArray);
      register(1028, parseIntegerArray);
      register(1016, parseBigIntegerArray);
      register(1017, parsePointArray);
      register(1021, parseFloatArray);
      register(1022, parseFloatArray);
      register(1231, parseFloatArray);
      register(1014, parseStringArray);
      register(1015, parseStringArray);
      register(1008, parseStringArray);
      register(1009, parseStringArray);
      register(1040, parseStringArray);
      register(1041, parseStringArray);
      register(1115, parseDateArray);
      register(1182, parseDateArray);
      register(1185, parseDateArray);
      register(1186, parseInterval);
      register(1187, parseIntervalArray);
      register(17, parseByteA);
      register(114, JSON.parse.bind(JSON));
      register(3802, JSON.parse.bind(JSON));
      register(199, parseJsonArray);
      register(3807, parseJsonArray);
      register(3907, parseStringArray);
      register(2951, parseStringArray);
      register(791, parseStringArray);
      register(1183, parseStringArray);
      register(1270, parseStringArray);
    };
    module.exports = {
      init
    };
  }
});

// node_modules/pg-int8/index.js
var require_pg_int8 = __commonJS({
  "node_modules/pg-int8/index.js"(exports, module) {
    "use strict";
    var BASE = 1e6;
    function readInt8(buffer) {
      var high = buffer.readInt32BE(0);
      var low = buffer.readUInt32BE(4);
      var sign = "";
      if (high < 0) {
        high = ~high + (low === 0);
        low = ~low + 1 >>> 0;
        sign = "-";
      }
      var result2 = "";
      var carry;
      var t;
      var digits;
      var pad;
      var l;
      var i;
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result2;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result2 = pad + digits + result2;
      }
      {
        carry = high % BASE;
        t = 4294967296 * carry + low;
        digits = "" + t % BASE;
        return sign + digits + result2;
      }
    }
    module.exports = readInt8;
  }
});

// node_modules/pg-types/lib/binaryParsers.js
var require_binaryParsers = __commonJS({
  "node_modules/pg-types/lib/binaryParsers.js"(exports, module) {
    var parseInt64 = require_pg_int8();
    var parseBits = function(data, bits, offset, invert, callback) {
      offset = offset || 0;
      invert = invert || false;
      callback = callback || function(lastValue, newValue, bits2) {
        return lastValue * Math.pow(2, bits2) + newValue;
      };
      var offsetBytes = offset >> 3;
      var inv = function(value) {
        if (invert) {
          return ~value & 255;
        }
        return value;
      };
      var mask = 255;
      var firstBits = 8 - offset % 8;
      if (bits < firstBits) {
        mask = 255 << 8 - bits & 255;
        firstBits = bits;
      }
      if (offset) {
        mask = mask >> offset % 8;
      }
      var result2 = 0;
      if (offset % 8 + bits >= 8) {
        result2 = callback(0, inv(data[offsetBytes]) & mask, firstBits);
      }
      var bytes = bits + offset >> 3;
      for (var i = offsetBytes + 1; i < bytes; i++) {
        result2 = callback(result2, inv(data[i]), 8);
      }
      var lastBits = (bits + offset) % 8;
      if (lastBits > 0) {
        result2 = callback(result2, inv(data[bytes]) >> 8 - lastBits, lastBits);
      }
      return result2;
    };
    var parseFloatFromBits = function(data, precisionBits, exponentBits) {
      var bias = Math.pow(2, exponentBits - 1) - 1;
      var sign = parseBits(data, 1);
      var exponent = parseBits(data, exponentBits, 1);
      if (exponent === 0) {
        return 0;
      }
      var precisionBitsCounter = 1;
      var parsePrecisionBits = function(lastValue, newValue, bits) {
        if (lastValue === 0) {
          lastValue = 1;
        }
        for (var i = 1; i <= bits; i++) {
          precisionBitsCounter /= 2;
          if ((newValue & 1 << bits - i) > 0) {
            lastValue += precisionBitsCounter;
          }
        }
        return lastValue;
      };
      var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);
      if (exponent == Math.pow(2, exponentBits + 1) - 1) {
        if (mantissa === 0) {
          return sign === 0 ? Infinity : -Infinity;
        }
        return NaN;
      }
      return (sign === 0 ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
    };
    var parseInt16 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 15, 1, true) + 1);
      }
      return parseBits(value, 15, 1);
    };
    var parseInt32 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 31, 1, true) + 1);
      }
      return parseBits(value, 31, 1);
    };
    var parseFloat32 = function(value) {
      return parseFloatFromBits(value, 23, 8);
    };
    var parseFloat64 = function(value) {
      return parseFloatFromBits(value, 52, 11);
    };
    var parseNumeric = function(value) {
      var sign = parseBits(value, 16, 32);
      if (sign == 49152) {
        return NaN;
      }
      var weight = Math.pow(1e4, parseBits(value, 16, 16));
      var result2 = 0;
      var digits = [];
      var ndigits = parseBits(value, 16);
      for (var i = 0; i < ndigits; i++) {
        result2 += parseBits(value, 16, 64 + 16 * i) * weight;
        weight /= 1e4;
      }
      var scale = Math.pow(10, parseBits(value, 16, 48));
      return (sign === 0 ? 1 : -1) * Math.round(result2 * scale) / scale;
    };
    var parseDate2 = function(isUTC, value) {
      var sign = parseBits(value, 1);
      var rawValue = parseBits(value, 63, 1);
      var result2 = new Date((sign === 0 ? 1 : -1) * rawValue / 1e3 + 9466848e5);
      if (!isUTC) {
        result2.setTime(result2.getTime() + result2.getTimezoneOffset() * 6e4);
      }
      result2.usec = rawValue % 1e3;
      result2.getMicroSeconds = function() {
        return this.usec;
      };
      result2.setMicroSeconds = function(value2) {
        this.usec = value2;
      };
      result2.getUTCMicroSeconds = function() {
        return this.usec;
      };
      return result2;
    };
    var parseArray2 = function(value) {
      var dim = parseBits(value, 32);
      var flags = parseBits(value, 32, 32);
      var elementType = parseBits(value, 32, 64);
      var offset = 96;
      var dims = [];
      for (var i = 0; i < dim; i++) {
        dims[i] = parseBits(value, 32, offset);
        offset += 32;
        offset += 32;
      }
      var parseElement = function(elementType2) {
        var length = parseBits(value, 32, offset);
        offset += 32;
        if (length == 4294967295) {
          return null;
        }
        var result2;
        if (elementType2 == 23 || elementType2 == 20) {
          result2 = parseBits(value, length * 8, offset);
          offset += length * 8;
          return result2;
        } else if (elementType2 == 25) {
          result2 = value.toString(this.encoding, offset >> 3, (offset += length << 3) >> 3);
          return result2;
        } else {
          console.log("ERROR: ElementType not implemented: " + elementType2);
        }
      };
      var parse2 = function(dimension, elementType2) {
        var array = [];
        var i2;
        if (dimension.length > 1) {
          var count = dimension.shift();
          for (i2 = 0; i2 < count; i2++) {
            array[i2] = parse2(dimension, elementType2);
          }
          dimension.unshift(count);
        } else {
          for (i2 = 0; i2 < dimension[0]; i2++) {
            array[i2] = parseElement(elementType2);
          }
        }
        return array;
      };
      return parse2(dims, elementType);
    };
    var parseText = function(value) {
      return value.toString("utf8");
    };
    var parseBool = function(value) {
      if (value === null) return null;
      return parseBits(value, 8) > 0;
    };
    var init = function(register) {
      register(20, parseInt64);
      register(21, parseInt16);
      register(23, parseInt32);
      register(26, parseInt32);
      register(1700, parseNumeric);
      register(700, parseFloat32);
      register(701, parseFloat64);
      register(16, parseBool);
      register(1114, parseDate2.bind(null, false));
      register(1184, parseDate2.bind(null, true));
      register(1e3, parseArray2);
      register(1007, parseArray2);
      register(1016, parseArray2);
      register(1008, parseArray2);
      register(1009, parseArray2);
      register(25, parseText);
    };
    module.exports = {
      init
    };
  }
});

// node_modules/pg-types/lib/builtins.js
var require_builtins = __commonJS({
  "node_modules/pg-types/lib/builtins.js"(exports, module) {
    module.exports = {
      BOOL: 16,
      BYTEA: 17,
      CHAR: 18,
      INT8: 20,
      INT2: 21,
      INT4: 23,
      REGPROC: 24,
      TEXT: 25,
      OID: 26,
      TID: 27,
      XID: 28,
      CID: 29,
      JSON: 114,
      XML: 142,
      PG_NODE_TREE: 194,
      SMGR: 210,
      PATH: 602,
      POLYGON: 604,
      CIDR: 650,
      FLOAT4: 700,
      FLOAT8: 701,
      ABSTIME: 702,
      RELTIME: 703,
      TINTERVAL: 704,
      CIRCLE: 718,
      MACADDR8: 774,
      MONEY: 790,
      MACADDR: 829,
      INET: 869,
      ACLITEM: 1033,
      BPCHAR: 1042,
      VARCHAR: 1043,
      DATE: 1082,
      TIME: 1083,
      TIMESTAMP: 1114,
      TIMESTAMPTZ: 1184,
      INTERVAL: 1186,
      TIMETZ: 1266,
      BIT: 1560,
      VARBIT: 1562,
      NUMERIC: 1700,
      REFCURSOR: 1790,
      REGPROCEDURE: 2202,
      REGOPER: 2203,
      REGOPERATOR: 2204,
      REGCLASS: 2205,
      REGTYPE: 2206,
      UUID: 2950,
      TXID_SNAPSHOT: 2970,
      PG_LSN: 3220,
      PG_NDISTINCT: 3361,
      PG_DEPENDENCIES: 3402,
      TSVECTOR: 3614,
      TSQUERY: 3615,
      GTSVECTOR: 3642,
      REGCONFIG: 3734,
      REGDICTIONARY: 3769,
      JSONB: 3802,
      REGNAMESPACE: 4089,
      REGROLE: 4096
    };
  }
});

// node_modules/pg-types/index.js
var require_pg_types = __commonJS({
  "node_modules/pg-types/index.js"(exports) {
    var textParsers = require_textParsers();
    var binaryParsers = require_binaryParsers();
    var arrayParser = require_arrayParser();
    var builtinTypes = require_builtins();
    exports.getTypeParser = getTypeParser;
    exports.setTypeParser = setTypeParser;
    exports.arrayParser = arrayParser;
    exports.builtins = builtinTypes;
    var typeParsers = {
      text: {},
      binary: {}
    };
    function noParse(val) {
      return String(val);
    }
    function getTypeParser(oid, format) {
      format = format || "text";
      if (!typeParsers[format]) {
        return noParse;
      }
      return typeParsers[format][oid] || noParse;
    }
    function setTypeParser(oid, format, parseFn) {
      if (typeof format == "function") {
        parseFn = format;
        format = "text";
      }
      typeParsers[format][oid] = parseFn;
    }
    textParsers.init(function(oid, converter) {
      typeParsers.text[oid] = converter;
    });
    binaryParsers.init(function(oid, converter) {
      typeParsers.binary[oid] = converter;
    });
  }
});

// node_modules/pg/lib/defaults.js
var require_defaults = __commonJS({
  "node_modules/pg/lib/defaults.js"(exports, module) {
    "use strict";
    var user;
    try {
      user = process.platform === "win32" ? process.env.USERNAME : process.env.USER;
    } catch {
    }
    module.exports = {
      // database host. defaults to localhost
      host: "localhost",
      // database user's name
      user,
      // name of database to connect
      database: void 0,
      // database user's password
      password: null,
      // a Postgres connection string to be used instead of setting individual connection items
      // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
      // in the defaults object.
      connectionString: void 0,
      // database port
      port: 5432,
      // number of rows to return at a time from a prepared statement's
      // portal. 0 will return all rows at once
      rows: 0,
      // binary result mode
      binary: false,
      // Connection pool options - see https://github.com/brianc/node-pg-pool
      // number of connections to use in connection pool
      // 0 will disable connection pooling
      max: 10,
      // max milliseconds a client can go unused before it is removed
      // from the pool and destroyed
      idleTimeoutMillis: 3e4,
      client_encoding: "",
      ssl: false,
      // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
      sslnegotiation: void 0,
      application_name: void 0,
      fallback_application_name: void 0,
      options: void 0,
      parseInputDatesAsUTC: false,
      // max milliseconds any query using this connection will execute for before timing out in error.
      // false=unlimited
      statement_timeout: false,
      // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
      // false=unlimited
      lock_timeout: false,
      // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
      // false=unlimited
      idle_in_transaction_session_timeout: false,
      // max milliseconds to wait for query to complete (client side)
      query_timeout: false,
      connect_timeout: 0,
      keepalives: 1,
      keepalives_idle: 0
    };
    var pgTypes = require_pg_types();
    var parseBigInteger = pgTypes.getTypeParser(20, "text");
    var parseBigIntegerArray = pgTypes.getTypeParser(1016, "text");
    module.exports.__defineSetter__("parseInt8", function(val) {
      pgTypes.setTypeParser(20, "text", val ? pgTypes.getTypeParser(23, "text") : parseBigInteger);
      pgTypes.setTypeParser(1016, "text", val ? pgTypes.getTypeParser(1007, "text") : parseBigIntegerArray);
    });
  }
});

// node_modules/pg/lib/utils.js
var require_utils = __commonJS({
  "node_modules/pg/lib/utils.js"(exports, module) {
    "use strict";
    var defaults3 = require_defaults();
    var nodeUtils = __require("util");
    var { isDate } = __require("util/types");
    var invalidDateDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.",
      "PG_INVALID_DATE"
    );
    function escapeElement(elementRepresentation) {
      const escaped = elementRepresentation.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      return '"' + escaped + '"';
    }
    function arrayString(val) {
      let result2 = "{";
      for (let i = 0; i < val.length; i++) {
        if (i > 0) {
          result2 += ",";
        }
        let item = val[i];
        if (item == null) {
          result2 += "NULL";
        } else if (Array.isArray(item)) {
          result2 += arrayString(item);
        } else if (ArrayBuffer.isView(item)) {
          if (!(item instanceof Buffer)) {
            item = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
          }
          result2 += "\\\\x" + item.toString("hex");
        } else {
          result2 += escapeElement(prepareValue(item));
        }
      }
      result2 += "}";
      return result2;
    }
    var prepareValue = function(val, seen) {
      if (val == null) {
        return null;
      }
      if (typeof val === "object") {
        if (val instanceof Buffer) {
          return val;
        }
        if (ArrayBuffer.isView(val)) {
          return Buffer.from(val.buffer, val.byteOffset, val.byteLength);
        }
        if (isDate(val)) {
          if (isNaN(val.getTime())) {
            invalidDateDeprecationNotice();
          }
          if (defaults3.parseInputDatesAsUTC) {
            return dateToStringUTC(val);
          } else {
            return dateToString(val);
          }
        }
        if (Array.isArray(val)) {
          return arrayString(val);
        }
        return prepareObject(val, seen);
      }
      return val.toString();
    };
    function prepareObject(val, seen) {
      if (val && typeof val.toPostgres === "function") {
        seen = seen || [];
        if (seen.indexOf(val) !== -1) {
          throw new Error('circular reference detected while preparing "' + val + '" for query');
        }
        seen.push(val);
        return prepareValue(val.toPostgres(prepareValue), seen);
      }
      return JSON.stringify(val);
    }
    function dateToString(date) {
      let offset = -date.getTimezoneOffset();
      let year = date.getFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0") + "T" + String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0") + ":" + String(date.getSeconds()).padStart(2, "0") + "." + String(date.getMilliseconds()).padStart(3, "0");
      if (offset < 0) {
        ret += "-";
        offset *= -1;
      } else {
        ret += "+";
      }
      ret += String(Math.floor(offset / 60)).padStart(2, "0") + ":" + String(offset % 60).padStart(2, "0");
      if (isBCYear) ret += " BC";
      return ret;
    }
    function dateToStringUTC(date) {
      let year = date.getUTCFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getUTCMonth() + 1).padStart(2, "0") + "-" + String(date.getUTCDate()).padStart(2, "0") + "T" + String(date.getUTCHours()).padStart(2, "0") + ":" + String(date.getUTCMinutes()).padStart(2, "0") + ":" + String(date.getUTCSeconds()).padStart(2, "0") + "." + String(date.getUTCMilliseconds()).padStart(3, "0");
      ret += "+00:00";
      if (isBCYear) ret += " BC";
      return ret;
    }
    function normalizeQueryConfig(config, values, callback) {
      config = typeof config === "string" ? { text: config } : cloneQueryConfig(config);
      if (values) {
        if (typeof values === "function") {
          config.callback = values;
        } else {
          config.values = values;
        }
      }
      if (callback) {
        config.callback = callback;
      }
      return config;
    }
    function cloneQueryConfig(config) {
      if (config == null) {
        return config;
      }
      return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config));
    }
    var escapeIdentifier2 = function(str) {
      return '"' + str.replace(/"/g, '""') + '"';
    };
    var escapeLiteral2 = function(str) {
      let hasBackslash = false;
      let escaped = "'";
      if (str == null) {
        return "''";
      }
      if (typeof str !== "string") {
        return "''";
      }
      for (let i = 0; i < str.length; i++) {
        const c = str[i];
        if (c === "'") {
          escaped += c + c;
        } else if (c === "\\") {
          escaped += c + c;
          hasBackslash = true;
        } else {
          escaped += c;
        }
      }
      escaped += "'";
      if (hasBackslash === true) {
        escaped = " E" + escaped;
      }
      return escaped;
    };
    module.exports = {
      prepareValue: function prepareValueWrapper(value) {
        return prepareValue(value);
      },
      normalizeQueryConfig,
      escapeIdentifier: escapeIdentifier2,
      escapeLiteral: escapeLiteral2
    };
  }
});

// node_modules/pg/lib/crypto/utils.js
var require_utils2 = __commonJS({
  "node_modules/pg/lib/crypto/utils.js"(exports, module) {
    var nodeCrypto = __require("crypto");
    module.exports = {
      postgresMd5PasswordHash,
      randomBytes: randomBytes4,
      deriveKey,
      sha256,
      hashByName,
      hmacSha256,
      md5
    };
    var webCrypto = nodeCrypto.webcrypto || globalThis.crypto;
    var subtleCrypto = webCrypto.subtle;
    var textEncoder = new TextEncoder();
    function randomBytes4(length) {
      return webCrypto.getRandomValues(Buffer.alloc(length));
    }
    async function md5(string) {
      try {
        return nodeCrypto.createHash("md5").update(string, "utf-8").digest("hex");
      } catch (e) {
        const data = typeof string === "string" ? textEncoder.encode(string) : string;
        const hash = await subtleCrypto.digest("MD5", data);
        return Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, "0")).join("");
      }
    }
    async function postgresMd5PasswordHash(user, password, salt) {
      const inner = await md5(password + user);
      const outer = await md5(Buffer.concat([Buffer.from(inner), salt]));
      return "md5" + outer;
    }
    async function sha256(text) {
      return await subtleCrypto.digest("SHA-256", text);
    }
    async function hashByName(hashName, text) {
      return await subtleCrypto.digest(hashName, text);
    }
    async function hmacSha256(keyBuffer, msg) {
      const key = await subtleCrypto.importKey("raw", keyBuffer, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return await subtleCrypto.sign("HMAC", key, textEncoder.encode(msg));
    }
    async function deriveKey(password, salt, iterations) {
      const key = await subtleCrypto.importKey("raw", textEncoder.encode(password), "PBKDF2", false, ["deriveBits"]);
      const params = { name: "PBKDF2", hash: "SHA-256", salt, iterations };
      return await subtleCrypto.deriveBits(params, key, 32 * 8, ["deriveBits"]);
    }
  }
});

// node_modules/pg/lib/crypto/cert-signatures.js
var require_cert_signatures = __commonJS({
  "node_modules/pg/lib/crypto/cert-signatures.js"(exports, module) {
    function x509Error(msg, cert) {
      return new Error("SASL channel binding: " + msg + " when parsing public certificate " + cert.toString("base64"));
    }
    function readASN1Length(data, index) {
      let length = data[index++];
      if (length < 128) return { length, index };
      const lengthBytes = length & 127;
      if (lengthBytes > 4) throw x509Error("bad length", data);
      length = 0;
      for (let i = 0; i < lengthBytes; i++) {
        length = length << 8 | data[index++];
      }
      return { length, index };
    }
    function readASN1OID(data, index) {
      if (data[index++] !== 6) throw x509Error("non-OID data", data);
      const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index);
      index = indexAfterOIDLength;
      const lastIndex = index + OIDLength;
      const byte1 = data[index++];
      let oid = (byte1 / 40 >> 0) + "." + byte1 % 40;
      while (index < lastIndex) {
        let value = 0;
        while (index < lastIndex) {
          const nextByte = data[index++];
          value = value << 7 | nextByte & 127;
          if (nextByte < 128) break;
        }
        oid += "." + value;
      }
      return { oid, index };
    }
    function expectASN1Seq(data, index) {
      if (data[index++] !== 48) throw x509Error("non-sequence data", data);
      return readASN1Length(data, index);
    }
    function signatureAlgorithmHashFromCertificate(data, index) {
      if (index === void 0) index = 0;
      index = expectASN1Seq(data, index).index;
      const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index);
      index = indexAfterCertInfoLength + certInfoLength;
      index = expectASN1Seq(data, index).index;
      const { oid, index: indexAfterOID } = readASN1OID(data, index);
      switch (oid) {
        // RSA
        case "1.2.840.113549.1.1.4":
          return "MD5";
        case "1.2.840.113549.1.1.5":
          return "SHA-1";
        case "1.2.840.113549.1.1.11":
          return "SHA-256";
        case "1.2.840.113549.1.1.12":
          return "SHA-384";
        case "1.2.840.113549.1.1.13":
          return "SHA-512";
        case "1.2.840.113549.1.1.14":
          return "SHA-224";
        case "1.2.840.113549.1.1.15":
          return "SHA512-224";
        case "1.2.840.113549.1.1.16":
          return "SHA512-256";
        // ECDSA
        case "1.2.840.10045.4.1":
          return "SHA-1";
        case "1.2.840.10045.4.3.1":
          return "SHA-224";
        case "1.2.840.10045.4.3.2":
          return "SHA-256";
        case "1.2.840.10045.4.3.3":
          return "SHA-384";
        case "1.2.840.10045.4.3.4":
          return "SHA-512";
        // RSASSA-PSS: hash is indicated separately
        case "1.2.840.113549.1.1.10": {
          index = indexAfterOID;
          index = expectASN1Seq(data, index).index;
          if (data[index++] !== 160) throw x509Error("non-tag data", data);
          index = readASN1Length(data, index).index;
          index = expectASN1Seq(data, index).index;
          const { oid: hashOID } = readASN1OID(data, index);
          switch (hashOID) {
            // standalone hash OIDs
            case "1.2.840.113549.2.5":
              return "MD5";
            case "1.3.14.3.2.26":
              return "SHA-1";
            case "2.16.840.1.101.3.4.2.1":
              return "SHA-256";
            case "2.16.840.1.101.3.4.2.2":
              return "SHA-384";
            case "2.16.840.1.101.3.4.2.3":
              return "SHA-512";
          }
          throw x509Error("unknown hash OID " + hashOID, data);
        }
        // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
        case "1.3.101.110":
        case "1.3.101.112":
          return "SHA-512";
        // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
        case "1.3.101.111":
        case "1.3.101.113":
          throw x509Error("Ed448 certificate channel binding is not currently supported by Postgres");
      }
      throw x509Error("unknown OID " + oid, data);
    }
    module.exports = { signatureAlgorithmHashFromCertificate };
  }
});

// node_modules/pg/lib/crypto/sasl.js
var require_sasl = __commonJS({
  "node_modules/pg/lib/crypto/sasl.js"(exports, module) {
    "use strict";
    var crypto = require_utils2();
    var { signatureAlgorithmHashFromCertificate } = require_cert_signatures();
    function saslprep(password) {
      const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
      const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
      return password.replace(nonAsciiSpace, " ").replace(mappedToNothing, "").normalize("NFKC");
    }
    var DEFAULT_MAX_SCRAM_ITERATIONS = 1e5;
    function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
      const candidates = ["SCRAM-SHA-256"];
      if (stream) candidates.unshift("SCRAM-SHA-256-PLUS");
      const mechanism = candidates.find((candidate) => mechanisms.includes(candidate));
      if (!mechanism) {
        throw new Error("SASL: Only mechanism(s) " + candidates.join(" and ") + " are supported");
      }
      if (mechanism === "SCRAM-SHA-256-PLUS" && typeof stream.getPeerCertificate !== "function") {
        throw new Error("SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate");
      }
      const clientNonce = crypto.randomBytes(18).toString("base64");
      const gs2Header = mechanism === "SCRAM-SHA-256-PLUS" ? "p=tls-server-end-point" : stream ? "y" : "n";
      return {
        mechanism,
        clientNonce,
        response: gs2Header + ",,n=*,r=" + clientNonce,
        message: "SASLInitialResponse",
        scramMaxIterations
      };
    }
    async function continueSession(session, password, serverData, stream) {
      if (session.message !== "SASLInitialResponse") {
        throw new Error("SASL: Last message was not SASLInitialResponse");
      }
      if (typeof password !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");
      }
      if (password === "") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string");
      }
      const sv = parseServerFirstMessage(serverData);
      if (!sv.nonce.startsWith(session.clientNonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce");
      } else if (sv.nonce.length === session.clientNonce.length) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short");
      }
      const scramMaxIterations = typeof session.scramMaxIterations === "number" ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS;
      if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
        throw new Error(
          "SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count " + sv.iteration + " exceeds scramMaxIterations of " + scramMaxIterations
        );
      }
      const clientFirstMessageBare = "n=*,r=" + session.clientNonce;
      const serverFirstMessage = "r=" + sv.nonce + ",s=" + sv.salt + ",i=" + sv.iteration;
      let channelBinding = stream ? "eSws" : "biws";
      if (session.mechanism === "SCRAM-SHA-256-PLUS") {
        const peerCert = stream.getPeerCertificate().raw;
        let hashName = signatureAlgorithmHashFromCertificate(peerCert);
        if (hashName === "MD5" || hashName === "SHA-1") hashName = "SHA-256";
        const certHash = await crypto.hashByName(hashName, peerCert);
        const bindingData = Buffer.concat([Buffer.from("p=tls-server-end-point,,"), Buffer.from(certHash)]);
        channelBinding = bindingData.toString("base64");
      }
      const clientFinalMessageWithoutProof = "c=" + channelBinding + ",r=" + sv.nonce;
      const authMessage = clientFirstMessageBare + "," + serverFirstMessage + "," + clientFinalMessageWithoutProof;
      const saltBytes = Buffer.from(sv.salt, "base64");
      const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration);
      const clientKey = await crypto.hmacSha256(saltedPassword, "Client Key");
      const storedKey = await crypto.sha256(clientKey);
      const clientSignature = await crypto.hmacSha256(storedKey, authMessage);
      const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString("base64");
      const serverKey = await crypto.hmacSha256(saltedPassword, "Server Key");
      const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage);
      session.message = "SASLResponse";
      session.serverSignature = Buffer.from(serverSignatureBytes).toString("base64");
      session.response = clientFinalMessageWithoutProof + ",p=" + clientProof;
    }
    function finalizeSession(session, serverData) {
      if (session.message !== "SASLResponse") {
        throw new Error("SASL: Last message was not SASLResponse");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string");
      }
      const { serverSignature } = parseServerFinalMessage(serverData);
      if (serverSignature !== session.serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match");
      }
    }
    function isPrintableChars(text) {
      if (typeof text !== "string") {
        throw new TypeError("SASL: text must be a string");
      }
      return text.split("").map((_, i) => text.charCodeAt(i)).every((c) => c >= 33 && c <= 43 || c >= 45 && c <= 126);
    }
    function isBase64(text) {
      return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text);
    }
    function parseAttributePairs(text) {
      if (typeof text !== "string") {
        throw new TypeError("SASL: attribute pairs text must be a string");
      }
      return new Map(
        text.split(",").map((attrValue) => {
          if (!/^.=/.test(attrValue)) {
            throw new Error("SASL: Invalid attribute pair entry");
          }
          const name = attrValue[0];
          const value = attrValue.substring(2);
          return [name, value];
        })
      );
    }
    function parseServerFirstMessage(data) {
      const attrPairs = parseAttributePairs(data);
      const nonce = attrPairs.get("r");
      if (!nonce) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing");
      } else if (!isPrintableChars(nonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters");
      }
      const salt = attrPairs.get("s");
      if (!salt) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing");
      } else if (!isBase64(salt)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64");
      }
      const iterationText = attrPairs.get("i");
      if (!iterationText) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing");
      } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count");
      }
      const iteration = parseInt(iterationText, 10);
      return {
        nonce,
        salt,
        iteration
      };
    }
    function parseServerFinalMessage(serverData) {
      const attrPairs = parseAttributePairs(serverData);
      const error = attrPairs.get("e");
      const serverSignature = attrPairs.get("v");
      if (error) {
        throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`);
      }
      if (!serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing");
      } else if (!isBase64(serverSignature)) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64");
      }
      return {
        serverSignature
      };
    }
    function xorBuffers(a, b) {
      if (!Buffer.isBuffer(a)) {
        throw new TypeError("first argument must be a Buffer");
      }
      if (!Buffer.isBuffer(b)) {
        throw new TypeError("second argument must be a Buffer");
      }
      if (a.length !== b.length) {
        throw new Error("Buffer lengths must match");
      }
      if (a.length === 0) {
        throw new Error("Buffers cannot be empty");
      }
      return Buffer.from(a.map((_, i) => a[i] ^ b[i]));
    }
    module.exports = {
      startSession,
      continueSession,
      finalizeSession,
      DEFAULT_MAX_SCRAM_ITERATIONS
    };
  }
});

// node_modules/pg/lib/type-overrides.js
var require_type_overrides = __commonJS({
  "node_modules/pg/lib/type-overrides.js"(exports, module) {
    "use strict";
    var types3 = require_pg_types();
    function TypeOverrides2(userTypes) {
      this._types = userTypes || types3;
      this.text = {};
      this.binary = {};
    }
    TypeOverrides2.prototype.getOverrides = function(format) {
      switch (format) {
        case "text":
          return this.text;
        case "binary":
          return this.binary;
        default:
          return {};
      }
    };
    TypeOverrides2.prototype.setTypeParser = function(oid, format, parseFn) {
      if (typeof format === "function") {
        parseFn = format;
        format = "text";
      }
      this.getOverrides(format)[oid] = parseFn;
    };
    TypeOverrides2.prototype.getTypeParser = function(oid, format) {
      format = format || "text";
      return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format);
    };
    module.exports = TypeOverrides2;
  }
});

// node_modules/pg-connection-string/index.js
var require_pg_connection_string = __commonJS({
  "node_modules/pg-connection-string/index.js"(exports, module) {
    "use strict";
    function parse2(str, options = {}) {
      if (str.charAt(0) === "/") {
        const config2 = str.split(" ");
        return { host: config2[0], database: config2[1] };
      }
      const config = /* @__PURE__ */ Object.create(null);
      let result2;
      let dummyHost = false;
      if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
        str = encodeURI(str).replace(/%25(\d\d)/g, "%$1");
      }
      try {
        try {
          result2 = new URL(str, "postgres://base");
        } catch (e) {
          result2 = new URL(str.replace("@/", "@___DUMMY___/"), "postgres://base");
          dummyHost = true;
        }
      } catch (err) {
        err.input && (err.input = "*****REDACTED*****");
        throw err;
      }
      for (const entry of result2.searchParams.entries()) {
        config[entry[0]] = entry[1];
      }
      config.user = config.user || decodeURIComponent(result2.username);
      config.password = config.password || decodeURIComponent(result2.password);
      if (result2.protocol == "socket:") {
        config.host = decodeURI(result2.pathname);
        config.database = result2.searchParams.get("db");
        config.client_encoding = result2.searchParams.get("encoding");
        return config;
      }
      const hostname = (dummyHost ? "" : result2.hostname).replace(/^\[(.+)\]$/, "$1");
      if (!config.host) {
        config.host = decodeURIComponent(hostname);
      } else if (hostname && /^%2f/i.test(hostname)) {
        result2.pathname = hostname + result2.pathname;
      }
      if (!config.port) {
        config.port = result2.port;
      }
      const pathname = result2.pathname.slice(1) || null;
      config.database = pathname ? decodeURI(pathname) : null;
      if (config.ssl === "true" || config.ssl === "1") {
        config.ssl = true;
      }
      if (config.ssl === "0") {
        config.ssl = false;
      }
      if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
        config.ssl = {};
      }
      if (config.sslnegotiation === "direct" && config.ssl === void 0) {
        config.ssl = true;
      }
      const fs16 = config.sslcert || config.sslkey || config.sslrootcert ? __require("fs") : null;
      if (config.sslcert) {
        config.ssl.cert = fs16.readFileSync(config.sslcert).toString();
      }
      if (config.sslkey) {
        config.ssl.key = fs16.readFileSync(config.sslkey).toString();
      }
      if (config.sslrootcert) {
        config.ssl.ca = fs16.readFileSync(config.sslrootcert).toString();
      }
      if (options.useLibpqCompat && config.uselibpqcompat) {
        throw new Error("Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.");
      }
      if (config.uselibpqcompat === "true" || options.useLibpqCompat) {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
          case "require": {
            if (config.sslrootcert) {
              config.ssl.checkServerIdentity = function() {
              };
            } else {
              config.ssl.rejectUnauthorized = false;
            }
            break;
          }
          case "verify-ca": {
            if (!config.ssl.ca) {
              throw new Error(
                "SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security."
              );
            }
            config.ssl.checkServerIdentity = function() {
            };
            break;
          }
          case "verify-full": {
            break;
          }
        }
      } else {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer":
          case "require":
          case "verify-ca":
          case "verify-full": {
            if (config.sslmode !== "verify-full") {
              deprecatedSslModeWarning(config.sslmode);
            }
            break;
          }
          case "no-verify": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
        }
      }
      return config;
    }
    function toConnectionOptions(sslConfig) {
      const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
        if (value !== void 0 && value !== null) {
          c[key] = value;
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return connectionOptions;
    }
    function toClientConfig(config) {
      const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
        if (key === "ssl") {
          const sslConfig = value;
          if (typeof sslConfig === "boolean") {
            c[key] = sslConfig;
          }
          if (typeof sslConfig === "object") {
            c[key] = toConnectionOptions(sslConfig);
          }
        } else if (value !== void 0 && value !== null) {
          if (key === "port") {
            if (value !== "") {
              const v = parseInt(value, 10);
              if (isNaN(v)) {
                throw new Error(`Invalid ${key}: ${value}`);
              }
              c[key] = v;
            }
          } else {
            c[key] = value;
          }
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return poolConfig;
    }
    function parseIntoClientConfig(str) {
      return toClientConfig(parse2(str));
    }
    function deprecatedSslModeWarning(sslmode) {
      if (!deprecatedSslModeWarning.warned && typeof process !== "undefined" && process.emitWarning) {
        deprecatedSslModeWarning.warned = true;
        process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
      }
    }
    module.exports = parse2;
    parse2.parse = parse2;
    parse2.toClientConfig = toClientConfig;
    parse2.parseIntoClientConfig = parseIntoClientConfig;
  }
});

// node_modules/pg/lib/connection-parameters.js
var require_connection_parameters = __commonJS({
  "node_modules/pg/lib/connection-parameters.js"(exports, module) {
    "use strict";
    var dns = __require("dns");
    var defaults3 = require_defaults();
    var parse2 = require_pg_connection_string().parse;
    var val = function(key, config, envVar) {
      if (config[key]) {
        return config[key];
      }
      if (envVar === void 0) {
        envVar = process.env["PG" + key.toUpperCase()];
      } else if (envVar === false) {
      } else {
        envVar = process.env[envVar];
      }
      return envVar || defaults3[key];
    };
    var readSSLConfigFromEnvironment = function() {
      switch (process.env.PGSSLMODE) {
        case "disable":
          return false;
        case "prefer":
        case "require":
        case "verify-ca":
        case "verify-full":
          return true;
        case "no-verify":
          return { rejectUnauthorized: false };
      }
      return defaults3.ssl;
    };
    var quoteParamValue = function(value) {
      return "'" + ("" + value).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
    };
    var add = function(params, config, paramName) {
      const value = config[paramName];
      if (value !== void 0 && value !== null) {
        params.push(paramName + "=" + quoteParamValue(value));
      }
    };
    var ConnectionParameters = class {
      constructor(config) {
        config = typeof config === "string" ? parse2(config) : config || {};
        if (config.connectionString) {
          config = Object.assign({}, config, parse2(config.connectionString));
        }
        this.user = val("user", config);
        this.database = val("database", config);
        if (this.database === void 0) {
          this.database = this.user;
        }
        this.port = parseInt(val("port", config), 10);
        this.host = val("host", config);
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: val("password", config)
        });
        this.binary = val("binary", config);
        this.options = val("options", config);
        this.ssl = typeof config.ssl === "undefined" ? readSSLConfigFromEnvironment() : config.ssl;
        if (typeof this.ssl === "string") {
          if (this.ssl === "true") {
            this.ssl = true;
          }
        }
        if (this.ssl === "no-verify") {
          this.ssl = { rejectUnauthorized: false };
        }
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this.sslnegotiation = val("sslnegotiation", config, "PGSSLNEGOTIATION");
        if (this.sslnegotiation !== void 0 && this.sslnegotiation !== "postgres" && this.sslnegotiation !== "direct") {
          throw new Error(
            `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
          );
        }
        if (this.sslnegotiation === "direct" && !this.ssl) {
          throw new Error("sslnegotiation=direct requires SSL to be enabled");
        }
        this.client_encoding = val("client_encoding", config);
        this.replication = val("replication", config);
        this.isDomainSocket = !(this.host || "").indexOf("/");
        this.application_name = val("application_name", config, "PGAPPNAME");
        this.fallback_application_name = val("fallback_application_name", config, false);
        this.statement_timeout = val("statement_timeout", config, false);
        this.lock_timeout = val("lock_timeout", config, false);
        this.idle_in_transaction_session_timeout = val("idle_in_transaction_session_timeout", config, false);
        this.query_timeout = val("query_timeout", config, false);
        if (config.connectionTimeoutMillis === void 0) {
          this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0;
        } else {
          this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1e3);
        }
        if (config.keepAlive === false) {
          this.keepalives = 0;
        } else if (config.keepAlive === true) {
          this.keepalives = 1;
        }
        if (typeof config.keepAliveInitialDelayMillis === "number") {
          this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1e3);
        }
      }
      getLibpqConnectionString(cb) {
        const params = [];
        add(params, this, "user");
        add(params, this, "password");
        add(params, this, "port");
        add(params, this, "application_name");
        add(params, this, "fallback_application_name");
        add(params, this, "connect_timeout");
        add(params, this, "options");
        const ssl = typeof this.ssl === "object" ? this.ssl : this.ssl ? { sslmode: this.ssl } : {};
        add(params, ssl, "sslmode");
        add(params, ssl, "sslca");
        add(params, ssl, "sslkey");
        add(params, ssl, "sslcert");
        add(params, ssl, "sslrootcert");
        add(params, this, "sslnegotiation");
        if (this.database) {
          params.push("dbname=" + quoteParamValue(this.database));
        }
        if (this.replication) {
          params.push("replication=" + quoteParamValue(this.replication));
        }
        if (this.host) {
          params.push("host=" + quoteParamValue(this.host));
        }
        if (this.isDomainSocket) {
          return cb(null, params.join(" "));
        }
        if (this.client_encoding) {
          params.push("client_encoding=" + quoteParamValue(this.client_encoding));
        }
        dns.lookup(this.host, function(err, address) {
          if (err) return cb(err, null);
          params.push("hostaddr=" + quoteParamValue(address));
          return cb(null, params.join(" "));
        });
      }
    };
    module.exports = ConnectionParameters;
  }
});

// node_modules/pg/lib/result.js
var require_result = __commonJS({
  "node_modules/pg/lib/result.js"(exports, module) {
    "use strict";
    var types3 = require_pg_types();
    var matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;
    var Result2 = class {
      constructor(rowMode, types4) {
        this.command = null;
        this.rowCount = null;
        this.oid = null;
        this.rows = [];
        this.fields = [];
        this._parsers = void 0;
        this._types = types4;
        this.RowCtor = null;
        this.rowAsArray = rowMode === "array";
        if (this.rowAsArray) {
          this.parseRow = this._parseRowAsArray;
        }
        this._prebuiltEmptyResultObject = null;
      }
      // adds a command complete message
      addCommandComplete(msg) {
        let match2;
        if (msg.text) {
          match2 = matchRegexp.exec(msg.text);
        } else {
          match2 = matchRegexp.exec(msg.command);
        }
        if (match2) {
          this.command = match2[1];
          if (match2[3]) {
            this.oid = parseInt(match2[2], 10);
            this.rowCount = parseInt(match2[3], 10);
          } else if (match2[2]) {
            this.rowCount = parseInt(match2[2], 10);
          }
        }
      }
      _parseRowAsArray(rowData) {
        const row2 = new Array(rowData.length);
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          if (rawValue !== null) {
            row2[i] = this._parsers[i](rawValue);
          } else {
            row2[i] = null;
          }
        }
        return row2;
      }
      parseRow(rowData) {
        const row2 = { ...this._prebuiltEmptyResultObject };
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          const field = this.fields[i].name;
          if (rawValue !== null) {
            const v = this.fields[i].format === "binary" ? Buffer.from(rawValue) : rawValue;
            row2[field] = this._parsers[i](v);
          } else {
            row2[field] = null;
          }
        }
        return row2;
      }
      addRow(row2) {
        this.rows.push(row2);
      }
      addFields(fieldDescriptions) {
        this.fields = fieldDescriptions;
        if (this.fields.length) {
          this._parsers = new Array(fieldDescriptions.length);
        }
        const row2 = /* @__PURE__ */ Object.create(null);
        for (let i = 0; i < fieldDescriptions.length; i++) {
          const desc = fieldDescriptions[i];
          row2[desc.name] = null;
          if (this._types) {
            this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || "text");
          } else {
            this._parsers[i] = types3.getTypeParser(desc.dataTypeID, desc.format || "text");
          }
        }
        this._prebuiltEmptyResultObject = { ...row2 };
      }
    };
    module.exports = Result2;
  }
});

// node_modules/pg/lib/query.js
var require_query = __commonJS({
  "node_modules/pg/lib/query.js"(exports, module) {
    "use strict";
    var { EventEmitter } = __require("events");
    var Result2 = require_result();
    var utils = require_utils();
    var Query2 = class extends EventEmitter {
      constructor(config, values, callback) {
        super();
        config = utils.normalizeQueryConfig(config, values, callback);
        this.text = config.text;
        this.values = config.values;
        this.rows = config.rows;
        this.types = config.types;
        this.name = config.name;
        this.queryMode = config.queryMode;
        this.binary = config.binary;
        this.portal = config.portal || "";
        this.callback = config.callback;
        this._rowMode = config.rowMode;
        if (process.domain && config.callback) {
          this.callback = process.domain.bind(config.callback);
        }
        this._result = new Result2(this._rowMode, this.types);
        this._results = this._result;
        this._canceledDueToError = false;
      }
      requiresPreparation() {
        if (this.queryMode === "extended") {
          return true;
        }
        if (this.name) {
          return true;
        }
        if (this.rows) {
          return true;
        }
        if (!this.text) {
          return false;
        }
        if (!this.values) {
          return false;
        }
        return this.values.length > 0;
      }
      _checkForMultirow() {
        if (this._result.command) {
          if (!Array.isArray(this._results)) {
            this._results = [this._result];
          }
          this._result = new Result2(this._rowMode, this._result._types);
          this._results.push(this._result);
        }
      }
      // associates row metadata from the supplied
      // message with this query object
      // metadata used when parsing row results
      handleRowDescription(msg) {
        this._checkForMultirow();
        this._result.addFields(msg.fields);
        this._accumulateRows = this.callback || !this.listeners("row").length;
      }
      handleDataRow(msg) {
        let row2;
        if (this._canceledDueToError) {
          return;
        }
        try {
          row2 = this._result.parseRow(msg.fields);
        } catch (err) {
          this._canceledDueToError = err;
          return;
        }
        this.emit("row", row2, this._result);
        if (this._accumulateRows) {
          this._result.addRow(row2);
        }
      }
      handleCommandComplete(msg, connection) {
        this._checkForMultirow();
        this._result.addCommandComplete(msg);
        if (this.rows) {
          connection.sync();
        }
      }
      // if a named prepared statement is created with empty query text
      // the backend will send an emptyQuery message but *not* a command complete message
      // since we pipeline sync immediately after execute we don't need to do anything here
      // unless we have rows specified, in which case we did not pipeline the initial sync call
      handleEmptyQuery(connection) {
        if (this.rows) {
          connection.sync();
        }
      }
      handleError(err, connection) {
        if (this._canceledDueToError) {
          err = this._canceledDueToError;
          this._canceledDueToError = false;
        }
        if (this.callback) {
          return this.callback(err);
        }
        this.emit("error", err);
      }
      handleReadyForQuery(con) {
        if (this._canceledDueToError) {
          return this.handleError(this._canceledDueToError, con);
        }
        if (this.callback) {
          try {
            this.callback(null, this._results);
          } catch (err) {
            process.nextTick(() => {
              throw err;
            });
          }
        }
        this.emit("end", this._results);
      }
      submit(connection) {
        if (typeof this.text !== "string" && typeof this.name !== "string") {
          return new Error("A query must have either text or a name. Supplying neither is unsupported.");
        }
        const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name];
        if (this.text && previous && this.text !== previous) {
          return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
        }
        if (this.values && !Array.isArray(this.values)) {
          return new Error("Query values must be an array");
        }
        if (this.requiresPreparation()) {
          connection.stream.cork && connection.stream.cork();
          try {
            this.prepare(connection);
          } finally {
            connection.stream.uncork && connection.stream.uncork();
          }
        } else {
          connection.query(this.text);
        }
        return null;
      }
      hasBeenParsed(connection) {
        return this.name && (connection.parsedStatements[this.name] !== void 0 || connection.submittedNamedStatements[this.name] !== void 0);
      }
      handlePortalSuspended(connection) {
        this._getRows(connection, this.rows);
      }
      _getRows(connection, rows) {
        connection.execute({
          portal: this.portal,
          rows
        });
        if (!rows) {
          connection.sync();
        } else {
          connection.flush();
        }
      }
      // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
      prepare(connection) {
        if (!this.hasBeenParsed(connection)) {
          connection.parse({
            text: this.text,
            name: this.name,
            types: this.types
          });
          if (this.name) {
            connection.submittedNamedStatements[this.name] = this.text;
          }
        }
        try {
          connection.bind({
            portal: this.portal,
            statement: this.name,
            values: this.values,
            binary: this.binary,
            valueMapper: utils.prepareValue
          });
        } catch (err) {
          connection.close({ type: "S", name: this.name });
          connection.sync();
          this.handleError(err, connection);
          return;
        }
        connection.describe({
          type: "P",
          name: this.portal || ""
        });
        this._getRows(connection, this.rows);
      }
      handleCopyInResponse(connection) {
        connection.sendCopyFail("No source stream defined");
      }
      handleCopyData(msg, connection) {
      }
    };
    module.exports = Query2;
  }
});

// node_modules/pg-protocol/dist/messages.js
var require_messages = __commonJS({
  "node_modules/pg-protocol/dist/messages.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
    exports.parseComplete = {
      name: "parseComplete",
      length: 5
    };
    exports.bindComplete = {
      name: "bindComplete",
      length: 5
    };
    exports.closeComplete = {
      name: "closeComplete",
      length: 5
    };
    exports.noData = {
      name: "noData",
      length: 5
    };
    exports.portalSuspended = {
      name: "portalSuspended",
      length: 5
    };
    exports.replicationStart = {
      name: "replicationStart",
      length: 4
    };
    exports.emptyQuery = {
      name: "emptyQuery",
      length: 4
    };
    exports.copyDone = {
      name: "copyDone",
      length: 4
    };
    var DatabaseError2 = class extends Error {
      constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
      }
    };
    exports.DatabaseError = DatabaseError2;
    var CopyDataMessage = class {
      constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = "copyData";
      }
    };
    exports.CopyDataMessage = CopyDataMessage;
    var CopyResponse = class {
      constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
      }
    };
    exports.CopyResponse = CopyResponse;
    var Field = class {
      constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
      }
    };
    exports.Field = Field;
    var RowDescriptionMessage = class {
      constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = "rowDescription";
        this.fields = new Array(this.fieldCount);
      }
    };
    exports.RowDescriptionMessage = RowDescriptionMessage;
    var ParameterDescriptionMessage = class {
      constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = "parameterDescription";
        this.dataTypeIDs = new Array(this.parameterCount);
      }
    };
    exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
    var ParameterStatusMessage = class {
      constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = "parameterStatus";
      }
    };
    exports.ParameterStatusMessage = ParameterStatusMessage;
    var AuthenticationMD5Password = class {
      constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = "authenticationMD5Password";
      }
    };
    exports.AuthenticationMD5Password = AuthenticationMD5Password;
    var BackendKeyDataMessage = class {
      constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = "backendKeyData";
      }
    };
    exports.BackendKeyDataMessage = BackendKeyDataMessage;
    var NotificationResponseMessage = class {
      constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = "notification";
      }
    };
    exports.NotificationResponseMessage = NotificationResponseMessage;
    var ReadyForQueryMessage = class {
      constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = "readyForQuery";
      }
    };
    exports.ReadyForQueryMessage = ReadyForQueryMessage;
    var CommandCompleteMessage = class {
      constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = "commandComplete";
      }
    };
    exports.CommandCompleteMessage = CommandCompleteMessage;
    var DataRowMessage = class {
      constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = "dataRow";
        this.fieldCount = fields.length;
      }
    };
    exports.DataRowMessage = DataRowMessage;
    var NoticeMessage = class {
      constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = "notice";
      }
    };
    exports.NoticeMessage = NoticeMessage;
  }
});

// node_modules/pg-protocol/dist/buffer-writer.js
var require_buffer_writer = __commonJS({
  "node_modules/pg-protocol/dist/buffer-writer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Writer = void 0;
    var Writer = class {
      constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
      }
      ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
          const oldBuffer = this.buffer;
          const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
          this.buffer = Buffer.allocUnsafe(newSize);
          oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
      }
      addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = num >>> 24 & 255;
        this.buffer[this.offset++] = num >>> 16 & 255;
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addCString(string) {
        if (!string) {
          this.ensure(1);
        } else {
          const len = Buffer.byteLength(string);
          this.ensure(len + 1);
          this.buffer.write(string, this.offset, "utf-8");
          this.offset += len;
        }
        this.buffer[this.offset++] = 0;
        return this;
      }
      addString(string = "") {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
      }
      // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
      // bytes. Postgres' Bind wire format prefixes every parameter with its length,
      // and doing it in one method computes Buffer.byteLength ONCE — the previous
      // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
      // three times (byteLength for the prefix, byteLength again inside addString,
      // then the encode), which is costly for large text parameters.
      addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = len >>> 24 & 255;
        buffer[offset++] = len >>> 16 & 255;
        buffer[offset++] = len >>> 8 & 255;
        buffer[offset++] = len >>> 0 & 255;
        buffer.write(string, offset, "utf-8");
        this.offset = offset + len;
        return this;
      }
      add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
      }
      /**
       * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
       */
      reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
      }
      join(code2) {
        if (code2) {
          this.buffer[this.headerPosition] = code2;
          const length = this.offset - (this.headerPosition + 1);
          this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code2 ? 0 : 5, this.offset);
      }
      flush(code2) {
        const result2 = this.join(code2);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result2;
      }
      clear() {
        this.offset = 5;
        this.headerPosition = 0;
      }
    };
    exports.Writer = Writer;
  }
});

// node_modules/pg-protocol/dist/serializer.js
var require_serializer = __commonJS({
  "node_modules/pg-protocol/dist/serializer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.serialize = void 0;
    var buffer_writer_1 = require_buffer_writer();
    var writer = new buffer_writer_1.Writer();
    var startup = (opts) => {
      writer.addInt16(3).addInt16(0);
      for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
      }
      writer.addCString("client_encoding").addCString("UTF8");
      const bodyBuffer = writer.addCString("").flush();
      const length = bodyBuffer.length + 4;
      return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
    };
    var requestSsl = () => {
      const response = Buffer.allocUnsafe(8);
      response.writeInt32BE(8, 0);
      response.writeInt32BE(80877103, 4);
      return response;
    };
    var password = (password2) => {
      return writer.addCString(password2).flush(
        112
        /* code.startup */
      );
    };
    var sendSASLInitialResponseMessage = function(mechanism, initialResponse) {
      writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
      return writer.flush(
        112
        /* code.startup */
      );
    };
    var sendSCRAMClientFinalMessage = function(additionalData) {
      return writer.addString(additionalData).flush(
        112
        /* code.startup */
      );
    };
    var query = (text) => {
      return writer.addCString(text).flush(
        81
        /* code.query */
      );
    };
    var emptyArray = [];
    var parse2 = (query2) => {
      const name = query2.name || "";
      if (name.length > 63) {
        console.error("Warning! Postgres only supports 63 characters for query names.");
        console.error("You supplied %s (%s)", name, name.length);
        console.error("This can cause conflicts and silent errors executing queries");
      }
      const types3 = query2.types || emptyArray;
      const len = types3.length;
      const buffer = writer.addCString(name).addCString(query2.text).addInt16(len);
      for (let i = 0; i < len; i++) {
        buffer.addInt32(types3[i]);
      }
      return writer.flush(
        80
        /* code.parse */
      );
    };
    var writeValues = function(values, valueMapper, formatsOffset) {
      const len = values.length;
      for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0;
        if (mappedVal == null) {
          writer.addInt32(-1);
        } else if (mappedVal instanceof Buffer) {
          formatByte = 1;
          writer.addInt32(mappedVal.length);
          writer.add(mappedVal);
        } else {
          writer.addInt32PrefixedString(mappedVal);
        }
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
      }
    };
    var bind = (config = {}) => {
      const portal = config.portal || "";
      const statement = config.statement || "";
      const binary = config.binary || false;
      const values = config.values || emptyArray;
      const len = values.length;
      writer.addCString(portal).addCString(statement);
      writer.addInt16(len);
      const formatsOffset = writer.reserveUnsafe(len * 2);
      writer.addInt16(len);
      try {
        writeValues(values, config.valueMapper, formatsOffset);
      } catch (err) {
        writer.clear();
        throw err;
      }
      writer.addInt16(1);
      writer.addInt16(
        binary ? 1 : 0
        /* ParamType.STRING */
      );
      return writer.flush(
        66
        /* code.bind */
      );
    };
    var emptyExecute = Buffer.from([69, 0, 0, 0, 9, 0, 0, 0, 0, 0]);
    var execute2 = (config) => {
      if (!config || !config.portal && !config.rows) {
        return emptyExecute;
      }
      const portal = config.portal || "";
      const rows = config.rows || 0;
      const portalLength = Buffer.byteLength(portal);
      const len = 4 + portalLength + 1 + 4;
      const buff = Buffer.allocUnsafe(1 + len);
      buff[0] = 69;
      buff.writeInt32BE(len, 1);
      buff.write(portal, 5, "utf-8");
      buff[portalLength + 5] = 0;
      buff.writeUInt32BE(rows, buff.length - 4);
      return buff;
    };
    var cancel = (processID, secretKey) => {
      const buffer = Buffer.allocUnsafe(16);
      buffer.writeInt32BE(16, 0);
      buffer.writeInt16BE(1234, 4);
      buffer.writeInt16BE(5678, 6);
      buffer.writeInt32BE(processID, 8);
      buffer.writeInt32BE(secretKey, 12);
      return buffer;
    };
    var cstringMessage = (code2, string) => {
      const stringLen = Buffer.byteLength(string);
      const len = 4 + stringLen + 1;
      const buffer = Buffer.allocUnsafe(1 + len);
      buffer[0] = code2;
      buffer.writeInt32BE(len, 1);
      buffer.write(string, 5, "utf-8");
      buffer[len] = 0;
      return buffer;
    };
    var emptyDescribePortal = writer.addCString("P").flush(
      68
      /* code.describe */
    );
    var emptyDescribeStatement = writer.addCString("S").flush(
      68
      /* code.describe */
    );
    var describe2 = (msg) => {
      return msg.name ? cstringMessage(68, `${msg.type}${msg.name || ""}`) : msg.type === "P" ? emptyDescribePortal : emptyDescribeStatement;
    };
    var close = (msg) => {
      const text = `${msg.type}${msg.name || ""}`;
      return cstringMessage(67, text);
    };
    var copyData = (chunk) => {
      return writer.add(chunk).flush(
        100
        /* code.copyFromChunk */
      );
    };
    var copyFail = (message) => {
      return cstringMessage(102, message);
    };
    var codeOnlyBuffer = (code2) => Buffer.from([code2, 0, 0, 0, 4]);
    var flushBuffer = codeOnlyBuffer(
      72
      /* code.flush */
    );
    var syncBuffer = codeOnlyBuffer(
      83
      /* code.sync */
    );
    var endBuffer = codeOnlyBuffer(
      88
      /* code.end */
    );
    var copyDoneBuffer = codeOnlyBuffer(
      99
      /* code.copyDone */
    );
    var serialize2 = {
      startup,
      password,
      requestSsl,
      sendSASLInitialResponseMessage,
      sendSCRAMClientFinalMessage,
      query,
      parse: parse2,
      bind,
      execute: execute2,
      describe: describe2,
      close,
      flush: () => flushBuffer,
      sync: () => syncBuffer,
      end: () => endBuffer,
      copyData,
      copyDone: () => copyDoneBuffer,
      copyFail,
      cancel
    };
    exports.serialize = serialize2;
  }
});

// node_modules/pg-protocol/dist/buffer-reader.js
var require_buffer_reader = __commonJS({
  "node_modules/pg-protocol/dist/buffer-reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BufferReader = void 0;
    var BufferReader = class {
      constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        this.encoding = "utf-8";
      }
      setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
      }
      int16() {
        const result2 = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result2;
      }
      byte() {
        const result2 = this.buffer[this.offset];
        this.offset++;
        return result2;
      }
      int32() {
        const result2 = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result2;
      }
      uint32() {
        const result2 = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result2;
      }
      string(length) {
        const result2 = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result2;
      }
      cstring() {
        const start = this.offset;
        let end = start;
        while (this.buffer[end++]) {
        }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
      }
      bytes(length) {
        const result2 = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result2;
      }
    };
    exports.BufferReader = BufferReader;
  }
});

// node_modules/pg-protocol/dist/parser.js
var require_parser = __commonJS({
  "node_modules/pg-protocol/dist/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var messages_1 = require_messages();
    var buffer_reader_1 = require_buffer_reader();
    var CODE_LENGTH = 1;
    var LEN_LENGTH = 4;
    var HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
    var LATEINIT_LENGTH = -1;
    var emptyBuffer = Buffer.allocUnsafe(0);
    var Parser2 = class {
      constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === "binary") {
          throw new Error("Binary mode not supported yet");
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || "text";
      }
      parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
          const code2 = this.buffer[offset];
          const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
          const fullMessageLength = CODE_LENGTH + length;
          if (fullMessageLength + offset <= bufferFullLength) {
            const message = this.handlePacket(offset + HEADER_LENGTH, code2, length, this.buffer);
            callback(message);
            offset += fullMessageLength;
          } else {
            break;
          }
        }
        if (offset === bufferFullLength) {
          this.buffer = emptyBuffer;
          this.bufferLength = 0;
          this.bufferOffset = 0;
        } else {
          this.bufferLength = bufferFullLength - offset;
          this.bufferOffset = offset;
        }
      }
      mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
          const newLength = this.bufferLength + buffer.byteLength;
          const newFullLength = newLength + this.bufferOffset;
          if (newFullLength > this.buffer.byteLength) {
            let newBuffer;
            if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
              newBuffer = this.buffer;
            } else {
              let newBufferLength = this.buffer.byteLength * 2;
              while (newLength >= newBufferLength) {
                newBufferLength *= 2;
              }
              newBuffer = Buffer.allocUnsafe(newBufferLength);
            }
            this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
            this.buffer = newBuffer;
            this.bufferOffset = 0;
          }
          buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
          this.bufferLength = newLength;
        } else {
          this.buffer = buffer;
          this.bufferOffset = 0;
          this.bufferLength = buffer.byteLength;
        }
      }
      handlePacket(offset, code2, length, bytes) {
        const { reader } = this;
        reader.setBuffer(offset, bytes);
        let message;
        switch (code2) {
          case 50:
            message = messages_1.bindComplete;
            break;
          case 49:
            message = messages_1.parseComplete;
            break;
          case 51:
            message = messages_1.closeComplete;
            break;
          case 110:
            message = messages_1.noData;
            break;
          case 115:
            message = messages_1.portalSuspended;
            break;
          case 99:
            message = messages_1.copyDone;
            break;
          case 87:
            message = messages_1.replicationStart;
            break;
          case 73:
            message = messages_1.emptyQuery;
            break;
          case 68:
            message = parseDataRowMessage(reader);
            break;
          case 67:
            message = parseCommandCompleteMessage(reader);
            break;
          case 90:
            message = parseReadyForQueryMessage(reader);
            break;
          case 65:
            message = parseNotificationMessage(reader);
            break;
          case 82:
            message = parseAuthenticationResponse(reader, length);
            break;
          case 83:
            message = parseParameterStatusMessage(reader);
            break;
          case 75:
            message = parseBackendKeyData(reader);
            break;
          case 69:
            message = parseErrorMessage(reader, "error");
            break;
          case 78:
            message = parseErrorMessage(reader, "notice");
            break;
          case 84:
            message = parseRowDescriptionMessage(reader);
            break;
          case 116:
            message = parseParameterDescriptionMessage(reader);
            break;
          case 71:
            message = parseCopyInMessage(reader);
            break;
          case 72:
            message = parseCopyOutMessage(reader);
            break;
          case 100:
            message = parseCopyData(reader, length);
            break;
          default:
            return new messages_1.DatabaseError("received invalid response: " + code2.toString(16), length, "error");
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
      }
    };
    exports.Parser = Parser2;
    var parseReadyForQueryMessage = (reader) => {
      const status = reader.string(1);
      return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
    };
    var parseCommandCompleteMessage = (reader) => {
      const text = reader.cstring();
      return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
    };
    var parseCopyData = (reader, length) => {
      const chunk = reader.bytes(length - 4);
      return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
    };
    var parseCopyInMessage = (reader) => parseCopyMessage(reader, "copyInResponse");
    var parseCopyOutMessage = (reader) => parseCopyMessage(reader, "copyOutResponse");
    var parseCopyMessage = (reader, messageName) => {
      const isBinary = reader.byte() !== 0;
      const columnCount = reader.int16();
      const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
      for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
      }
      return message;
    };
    var parseNotificationMessage = (reader) => {
      const processId = reader.int32();
      const channel = reader.cstring();
      const payload = reader.cstring();
      return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
    };
    var parseRowDescriptionMessage = (reader) => {
      const fieldCount = reader.int16();
      const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
      }
      return message;
    };
    var parseField = (reader) => {
      const name = reader.cstring();
      const tableID = reader.uint32();
      const columnID = reader.int16();
      const dataTypeID = reader.uint32();
      const dataTypeSize = reader.int16();
      const dataTypeModifier = reader.int32();
      const mode = reader.int16() === 0 ? "text" : "binary";
      return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
    };
    var parseParameterDescriptionMessage = (reader) => {
      const parameterCount = reader.int16();
      const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
      for (let i = 0; i < parameterCount; i++) {
        message.dataTypeIDs[i] = reader.uint32();
      }
      return message;
    };
    var parseDataRowMessage = (reader) => {
      const fieldCount = reader.int16();
      const fields = new Array(fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        fields[i] = len === -1 ? null : reader.string(len);
      }
      return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
    };
    var parseParameterStatusMessage = (reader) => {
      const name = reader.cstring();
      const value = reader.cstring();
      return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
    };
    var parseBackendKeyData = (reader) => {
      const processID = reader.int32();
      const secretKey = reader.int32();
      return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
    };
    var parseAuthenticationResponse = (reader, length) => {
      const code2 = reader.int32();
      const message = {
        name: "authenticationOk",
        length
      };
      switch (code2) {
        case 0:
          break;
        case 3:
          if (message.length === 8) {
            message.name = "authenticationCleartextPassword";
          }
          break;
        case 5:
          if (message.length === 12) {
            message.name = "authenticationMD5Password";
            const salt = reader.bytes(4);
            return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
          }
          break;
        case 10:
          {
            message.name = "authenticationSASL";
            message.mechanisms = [];
            let mechanism;
            do {
              mechanism = reader.cstring();
              if (mechanism) {
                message.mechanisms.push(mechanism);
              }
            } while (mechanism);
          }
          break;
        case 11:
          message.name = "authenticationSASLContinue";
          message.data = reader.string(length - 8);
          break;
        case 12:
          message.name = "authenticationSASLFinal";
          message.data = reader.string(length - 8);
          break;
        default:
          throw new Error("Unknown authenticationOk message type " + code2);
      }
      return message;
    };
    var parseErrorMessage = (reader, name) => {
      const fields = {};
      let fieldType = reader.string(1);
      while (fieldType !== "\0") {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
      }
      const messageValue = fields.M;
      const message = name === "notice" ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue) : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
      message.severity = fields.S;
      message.code = fields.C;
      message.detail = fields.D;
      message.hint = fields.H;
      message.position = fields.P;
      message.internalPosition = fields.p;
      message.internalQuery = fields.q;
      message.where = fields.W;
      message.schema = fields.s;
      message.table = fields.t;
      message.column = fields.c;
      message.dataType = fields.d;
      message.constraint = fields.n;
      message.file = fields.F;
      message.line = fields.L;
      message.routine = fields.R;
      return message;
    };
  }
});

// node_modules/pg-protocol/dist/index.js
var require_dist = __commonJS({
  "node_modules/pg-protocol/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DatabaseError = exports.serialize = void 0;
    exports.parse = parse2;
    var messages_1 = require_messages();
    Object.defineProperty(exports, "DatabaseError", { enumerable: true, get: function() {
      return messages_1.DatabaseError;
    } });
    var serializer_1 = require_serializer();
    Object.defineProperty(exports, "serialize", { enumerable: true, get: function() {
      return serializer_1.serialize;
    } });
    var parser_1 = require_parser();
    function parse2(stream, callback) {
      const parser = new parser_1.Parser();
      stream.on("data", (buffer) => parser.parse(buffer, callback));
      return new Promise((resolve) => stream.on("end", () => resolve()));
    }
  }
});

// node_modules/pg-cloudflare/dist/empty.js
var require_empty = __commonJS({
  "node_modules/pg-cloudflare/dist/empty.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = {};
  }
});

// node_modules/pg/lib/stream.js
var require_stream = __commonJS({
  "node_modules/pg/lib/stream.js"(exports, module) {
    var { getStream, getSecureStream } = getStreamFuncs();
    module.exports = {
      /**
       * Get a socket stream compatible with the current runtime environment.
       * @returns {Duplex}
       */
      getStream,
      /**
       * Get a TLS secured socket, compatible with the current environment,
       * using the socket and other settings given in `options`.
       * @returns {Duplex}
       */
      getSecureStream
    };
    function getNodejsStreamFuncs() {
      function getStream2(ssl) {
        const net = __require("net");
        return new net.Socket();
      }
      function getSecureStream2(options) {
        const tls = __require("tls");
        return tls.connect(options);
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function getCloudflareStreamFuncs() {
      function getStream2(ssl) {
        const { CloudflareSocket } = require_empty();
        return new CloudflareSocket(ssl);
      }
      function getSecureStream2(options) {
        options.socket.startTls(options);
        return options.socket;
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function isCloudflareRuntime() {
      if (typeof navigator === "object" && navigator !== null && typeof navigator.userAgent === "string") {
        return navigator.userAgent === "Cloudflare-Workers";
      }
      if (typeof Response === "function") {
        const resp = new Response(null, { cf: { thing: true } });
        if (typeof resp.cf === "object" && resp.cf !== null && resp.cf.thing) {
          return true;
        }
      }
      return false;
    }
    function getStreamFuncs() {
      if (isCloudflareRuntime()) {
        return getCloudflareStreamFuncs();
      }
      return getNodejsStreamFuncs();
    }
  }
});

// node_modules/pg/lib/connection.js
var require_connection = __commonJS({
  "node_modules/pg/lib/connection.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var { parse: parse2, serialize: serialize2 } = require_dist();
    var stream = require_stream();
    var { getStream } = stream;
    var flushBuffer = serialize2.flush();
    var syncBuffer = serialize2.sync();
    var endBuffer = serialize2.end();
    var Connection2 = class extends EventEmitter {
      constructor(config) {
        super();
        config = config || {};
        this.stream = config.stream || getStream(config.ssl);
        if (typeof this.stream === "function") {
          this.stream = this.stream(config);
        }
        this._keepAlive = config.keepAlive;
        this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis;
        this.parsedStatements = {};
        this.submittedNamedStatements = {};
        this.ssl = config.ssl || false;
        this.sslNegotiation = config.sslNegotiation || "postgres";
        this._ending = false;
        this._emitMessage = false;
        const self = this;
        this.on("newListener", function(eventName) {
          if (eventName === "message") {
            self._emitMessage = true;
          }
        });
      }
      connect(port, host) {
        const self = this;
        this._connecting = true;
        this.stream.setNoDelay(true);
        this.stream.connect(port, host);
        this.stream.once("connect", function() {
          if (self._keepAlive) {
            self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis);
          }
          self.emit("connect");
        });
        const reportStreamError = function(error) {
          if (self._ending && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
            return;
          }
          self.emit("error", error);
        };
        this.stream.on("error", reportStreamError);
        this.stream.on("close", function() {
          self.emit("end");
        });
        if (!this.ssl) {
          return this.attachListeners(this.stream);
        }
        if (this.sslNegotiation === "direct") {
          return this.stream.once("connect", function() {
            self.upgradeToSSL(host, reportStreamError);
          });
        }
        this.stream.once("data", function(buffer) {
          const responseCode = buffer.toString("utf8");
          switch (responseCode) {
            case "S":
              break;
            case "N":
              self.stream.end();
              return self.emit("error", new Error("The server does not support SSL connections"));
            default:
              self.stream.end();
              return self.emit("error", new Error("There was an error establishing an SSL connection"));
          }
          self.upgradeToSSL(host, reportStreamError);
        });
      }
      upgradeToSSL(host, reportStreamError) {
        const self = this;
        const options = {
          socket: self.stream,
          // tls.connect checks the server identity against `servername`, falling
          // back to `host` and then to 'localhost'. `servername` must stay unset
          // for IP addresses (see below), so `host` is needed to keep certificate
          // validation working when connecting to an IP address.
          host
        };
        if (self.ssl !== true) {
          Object.assign(options, self.ssl);
          if ("key" in self.ssl) {
            options.key = self.ssl.key;
          }
        }
        if (self.sslNegotiation === "direct") {
          options.ALPNProtocols = ["postgresql"];
        }
        const net = __require("net");
        if (net.isIP && net.isIP(host) === 0) {
          options.servername = host;
        }
        try {
          self.stream = stream.getSecureStream(options);
        } catch (err) {
          return self.emit("error", err);
        }
        self.attachListeners(self.stream);
        self.stream.on("error", reportStreamError);
        self.emit("sslconnect");
      }
      attachListeners(stream2) {
        parse2(stream2, (msg) => {
          const eventName = msg.name === "error" ? "errorMessage" : msg.name;
          if (this._emitMessage) {
            this.emit("message", msg);
          }
          this.emit(eventName, msg);
        });
      }
      requestSsl() {
        this.stream.write(serialize2.requestSsl());
      }
      startup(config) {
        this.stream.write(serialize2.startup(config));
      }
      cancel(processID, secretKey) {
        this._send(serialize2.cancel(processID, secretKey));
      }
      password(password) {
        this._send(serialize2.password(password));
      }
      sendSASLInitialResponseMessage(mechanism, initialResponse) {
        this._send(serialize2.sendSASLInitialResponseMessage(mechanism, initialResponse));
      }
      sendSCRAMClientFinalMessage(additionalData) {
        this._send(serialize2.sendSCRAMClientFinalMessage(additionalData));
      }
      _send(buffer) {
        if (!this.stream.writable) {
          return false;
        }
        return this.stream.write(buffer);
      }
      query(text) {
        this._send(serialize2.query(text));
      }
      // send parse message
      parse(query) {
        this._send(serialize2.parse(query));
      }
      // send bind message
      bind(config) {
        this._send(serialize2.bind(config));
      }
      // send execute message
      execute(config) {
        this._send(serialize2.execute(config));
      }
      flush() {
        if (this.stream.writable) {
          this.stream.write(flushBuffer);
        }
      }
      sync() {
        this._send(syncBuffer);
      }
      ref() {
        this.stream.ref();
      }
      unref() {
        this.stream.unref();
      }
      end() {
        this._ending = true;
        if (!this._connecting || !this.stream.writable) {
          this.stream.end();
          return;
        }
        return this.stream.write(endBuffer, () => {
          this.stream.end();
        });
      }
      close(msg) {
        this._send(serialize2.close(msg));
      }
      describe(msg) {
        this._send(serialize2.describe(msg));
      }
      sendCopyFromChunk(chunk) {
        this._send(serialize2.copyData(chunk));
      }
      endCopyFrom() {
        this._send(serialize2.copyDone());
      }
      sendCopyFail(msg) {
        this._send(serialize2.copyFail(msg));
      }
    };
    module.exports = Connection2;
  }
});

// node_modules/split2/index.js
var require_split2 = __commonJS({
  "node_modules/split2/index.js"(exports, module) {
    "use strict";
    var { Transform } = __require("stream");
    var { StringDecoder } = __require("string_decoder");
    var kLast = /* @__PURE__ */ Symbol("last");
    var kDecoder = /* @__PURE__ */ Symbol("decoder");
    function transform(chunk, enc, cb) {
      let list;
      if (this.overflow) {
        const buf = this[kDecoder].write(chunk);
        list = buf.split(this.matcher);
        if (list.length === 1) return cb();
        list.shift();
        this.overflow = false;
      } else {
        this[kLast] += this[kDecoder].write(chunk);
        list = this[kLast].split(this.matcher);
      }
      this[kLast] = list.pop();
      for (let i = 0; i < list.length; i++) {
        try {
          push(this, this.mapper(list[i]));
        } catch (error) {
          return cb(error);
        }
      }
      this.overflow = this[kLast].length > this.maxLength;
      if (this.overflow && !this.skipOverflow) {
        cb(new Error("maximum buffer reached"));
        return;
      }
      cb();
    }
    function flush(cb) {
      this[kLast] += this[kDecoder].end();
      if (this[kLast]) {
        try {
          push(this, this.mapper(this[kLast]));
        } catch (error) {
          return cb(error);
        }
      }
      cb();
    }
    function push(self, val) {
      if (val !== void 0) {
        self.push(val);
      }
    }
    function noop(incoming) {
      return incoming;
    }
    function split(matcher, mapper, options) {
      matcher = matcher || /\r?\n/;
      mapper = mapper || noop;
      options = options || {};
      switch (arguments.length) {
        case 1:
          if (typeof matcher === "function") {
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof matcher === "object" && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
            options = matcher;
            matcher = /\r?\n/;
          }
          break;
        case 2:
          if (typeof matcher === "function") {
            options = mapper;
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof mapper === "object") {
            options = mapper;
            mapper = noop;
          }
      }
      options = Object.assign({}, options);
      options.autoDestroy = true;
      options.transform = transform;
      options.flush = flush;
      options.readableObjectMode = true;
      const stream = new Transform(options);
      stream[kLast] = "";
      stream[kDecoder] = new StringDecoder("utf8");
      stream.matcher = matcher;
      stream.mapper = mapper;
      stream.maxLength = options.maxLength;
      stream.skipOverflow = options.skipOverflow || false;
      stream.overflow = false;
      stream._destroy = function(err, cb) {
        this._writableState.errorEmitted = false;
        cb(err);
      };
      return stream;
    }
    module.exports = split;
  }
});

// node_modules/pgpass/lib/helper.js
var require_helper = __commonJS({
  "node_modules/pgpass/lib/helper.js"(exports, module) {
    "use strict";
    var path14 = __require("path");
    var Stream = __require("stream").Stream;
    var split = require_split2();
    var util = __require("util");
    var defaultPort = 5432;
    var isWin = process.platform === "win32";
    var warnStream = process.stderr;
    var S_IRWXG = 56;
    var S_IRWXO = 7;
    var S_IFMT = 61440;
    var S_IFREG = 32768;
    function isRegFile(mode) {
      return (mode & S_IFMT) == S_IFREG;
    }
    var fieldNames = ["host", "port", "database", "user", "password"];
    var nrOfFields = fieldNames.length;
    var passKey = fieldNames[nrOfFields - 1];
    function warn() {
      var isWritable = warnStream instanceof Stream && true === warnStream.writable;
      if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write(util.format.apply(util, args));
      }
    }
    Object.defineProperty(module.exports, "isWin", {
      get: function() {
        return isWin;
      },
      set: function(val) {
        isWin = val;
      }
    });
    module.exports.warnTo = function(stream) {
      var old = warnStream;
      warnStream = stream;
      return old;
    };
    module.exports.getFileName = function(rawEnv) {
      var env = rawEnv || process.env;
      var file = env.PGPASSFILE || (isWin ? path14.join(env.APPDATA || "./", "postgresql", "pgpass.conf") : path14.join(env.HOME || "./", ".pgpass"));
      return file;
    };
    module.exports.usePgPass = function(stats, fname) {
      if (Object.prototype.hasOwnProperty.call(process.env, "PGPASSWORD")) {
        return false;
      }
      if (isWin) {
        return true;
      }
      fname = fname || "<unkn>";
      if (!isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
      }
      if (stats.mode & (S_IRWXG | S_IRWXO)) {
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
      }
      return true;
    };
    var matcher = module.exports.match = function(connInfo, entry) {
      return fieldNames.slice(0, -1).reduce(function(prev, field, idx) {
        if (idx == 1) {
          if (Number(connInfo[field] || defaultPort) === Number(entry[field])) {
            return prev && true;
          }
        }
        return prev && (entry[field] === "*" || entry[field] === connInfo[field]);
      }, true);
    };
    module.exports.getPassword = function(connInfo, stream, cb) {
      var pass;
      var lineStream = stream.pipe(split());
      function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
          pass = entry[passKey];
          lineStream.end();
        }
      }
      var onEnd = function() {
        stream.destroy();
        cb(pass);
      };
      var onErr = function(err) {
        stream.destroy();
        warn("WARNING: error on reading file: %s", err);
        cb(void 0);
      };
      stream.on("error", onErr);
      lineStream.on("data", onLine).on("end", onEnd).on("error", onErr);
    };
    var parseLine = module.exports.parseLine = function(line) {
      if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
      }
      var curChar = "";
      var prevChar = "";
      var fieldIdx = 0;
      var startIdx = 0;
      var endIdx = 0;
      var obj = {};
      var isLastField = false;
      var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);
        if (!Object.hasOwnProperty.call(process.env, "PGPASS_NO_DEESCAPE")) {
          field = field.replace(/\\([:\\])/g, "$1");
        }
        obj[fieldNames[idx]] = field;
      };
      for (var i = 0; i < line.length - 1; i += 1) {
        curChar = line.charAt(i + 1);
        prevChar = line.charAt(i);
        isLastField = fieldIdx == nrOfFields - 1;
        if (isLastField) {
          addToObj(fieldIdx, startIdx);
          break;
        }
        if (i >= 0 && curChar == ":" && prevChar !== "\\") {
          addToObj(fieldIdx, startIdx, i + 1);
          startIdx = i + 2;
          fieldIdx += 1;
        }
      }
      obj = Object.keys(obj).length === nrOfFields ? obj : null;
      return obj;
    };
    var isValidEntry = module.exports.isValidEntry = function(entry) {
      var rules = {
        // host
        0: function(x) {
          return x.length > 0;
        },
        // port
        1: function(x) {
          if (x === "*") {
            return true;
          }
          x = Number(x);
          return isFinite(x) && x > 0 && x < 9007199254740992 && Math.floor(x) === x;
        },
        // database
        2: function(x) {
          return x.length > 0;
        },
        // username
        3: function(x) {
          return x.length > 0;
        },
        // password
        4: function(x) {
          return x.length > 0;
        }
      };
      for (var idx = 0; idx < fieldNames.length; idx += 1) {
        var rule = rules[idx];
        var value = entry[fieldNames[idx]] || "";
        var res = rule(value);
        if (!res) {
          return false;
        }
      }
      return true;
    };
  }
});

// node_modules/pgpass/lib/index.js
var require_lib = __commonJS({
  "node_modules/pgpass/lib/index.js"(exports, module) {
    "use strict";
    var path14 = __require("path");
    var fs16 = __require("fs");
    var helper = require_helper();
    module.exports = function(connInfo, cb) {
      var file = helper.getFileName();
      fs16.stat(file, function(err, stat) {
        if (err || !helper.usePgPass(stat, file)) {
          return cb(void 0);
        }
        var st = fs16.createReadStream(file);
        helper.getPassword(connInfo, st, cb);
      });
    };
    module.exports.warnTo = helper.warnTo;
  }
});

// node_modules/pg/lib/client.js
var require_client = __commonJS({
  "node_modules/pg/lib/client.js"(exports, module) {
    var EventEmitter = __require("events").EventEmitter;
    var utils = require_utils();
    var nodeUtils = __require("util");
    var sasl = require_sasl();
    var TypeOverrides2 = require_type_overrides();
    var ConnectionParameters = require_connection_parameters();
    var Query2 = require_query();
    var defaults3 = require_defaults();
    var Connection2 = require_connection();
    var crypto = require_utils2();
    var activeQueryDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.activeQuery is deprecated and will be removed in pg@9.0"
    );
    var queryQueueDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.queryQueue is deprecated and will be removed in pg@9.0."
    );
    var pgPassDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "pgpass support is deprecated and will be removed in pg@9.0. You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code."
    );
    var byoPromiseDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0."
    );
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    function coerceNumberOrDefault(value, defaultValue) {
      if (typeof value === "number") {
        return Number.isFinite(value) ? value : defaultValue;
      }
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value);
        return Number.isFinite(n) ? n : defaultValue;
      }
      return defaultValue;
    }
    var Client2 = class extends EventEmitter {
      constructor(config) {
        super();
        this.connectionParameters = new ConnectionParameters(config);
        this.user = this.connectionParameters.user;
        this.database = this.connectionParameters.database;
        this.port = this.connectionParameters.port;
        this.host = this.connectionParameters.host;
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: this.connectionParameters.password
        });
        this.replication = this.connectionParameters.replication;
        const c = config || {};
        if (c.Promise) {
          byoPromiseDeprecationNotice();
        }
        this._Promise = c.Promise || global.Promise;
        this._types = new TypeOverrides2(c.types);
        this._ending = false;
        this._ended = false;
        this._connecting = false;
        this._connected = false;
        this._connectionError = false;
        this._queryable = true;
        this._activeQuery = null;
        this._txStatus = null;
        this.enableChannelBinding = Boolean(c.enableChannelBinding);
        this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS);
        this.connection = c.connection || new Connection2({
          stream: c.stream,
          ssl: this.connectionParameters.ssl,
          sslNegotiation: this.connectionParameters.sslnegotiation,
          keepAlive: c.keepAlive || false,
          keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
          encoding: this.connectionParameters.client_encoding || "utf8"
        });
        this._queryQueue = [];
        this._sentQueryQueue = [];
        this.pipeline = Boolean(c.pipeline);
        this.binary = c.binary || defaults3.binary;
        this.processID = null;
        this.secretKey = null;
        this.ssl = this.connectionParameters.ssl || false;
        this.sslNegotiation = this.connectionParameters.sslnegotiation || "postgres";
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0;
      }
      get activeQuery() {
        activeQueryDeprecationNotice();
        return this._activeQuery;
      }
      set activeQuery(val) {
        activeQueryDeprecationNotice();
        this._activeQuery = val;
      }
      _getActiveQuery() {
        return this._activeQuery;
      }
      _errorAllQueries(err) {
        const enqueueError = (query) => {
          process.nextTick(() => {
            query.handleError(err, this.connection);
          });
        };
        const activeQuery = this._getActiveQuery();
        if (activeQuery) {
          enqueueError(activeQuery);
          this._activeQuery = null;
        }
        this._sentQueryQueue.forEach(enqueueError);
        this._sentQueryQueue.length = 0;
        this._queryQueue.forEach(enqueueError);
        this._queryQueue.length = 0;
      }
      _connect(callback) {
        const self = this;
        const con = this.connection;
        this._connectionCallback = callback;
        if (this._connecting || this._connected) {
          const err = new Error("Client has already been connected. You cannot reuse a client.");
          process.nextTick(() => {
            callback(err);
          });
          return;
        }
        this._connecting = true;
        if (this._connectionTimeoutMillis > 0) {
          this.connectionTimeoutHandle = setTimeout(() => {
            con._ending = true;
            con.stream.destroy(new Error("timeout expired"));
          }, this._connectionTimeoutMillis);
          if (this.connectionTimeoutHandle.unref) {
            this.connectionTimeoutHandle.unref();
          }
        }
        if (this.host && this.host.indexOf("/") === 0) {
          con.connect(this.host + "/.s.PGSQL." + this.port);
        } else {
          con.connect(this.port, this.host);
        }
        con.on("connect", function() {
          if (self.ssl) {
            if (self.sslNegotiation !== "direct") {
              con.requestSsl();
            }
          } else {
            con.startup(self.getStartupConf());
          }
        });
        con.on("sslconnect", function() {
          con.startup(self.getStartupConf());
        });
        this._attachListeners(con);
        con.once("end", () => {
          const error = this._ending ? new Error("Connection terminated") : new Error("Connection terminated unexpectedly");
          clearTimeout(this.connectionTimeoutHandle);
          this._errorAllQueries(error);
          this._ended = true;
          if (!this._ending) {
            if (this._connecting && !this._connectionError) {
              if (this._connectionCallback) {
                this._connectionCallback(error);
              } else {
                this._handleErrorEvent(error);
              }
            } else if (!this._connectionError) {
              this._handleErrorEvent(error);
            }
          }
          process.nextTick(() => {
            this.emit("end");
          });
        });
      }
      connect(callback) {
        if (callback) {
          this._connect(callback);
          return;
        }
        return new this._Promise((resolve, reject) => {
          this._connect((error) => {
            if (error) {
              reject(error);
            } else {
              resolve(this);
            }
          });
        });
      }
      _attachListeners(con) {
        con.on("authenticationCleartextPassword", this._handleAuthCleartextPassword.bind(this));
        con.on("authenticationMD5Password", this._handleAuthMD5Password.bind(this));
        con.on("authenticationSASL", this._handleAuthSASL.bind(this));
        con.on("authenticationSASLContinue", this._handleAuthSASLContinue.bind(this));
        con.on("authenticationSASLFinal", this._handleAuthSASLFinal.bind(this));
        con.on("backendKeyData", this._handleBackendKeyData.bind(this));
        con.on("error", this._handleErrorEvent.bind(this));
        con.on("errorMessage", this._handleErrorMessage.bind(this));
        con.on("readyForQuery", this._handleReadyForQuery.bind(this));
        con.on("notice", this._handleNotice.bind(this));
        con.on("rowDescription", this._handleRowDescription.bind(this));
        con.on("dataRow", this._handleDataRow.bind(this));
        con.on("portalSuspended", this._handlePortalSuspended.bind(this));
        con.on("emptyQuery", this._handleEmptyQuery.bind(this));
        con.on("commandComplete", this._handleCommandComplete.bind(this));
        con.on("parseComplete", this._handleParseComplete.bind(this));
        con.on("copyInResponse", this._handleCopyInResponse.bind(this));
        con.on("copyData", this._handleCopyData.bind(this));
        con.on("notification", this._handleNotification.bind(this));
      }
      _getPassword(cb) {
        const con = this.connection;
        if (typeof this.password === "function") {
          this._Promise.resolve().then(() => this.password(this.connectionParameters)).then((pass) => {
            if (pass !== void 0) {
              if (typeof pass !== "string") {
                con.emit("error", new TypeError("Password must be a string"));
                return;
              }
              this.connectionParameters.password = this.password = pass;
            } else {
              this.connectionParameters.password = this.password = null;
            }
            cb();
          }).catch((err) => {
            con.emit("error", err);
          });
        } else if (this.password !== null) {
          cb();
        } else {
          try {
            const pgPass = require_lib();
            pgPass(this.connectionParameters, (pass) => {
              if (void 0 !== pass) {
                pgPassDeprecationNotice();
                this.connectionParameters.password = this.password = pass;
              }
              cb();
            });
          } catch (e) {
            this.emit("error", e);
          }
        }
      }
      _handleAuthCleartextPassword(msg) {
        this._getPassword(() => {
          this.connection.password(this.password);
        });
      }
      _handleAuthMD5Password(msg) {
        this._getPassword(async () => {
          try {
            const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt);
            this.connection.password(hashedPassword);
          } catch (e) {
            this.emit("error", e);
          }
        });
      }
      _handleAuthSASL(msg) {
        this._getPassword(() => {
          try {
            this.saslSession = sasl.startSession(
              msg.mechanisms,
              this.enableChannelBinding && this.connection.stream,
              this.scramMaxIterations
            );
            this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response);
          } catch (err) {
            this.connection.emit("error", err);
          }
        });
      }
      async _handleAuthSASLContinue(msg) {
        try {
          await sasl.continueSession(
            this.saslSession,
            this.password,
            msg.data,
            this.enableChannelBinding && this.connection.stream
          );
          this.connection.sendSCRAMClientFinalMessage(this.saslSession.response);
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleAuthSASLFinal(msg) {
        try {
          sasl.finalizeSession(this.saslSession, msg.data);
          this.saslSession = null;
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleBackendKeyData(msg) {
        this.processID = msg.processID;
        this.secretKey = msg.secretKey;
      }
      _handleReadyForQuery(msg) {
        if (this._connecting) {
          this._connecting = false;
          this._connected = true;
          clearTimeout(this.connectionTimeoutHandle);
          if (this._connectionCallback) {
            this._connectionCallback(null, this);
            this._connectionCallback = null;
          }
          this.emit("connect");
        }
        const activeQuery = this._getActiveQuery();
        this._activeQuery = null;
        this._txStatus = msg?.status ?? null;
        this.readyForQuery = true;
        if (activeQuery) {
          activeQuery.handleReadyForQuery(this.connection);
        }
        this._pulseQueryQueue();
      }
      // if we receive an error event or error message
      // during the connection process we handle it here
      _handleErrorWhileConnecting(err) {
        if (this._connectionError) {
          return;
        }
        this._connectionError = true;
        clearTimeout(this.connectionTimeoutHandle);
        if (this._connectionCallback) {
          return this._connectionCallback(err);
        }
        this.emit("error", err);
      }
      // if we're connected and we receive an error event from the connection
      // this means the socket is dead - do a hard abort of all queries and emit
      // the socket error on the client as well
      _handleErrorEvent(err) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(err);
        }
        this._queryable = false;
        this._errorAllQueries(err);
        this.emit("error", err);
      }
      // handle error messages from the postgres backend
      _handleErrorMessage(msg) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(msg);
        }
        const activeQuery = this._getActiveQuery();
        if (!activeQuery) {
          this._handleErrorEvent(msg);
          return;
        }
        this._activeQuery = null;
        if (activeQuery.name) {
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
        activeQuery.handleError(msg, this.connection);
      }
      _handleRowDescription(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected rowDescription message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleRowDescription(msg);
      }
      _handleDataRow(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected dataRow message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleDataRow(msg);
      }
      _handlePortalSuspended(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected portalSuspended message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handlePortalSuspended(this.connection);
      }
      _handleEmptyQuery(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected emptyQuery message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleEmptyQuery(this.connection);
      }
      _handleCommandComplete(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected commandComplete message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCommandComplete(msg, this.connection);
      }
      _handleParseComplete() {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected parseComplete message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        if (activeQuery.name) {
          this.connection.parsedStatements[activeQuery.name] = activeQuery.text;
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
      }
      _handleCopyInResponse(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected copyInResponse message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCopyInResponse(this.connection);
      }
      _handleCopyData(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected copyData message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCopyData(msg, this.connection);
      }
      _handleNotification(msg) {
        this.emit("notification", msg);
      }
      _handleNotice(msg) {
        this.emit("notice", msg);
      }
      getStartupConf() {
        const params = this.connectionParameters;
        const data = {
          user: params.user,
          database: params.database
        };
        const appName = params.application_name || params.fallback_application_name;
        if (appName) {
          data.application_name = appName;
        }
        if (params.replication) {
          data.replication = "" + params.replication;
        }
        if (params.statement_timeout) {
          data.statement_timeout = String(parseInt(params.statement_timeout, 10));
        }
        if (params.lock_timeout) {
          data.lock_timeout = String(parseInt(params.lock_timeout, 10));
        }
        if (params.idle_in_transaction_session_timeout) {
          data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10));
        }
        if (params.options) {
          data.options = params.options;
        }
        return data;
      }
      cancel(client, query) {
        if (client.activeQuery === query) {
          const con = this.connection;
          if (this.host && this.host.indexOf("/") === 0) {
            con.connect(this.host + "/.s.PGSQL." + this.port);
          } else {
            con.connect(this.port, this.host);
          }
          con.on("connect", function() {
            con.cancel(client.processID, client.secretKey);
          });
        } else if (client._queryQueue.indexOf(query) !== -1) {
          client._queryQueue.splice(client._queryQueue.indexOf(query), 1);
        } else if (client._sentQueryQueue.indexOf(query) !== -1) {
          query.callback = () => {
          };
        }
      }
      setTypeParser(oid, format, parseFn) {
        return this._types.setTypeParser(oid, format, parseFn);
      }
      getTypeParser(oid, format) {
        return this._types.getTypeParser(oid, format);
      }
      // escapeIdentifier and escapeLiteral moved to utility functions & exported
      // on PG
      // re-exported here for backwards compatibility
      escapeIdentifier(str) {
        return utils.escapeIdentifier(str);
      }
      escapeLiteral(str) {
        return utils.escapeLiteral(str);
      }
      _pulseQueryQueue() {
        if (this.pipeline) {
          this._pulsePipelinedQueryQueue();
          return;
        }
        if (this.readyForQuery === true) {
          this._activeQuery = this._queryQueue.shift();
          const activeQuery = this._getActiveQuery();
          if (activeQuery) {
            this.readyForQuery = false;
            this.hasExecuted = true;
            const queryError = activeQuery.submit(this.connection);
            if (queryError) {
              process.nextTick(() => {
                activeQuery.handleError(queryError, this.connection);
                this.readyForQuery = true;
                this._pulseQueryQueue();
              });
            }
          } else if (this.hasExecuted) {
            this._activeQuery = null;
            this.emit("drain");
          }
        }
      }
      _pulsePipelinedQueryQueue() {
        if (!this._connected || !this._queryable) {
          return;
        }
        while (this._queryQueue.length > 0) {
          const query = this._queryQueue.shift();
          this.hasExecuted = true;
          const queryError = query.submit(this.connection);
          if (queryError) {
            process.nextTick(() => {
              query.handleError(queryError, this.connection);
            });
            continue;
          }
          this._sentQueryQueue.push(query);
        }
        if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
          this._activeQuery = this._sentQueryQueue.shift();
          this.readyForQuery = false;
        }
        if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
          this.emit("drain");
        }
      }
      query(config, values, callback) {
        let query;
        let result2;
        if (config == null) {
          throw new TypeError("Client was passed a null or undefined query");
        }
        if (typeof config.submit === "function") {
          result2 = query = config;
          if (!query.callback) {
            if (typeof values === "function") {
              query.callback = values;
            } else if (callback) {
              query.callback = callback;
            }
          }
        } else {
          query = new Query2(config, values, callback);
          if (!query.callback) {
            result2 = new this._Promise((resolve, reject) => {
              query.callback = (err, res) => err ? reject(err) : resolve(res);
            }).catch((err) => {
              Error.captureStackTrace(err);
              throw err;
            });
          } else if (typeof query.callback !== "function") {
            throw new TypeError("callback is not a function");
          }
        }
        const readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        if (readTimeout) {
          const queryCallback = query.callback || (() => {
          });
          const readTimeoutTimer = setTimeout(() => {
            const error = new Error("Query read timeout");
            process.nextTick(() => {
              query.handleError(error, this.connection);
            });
            queryCallback(error);
            query.callback = () => {
            };
            const index = this._queryQueue.indexOf(query);
            if (index > -1) {
              this._queryQueue.splice(index, 1);
            } else if (this.pipeline) {
              this.connection.stream.destroy();
              return;
            }
            this._pulseQueryQueue();
          }, readTimeout);
          query.callback = (err, res) => {
            clearTimeout(readTimeoutTimer);
            queryCallback(err, res);
          };
        }
        if (this.binary && !query.binary) {
          query.binary = true;
        }
        if (query._result && !query._result._types) {
          query._result._types = this._types;
        }
        if (this.pipeline) {
          const portalQuery = typeof config.submit === "function" && !(query instanceof Query2) ? "Custom query classes such as pg-cursor and pg-query-stream are" : query.rows ? "The `rows` option is" : null;
          if (portalQuery) {
            process.nextTick(() => {
              query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection);
            });
            return result2;
          }
        }
        if (!this._queryable) {
          process.nextTick(() => {
            query.handleError(new Error("Client has encountered a connection error and is not queryable"), this.connection);
          });
          return result2;
        }
        if (this._ending) {
          process.nextTick(() => {
            query.handleError(new Error("Client was closed and is not queryable"), this.connection);
          });
          return result2;
        }
        if (this._queryQueue.length > 0 && !this.pipeline) {
          queryQueueLengthDeprecationNotice();
        }
        this._queryQueue.push(query);
        this._pulseQueryQueue();
        return result2;
      }
      ref() {
        this.connection.ref();
      }
      unref() {
        this.connection.unref();
      }
      getTransactionStatus() {
        return this._txStatus;
      }
      end(cb) {
        this._ending = true;
        if (!this.connection._connecting || this._ended) {
          if (cb) {
            cb();
            return;
          } else {
            return this._Promise.resolve();
          }
        }
        if (!this._queryable) {
          this.connection.stream.destroy();
        } else if (this.pipeline && (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)) {
          this.once("drain", () => this.connection.end());
        } else if (this._getActiveQuery()) {
          this.connection.stream.destroy();
        } else {
          this.connection.end();
        }
        if (cb) {
          this.connection.once("end", cb);
        } else {
          return new this._Promise((resolve) => {
            this.connection.once("end", resolve);
          });
        }
      }
      get queryQueue() {
        queryQueueDeprecationNotice();
        return this._queryQueue;
      }
    };
    Client2.Query = Query2;
    module.exports = Client2;
  }
});

// node_modules/pg-pool/index.js
var require_pg_pool = __commonJS({
  "node_modules/pg-pool/index.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var NOOP = function() {
    };
    var removeWhere = (list, predicate) => {
      const i = list.findIndex(predicate);
      return i === -1 ? void 0 : list.splice(i, 1)[0];
    };
    var IdleItem = class {
      constructor(client, idleListener, timeoutId) {
        this.client = client;
        this.idleListener = idleListener;
        this.timeoutId = timeoutId;
      }
    };
    var PendingItem = class {
      constructor(callback) {
        this.callback = callback;
      }
    };
    function throwOnDoubleRelease() {
      throw new Error("Release called on client which has already been released to the pool.");
    }
    function promisify(Promise2, callback) {
      if (callback) {
        return { callback, result: void 0 };
      }
      let rej;
      let res;
      const cb = function(err, client) {
        err ? rej(err) : res(client);
      };
      const result2 = new Promise2(function(resolve, reject) {
        res = resolve;
        rej = reject;
      }).catch((err) => {
        Error.captureStackTrace(err);
        throw err;
      });
      return { callback: cb, result: result2 };
    }
    function makeIdleListener(pool, client) {
      return function idleListener(err) {
        err.client = client;
        client.removeListener("error", idleListener);
        client.on("error", () => {
          pool.log("additional client error after disconnection due to error", err);
        });
        pool._remove(client);
        pool.emit("error", err, client);
      };
    }
    var Pool2 = class extends EventEmitter {
      constructor(options, Client2) {
        super();
        this.options = Object.assign({}, options);
        if (options != null && "password" in options) {
          Object.defineProperty(this.options, "password", {
            configurable: true,
            enumerable: false,
            writable: true,
            value: options.password
          });
        }
        if (options != null && options.ssl && options.ssl.key) {
          Object.defineProperty(this.options.ssl, "key", {
            enumerable: false
          });
        }
        this.options.max = this.options.max || this.options.poolSize || 10;
        this.options.min = this.options.min || 0;
        this.options.maxUses = this.options.maxUses || Infinity;
        this.options.allowExitOnIdle = this.options.allowExitOnIdle || false;
        this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0;
        this.log = this.options.log || function() {
        };
        this.Client = this.options.Client || Client2 || require_lib2().Client;
        this.Promise = this.options.Promise || global.Promise;
        if (typeof this.options.idleTimeoutMillis === "undefined") {
          this.options.idleTimeoutMillis = 1e4;
        }
        this._clients = [];
        this._idle = [];
        this._expired = /* @__PURE__ */ new WeakSet();
        this._pendingQueue = [];
        this._endCallback = void 0;
        this.ending = false;
        this.ended = false;
      }
      _promiseTry(f) {
        const Promise2 = this.Promise;
        if (typeof Promise2.try === "function") {
          return Promise2.try(f);
        }
        return new Promise2((resolve) => resolve(f()));
      }
      _isFull() {
        return this._clients.length >= this.options.max;
      }
      _isAboveMin() {
        return this._clients.length > this.options.min;
      }
      _pulseQueue() {
        this.log("pulse queue");
        if (this.ended) {
          this.log("pulse queue ended");
          return;
        }
        if (this.ending) {
          this.log("pulse queue on ending");
          if (this._idle.length) {
            this._idle.slice().map((item) => {
              this._remove(item.client);
            });
          }
          if (!this._clients.length) {
            this.ended = true;
            this._endCallback();
          }
          return;
        }
        if (!this._pendingQueue.length) {
          this.log("no queued requests");
          return;
        }
        if (!this._idle.length && this._isFull()) {
          return;
        }
        const pendingItem = this._pendingQueue.shift();
        if (this._idle.length) {
          const idleItem = this._idle.pop();
          clearTimeout(idleItem.timeoutId);
          const client = idleItem.client;
          client.ref && client.ref();
          const idleListener = idleItem.idleListener;
          return this._acquireClient(client, pendingItem, idleListener, false);
        }
        if (!this._isFull()) {
          return this.newClient(pendingItem);
        }
        throw new Error("unexpected condition");
      }
      _remove(client, callback) {
        const removed = removeWhere(this._idle, (item) => item.client === client);
        if (removed !== void 0) {
          clearTimeout(removed.timeoutId);
        }
        this._clients = this._clients.filter((c) => c !== client);
        const context = this;
        client.end(() => {
          context.emit("remove", client);
          if (typeof callback === "function") {
            callback();
          }
        });
      }
      connect(cb) {
        if (this.ending) {
          const err = new Error("Cannot use a pool after calling end on the pool");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        const response = promisify(this.Promise, cb);
        const result2 = response.result;
        if (this._isFull() || this._idle.length) {
          if (this._idle.length) {
            process.nextTick(() => this._pulseQueue());
          }
          if (!this.options.connectionTimeoutMillis) {
            this._pendingQueue.push(new PendingItem(response.callback));
            return result2;
          }
          const queueCallback = (err, res, done) => {
            clearTimeout(tid);
            response.callback(err, res, done);
          };
          const pendingItem = new PendingItem(queueCallback);
          const tid = setTimeout(() => {
            removeWhere(this._pendingQueue, (i) => i.callback === queueCallback);
            pendingItem.timedOut = true;
            response.callback(new Error("timeout exceeded when trying to connect"));
          }, this.options.connectionTimeoutMillis);
          if (tid.unref) {
            tid.unref();
          }
          this._pendingQueue.push(pendingItem);
          return result2;
        }
        this.newClient(new PendingItem(response.callback));
        return result2;
      }
      newClient(pendingItem) {
        const client = new this.Client(this.options);
        this._clients.push(client);
        const idleListener = makeIdleListener(this, client);
        this.log("checking client timeout");
        let tid;
        let timeoutHit = false;
        if (this.options.connectionTimeoutMillis) {
          tid = setTimeout(() => {
            if (client.connection) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.connection.stream.destroy();
            } else if (!client.isConnected()) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.end();
            }
          }, this.options.connectionTimeoutMillis);
        }
        this.log("connecting new client");
        client.connect((err) => {
          if (tid) {
            clearTimeout(tid);
          }
          client.on("error", idleListener);
          if (err) {
            this.log("client failed to connect", err);
            this._clients = this._clients.filter((c) => c !== client);
            if (timeoutHit) {
              err = new Error("Connection terminated due to connection timeout", { cause: err });
            }
            this._pulseQueue();
            if (!pendingItem.timedOut) {
              pendingItem.callback(err, void 0, NOOP);
            }
          } else {
            this.log("new client connected");
            if (this.options.onConnect) {
              this._promiseTry(() => this.options.onConnect(client)).then(
                () => {
                  this._afterConnect(client, pendingItem, idleListener);
                },
                (hookErr) => {
                  this._clients = this._clients.filter((c) => c !== client);
                  client.end(() => {
                    this._pulseQueue();
                    if (!pendingItem.timedOut) {
                      pendingItem.callback(hookErr, void 0, NOOP);
                    }
                  });
                }
              );
              return;
            }
            return this._afterConnect(client, pendingItem, idleListener);
          }
        });
      }
      _afterConnect(client, pendingItem, idleListener) {
        if (this.options.maxLifetimeSeconds !== 0) {
          const maxLifetimeTimeout = setTimeout(() => {
            this.log("ending client due to expired lifetime");
            this._expired.add(client);
            const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client);
            if (idleIndex !== -1) {
              this._acquireClient(
                client,
                new PendingItem((err, client2, clientRelease) => clientRelease()),
                idleListener,
                false
              );
            }
          }, this.options.maxLifetimeSeconds * 1e3);
          maxLifetimeTimeout.unref();
          client.once("end", () => clearTimeout(maxLifetimeTimeout));
        }
        return this._acquireClient(client, pendingItem, idleListener, true);
      }
      // acquire a client for a pending work item
      _acquireClient(client, pendingItem, idleListener, isNew) {
        if (isNew) {
          this.emit("connect", client);
        }
        this.emit("acquire", client);
        client.release = this._releaseOnce(client, idleListener);
        client.removeListener("error", idleListener);
        if (!pendingItem.timedOut) {
          if (isNew && this.options.verify) {
            this.options.verify(client, (err) => {
              if (err) {
                client.release(err);
                return pendingItem.callback(err, void 0, NOOP);
              }
              pendingItem.callback(void 0, client, client.release);
            });
          } else {
            pendingItem.callback(void 0, client, client.release);
          }
        } else {
          if (isNew && this.options.verify) {
            this.options.verify(client, client.release);
          } else {
            client.release();
          }
        }
      }
      // returns a function that wraps _release and throws if called more than once
      _releaseOnce(client, idleListener) {
        let released = false;
        return (err) => {
          if (released) {
            throwOnDoubleRelease();
          }
          released = true;
          this._release(client, idleListener, err);
        };
      }
      // release a client back to the poll, include an error
      // to remove it from the pool
      _release(client, idleListener, err) {
        client.on("error", idleListener);
        client._poolUseCount = (client._poolUseCount || 0) + 1;
        this.emit("release", err, client);
        if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
          if (client._poolUseCount >= this.options.maxUses) {
            this.log("remove expended client");
          }
          return this._remove(client, this._pulseQueue.bind(this));
        }
        const isExpired = this._expired.has(client);
        if (isExpired) {
          this.log("remove expired client");
          this._expired.delete(client);
          return this._remove(client, this._pulseQueue.bind(this));
        }
        let tid;
        if (this.options.idleTimeoutMillis && this._isAboveMin()) {
          tid = setTimeout(() => {
            if (this._isAboveMin()) {
              this.log("remove idle client");
              this._remove(client, this._pulseQueue.bind(this));
            }
          }, this.options.idleTimeoutMillis);
          if (this.options.allowExitOnIdle) {
            tid.unref();
          }
        }
        if (this.options.allowExitOnIdle) {
          client.unref();
        }
        this._idle.push(new IdleItem(client, idleListener, tid));
        this._pulseQueue();
      }
      query(text, values, cb) {
        if (typeof text === "function") {
          const response2 = promisify(this.Promise, text);
          setImmediate(function() {
            return response2.callback(new Error("Passing a function as the first parameter to pool.query is not supported"));
          });
          return response2.result;
        }
        if (typeof values === "function") {
          cb = values;
          values = void 0;
        }
        const response = promisify(this.Promise, cb);
        cb = response.callback;
        this.connect((err, client) => {
          if (err) {
            return cb(err);
          }
          let clientReleased = false;
          const onError = (err2) => {
            if (clientReleased) {
              return;
            }
            clientReleased = true;
            client.release(err2);
            cb(err2);
          };
          client.once("error", onError);
          this.log("dispatching query");
          try {
            client.query(text, values, (err2, res) => {
              this.log("query dispatched");
              client.removeListener("error", onError);
              if (clientReleased) {
                return;
              }
              clientReleased = true;
              client.release(err2);
              if (err2) {
                return cb(err2);
              }
              return cb(void 0, res);
            });
          } catch (err2) {
            client.release(err2);
            return cb(err2);
          }
        });
        return response.result;
      }
      end(cb) {
        this.log("ending");
        if (this.ending) {
          const err = new Error("Called end on pool more than once");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        this.ending = true;
        const promised = promisify(this.Promise, cb);
        this._endCallback = promised.callback;
        this._pulseQueue();
        return promised.result;
      }
      get waitingCount() {
        return this._pendingQueue.length;
      }
      get idleCount() {
        return this._idle.length;
      }
      get expiredCount() {
        return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0);
      }
      get totalCount() {
        return this._clients.length;
      }
    };
    module.exports = Pool2;
  }
});

// node_modules/pg/lib/native/query.js
var require_query2 = __commonJS({
  "node_modules/pg/lib/native/query.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var utils = require_utils();
    var NativeQuery = module.exports = function(config, values, callback) {
      EventEmitter.call(this);
      config = utils.normalizeQueryConfig(config, values, callback);
      this.text = config.text;
      this.values = config.values;
      this.name = config.name;
      this.queryMode = config.queryMode;
      this.callback = config.callback;
      this.state = "new";
      this._arrayMode = config.rowMode === "array";
      this._emitRowEvents = false;
      this.on(
        "newListener",
        function(event) {
          if (event === "row") this._emitRowEvents = true;
        }.bind(this)
      );
    };
    util.inherits(NativeQuery, EventEmitter);
    var errorFieldMap = {
      sqlState: "code",
      statementPosition: "position",
      messagePrimary: "message",
      messageDetail: "detail",
      messageHint: "hint",
      context: "where",
      schemaName: "schema",
      tableName: "table",
      columnName: "column",
      dataTypeName: "dataType",
      constraintName: "constraint",
      sourceFile: "file",
      sourceLine: "line",
      sourceFunction: "routine"
    };
    NativeQuery.prototype.handleError = function(err) {
      const fields = this.native && this.native.pq.resultErrorFields();
      if (fields) {
        for (const key in fields) {
          const normalizedFieldName = errorFieldMap[key] || key;
          err[normalizedFieldName] = fields[key];
        }
      }
      if (this.callback) {
        this.callback(err);
      } else {
        this.emit("error", err);
      }
      this.state = "error";
    };
    NativeQuery.prototype.then = function(onSuccess, onFailure) {
      return this._getPromise().then(onSuccess, onFailure);
    };
    NativeQuery.prototype.catch = function(callback) {
      return this._getPromise().catch(callback);
    };
    NativeQuery.prototype._getPromise = function() {
      if (this._promise) return this._promise;
      this._promise = new Promise(
        function(resolve, reject) {
          this._once("end", resolve);
          this._once("error", reject);
        }.bind(this)
      );
      return this._promise;
    };
    NativeQuery.prototype.submit = function(client) {
      this.state = "running";
      const self = this;
      this.native = client.native;
      client.native.arrayMode = this._arrayMode;
      let after = function(err, rows, results) {
        client.native.arrayMode = false;
        setImmediate(function() {
          self.emit("_done");
        });
        if (err) {
          return self.handleError(err);
        }
        if (self._emitRowEvents) {
          if (results.length > 1) {
            rows.forEach((rowOfRows, i) => {
              rowOfRows.forEach((row2) => {
                self.emit("row", row2, results[i]);
              });
            });
          } else {
            rows.forEach(function(row2) {
              self.emit("row", row2, results);
            });
          }
        }
        self.state = "end";
        self.emit("end", results);
        if (self.callback) {
          self.callback(null, results);
        }
      };
      if (process.domain) {
        after = process.domain.bind(after);
      }
      if (this.name) {
        if (this.name.length > 63) {
          console.error("Warning! Postgres only supports 63 characters for query names.");
          console.error("You supplied %s (%s)", this.name, this.name.length);
          console.error("This can cause conflicts and silent errors executing queries");
        }
        const values = (this.values || []).map(utils.prepareValue);
        if (client.namedQueries[this.name] !== void 0) {
          if (this.text && client.namedQueries[this.name] !== this.text) {
            const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
            return after(err);
          }
          return client.native.execute(this.name, values, after);
        }
        return client.native.prepare(this.name, this.text, values.length, function(err) {
          if (err) return after(err);
          client.namedQueries[self.name] = self.text;
          return self.native.execute(self.name, values, after);
        });
      } else if (this.values) {
        if (!Array.isArray(this.values)) {
          const err = new Error("Query values must be an array");
          return after(err);
        }
        const vals = this.values.map(utils.prepareValue);
        client.native.query(this.text, vals, after);
      } else if (this.queryMode === "extended") {
        client.native.query(this.text, [], after);
      } else {
        client.native.query(this.text, after);
      }
    };
  }
});

// node_modules/pg/lib/native/client.js
var require_client2 = __commonJS({
  "node_modules/pg/lib/native/client.js"(exports, module) {
    var nodeUtils = __require("util");
    var Native;
    try {
      Native = __require("pg-native");
    } catch (e) {
      throw e;
    }
    var TypeOverrides2 = require_type_overrides();
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var ConnectionParameters = require_connection_parameters();
    var NativeQuery = require_query2();
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    var Client2 = module.exports = function(config) {
      EventEmitter.call(this);
      config = config || {};
      this._Promise = config.Promise || global.Promise;
      this._types = new TypeOverrides2(config.types);
      this.native = new Native({
        types: this._types
      });
      this._queryQueue = [];
      this._ending = false;
      this._connecting = false;
      this._connected = false;
      this._queryable = true;
      this.pipeline = Boolean(config.pipeline);
      this._pipelineInFlight = false;
      const cp = this.connectionParameters = new ConnectionParameters(config);
      if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString;
      this.user = cp.user;
      Object.defineProperty(this, "password", {
        configurable: true,
        enumerable: false,
        writable: true,
        value: cp.password
      });
      this.database = cp.database;
      this.host = cp.host;
      this.port = cp.port;
      this.namedQueries = {};
    };
    Client2.Query = NativeQuery;
    util.inherits(Client2, EventEmitter);
    Client2.prototype._errorAllQueries = function(err) {
      const enqueueError = (query) => {
        process.nextTick(() => {
          query.native = this.native;
          query.handleError(err);
        });
      };
      if (this._hasActiveQuery()) {
        enqueueError(this._activeQuery);
        this._activeQuery = null;
      }
      this._queryQueue.forEach(enqueueError);
      this._queryQueue.length = 0;
    };
    Client2.prototype._connect = function(cb) {
      const self = this;
      if (this._connecting) {
        process.nextTick(() => cb(new Error("Client has already been connected. You cannot reuse a client.")));
        return;
      }
      this._connecting = true;
      this.connectionParameters.getLibpqConnectionString(function(err, conString) {
        if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString;
        if (err) return cb(err);
        self.native.connect(conString, function(err2) {
          if (err2) {
            self.native.end();
            return cb(err2);
          }
          self._connected = true;
          self.native.on("error", function(err3) {
            self._queryable = false;
            self._errorAllQueries(err3);
            self.emit("error", err3);
          });
          self.native.on("notification", function(msg) {
            self.emit("notification", {
              channel: msg.relname,
              payload: msg.extra
            });
          });
          self.emit("connect");
          self._pulseQueryQueue(true);
          cb(null, this);
        });
      });
    };
    Client2.prototype.connect = function(callback) {
      if (callback) {
        this._connect(callback);
        return;
      }
      return new this._Promise((resolve, reject) => {
        this._connect((error) => {
          if (error) {
            reject(error);
          } else {
            resolve(this);
          }
        });
      });
    };
    Client2.prototype.query = function(config, values, callback) {
      let query;
      let result2;
      let readTimeout;
      let readTimeoutTimer;
      let queryCallback;
      if (config === null || config === void 0) {
        throw new TypeError("Client was passed a null or undefined query");
      } else if (typeof config.submit === "function") {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        result2 = query = config;
        if (typeof values === "function") {
          config.callback = values;
        }
      } else {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        query = new NativeQuery(config, values, callback);
        if (!query.callback) {
          let resolveOut, rejectOut;
          result2 = new this._Promise((resolve, reject) => {
            resolveOut = resolve;
            rejectOut = reject;
          }).catch((err) => {
            Error.captureStackTrace(err);
            throw err;
          });
          query.callback = (err, res) => err ? rejectOut(err) : resolveOut(res);
        }
      }
      if (readTimeout) {
        queryCallback = query.callback || (() => {
        });
        readTimeoutTimer = setTimeout(() => {
          const error = new Error("Query read timeout");
          process.nextTick(() => {
            query.handleError(error, this.connection);
          });
          queryCallback(error);
          query.callback = () => {
          };
          const index = this._queryQueue.indexOf(query);
          if (index > -1) {
            this._queryQueue.splice(index, 1);
          }
          this._pulseQueryQueue();
        }, readTimeout);
        query.callback = (err, res) => {
          clearTimeout(readTimeoutTimer);
          queryCallback(err, res);
        };
      }
      if (!this._queryable) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client has encountered a connection error and is not queryable"));
        });
        return result2;
      }
      if (this._ending) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client was closed and is not queryable"));
        });
        return result2;
      }
      if (this._queryQueue.length > 0 && !this.pipeline) {
        queryQueueLengthDeprecationNotice();
      }
      this._queryQueue.push(query);
      this._pulseQueryQueue();
      return result2;
    };
    Client2.prototype.end = function(cb) {
      const self = this;
      this._ending = true;
      if (this._connecting && !this._connected) {
        this.once("connect", () => {
          this.end(() => {
          });
        });
      }
      let result2;
      if (!cb) {
        result2 = new this._Promise(function(resolve, reject) {
          cb = (err) => err ? reject(err) : resolve();
        });
      }
      const doEnd = function() {
        self.native.end(function() {
          self._connected = false;
          self._errorAllQueries(new Error("Connection terminated"));
          process.nextTick(() => {
            self.emit("end");
            if (cb) cb();
          });
        });
      };
      if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
        this.once("drain", doEnd);
      } else {
        doEnd();
      }
      return result2;
    };
    Client2.prototype._hasActiveQuery = function() {
      return this._activeQuery && this._activeQuery.state !== "error" && this._activeQuery.state !== "end";
    };
    Client2.prototype._pulseQueryQueue = function(initialConnection) {
      if (!this._connected) {
        return;
      }
      if (this.pipeline && !initialConnection) {
        return this._pulsePipelinedQueryQueue();
      }
      if (this._hasActiveQuery()) {
        return;
      }
      const query = this._queryQueue.shift();
      if (!query) {
        if (!initialConnection) {
          this.emit("drain");
        }
        return;
      }
      this._activeQuery = query;
      query.submit(this);
      const self = this;
      query.once("_done", function() {
        self._pulseQueryQueue();
      });
    };
    Client2.prototype._pulsePipelinedQueryQueue = function() {
      if (!this._connected || this._pipelineInFlight) {
        return;
      }
      if (this._queryQueue.length === 0) {
        if (this.hasExecuted) {
          this.emit("drain");
        }
        return;
      }
      this._pipelineInFlight = true;
      const self = this;
      const queries = [];
      const nativeQueries = [];
      const utils = require_utils();
      while (this._queryQueue.length > 0) {
        const query = this._queryQueue.shift();
        this.hasExecuted = true;
        nativeQueries.push(query);
        const values = query.values ? query.values.map(utils.prepareValue) : null;
        const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode };
        if (values) {
          pipelineEntry.values = values;
        }
        if (query.name && this.namedQueries[query.name]) {
          pipelineEntry._alreadyPrepared = true;
        }
        queries.push(pipelineEntry);
      }
      this.native.pipeline(queries, function(err, results) {
        self._pipelineInFlight = false;
        if (err) {
          self._connected = false;
          self._queryable = false;
          for (let i = 0; i < nativeQueries.length; i++) {
            const q = nativeQueries[i];
            q.native = self.native;
            q.handleError(err);
          }
          self._errorAllQueries(err);
          self.emit("error", err);
          self.emit("end");
          return;
        }
        for (let i = 0; i < nativeQueries.length; i++) {
          const q = nativeQueries[i];
          const r = results[i];
          q.native = self.native;
          if (r.err) {
            q.handleError(r.err);
          } else {
            if (q.name) {
              self.namedQueries[q.name] = q.text;
            }
            q.state = "end";
            q.emit("end", r.result);
            if (q.callback) {
              q.callback(null, r.result);
            }
          }
          setImmediate(function() {
            q.emit("_done");
          });
        }
        self._pulsePipelinedQueryQueue();
      });
    };
    Client2.prototype.cancel = function(query) {
      if (this._activeQuery === query) {
        this.native.cancel(function() {
        });
      } else if (this._queryQueue.indexOf(query) !== -1) {
        this._queryQueue.splice(this._queryQueue.indexOf(query), 1);
      }
    };
    Client2.prototype.ref = function() {
    };
    Client2.prototype.unref = function() {
    };
    Client2.prototype.setTypeParser = function(oid, format, parseFn) {
      return this._types.setTypeParser(oid, format, parseFn);
    };
    Client2.prototype.getTypeParser = function(oid, format) {
      return this._types.getTypeParser(oid, format);
    };
    Client2.prototype.isConnected = function() {
      return this._connected;
    };
    Client2.prototype.getTransactionStatus = function() {
      return this.native.getTransactionStatus();
    };
  }
});

// node_modules/pg/lib/native/index.js
var require_native = __commonJS({
  "node_modules/pg/lib/native/index.js"(exports, module) {
    "use strict";
    module.exports = require_client2();
  }
});

// node_modules/pg/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/pg/lib/index.js"(exports, module) {
    "use strict";
    var Client2 = require_client();
    var defaults3 = require_defaults();
    var Connection2 = require_connection();
    var Result2 = require_result();
    var utils = require_utils();
    var Pool2 = require_pg_pool();
    var TypeOverrides2 = require_type_overrides();
    var { DatabaseError: DatabaseError2 } = require_dist();
    var { escapeIdentifier: escapeIdentifier2, escapeLiteral: escapeLiteral2 } = require_utils();
    var poolFactory = (Client3) => {
      return class BoundPool extends Pool2 {
        constructor(options) {
          super(options, Client3);
        }
      };
    };
    var PG = function(clientConstructor2) {
      this.defaults = defaults3;
      this.Client = clientConstructor2;
      this.Query = this.Client.Query;
      this.Pool = poolFactory(this.Client);
      this._pools = [];
      this.Connection = Connection2;
      this.types = require_pg_types();
      this.DatabaseError = DatabaseError2;
      this.TypeOverrides = TypeOverrides2;
      this.escapeIdentifier = escapeIdentifier2;
      this.escapeLiteral = escapeLiteral2;
      this.Result = Result2;
      this.utils = utils;
    };
    var clientConstructor = Client2;
    var forceNative = false;
    try {
      forceNative = !!process.env.NODE_PG_FORCE_NATIVE;
    } catch {
    }
    if (forceNative) {
      clientConstructor = require_native();
    }
    module.exports = new PG(clientConstructor);
    Object.defineProperty(module.exports, "native", {
      configurable: true,
      enumerable: false,
      get() {
        let native = null;
        try {
          native = new PG(require_native());
        } catch (err) {
          if (err.code !== "MODULE_NOT_FOUND") {
            throw err;
          }
        }
        Object.defineProperty(module.exports, "native", {
          value: native
        });
        return native;
      }
    });
  }
});

// node_modules/pg/esm/index.mjs
var import_lib, Client, Pool, Connection, types2, Query, DatabaseError, escapeIdentifier, escapeLiteral, Result, TypeOverrides, defaults2, esm_default;
var init_esm = __esm({
  "node_modules/pg/esm/index.mjs"() {
    import_lib = __toESM(require_lib2(), 1);
    Client = import_lib.default.Client;
    Pool = import_lib.default.Pool;
    Connection = import_lib.default.Connection;
    types2 = import_lib.default.types;
    Query = import_lib.default.Query;
    DatabaseError = import_lib.default.DatabaseError;
    escapeIdentifier = import_lib.default.escapeIdentifier;
    escapeLiteral = import_lib.default.escapeLiteral;
    Result = import_lib.default.Result;
    TypeOverrides = import_lib.default.TypeOverrides;
    defaults2 = import_lib.default.defaults;
    esm_default = import_lib.default;
  }
});

// src/registry/row-values.ts
function iso(value) {
  return value instanceof Date ? value.toISOString() : String(value);
}
function optionalIso(value) {
  return value === null || value === void 0 ? void 0 : iso(value);
}
function optionalText(value) {
  return value === null || value === void 0 || value === "" ? void 0 : String(value);
}
function json(value) {
  if (value === null || value === void 0) return void 0;
  return typeof value === "string" ? JSON.parse(value) : value;
}
var init_row_values = __esm({
  "src/registry/row-values.ts"() {
    "use strict";
  }
});

// src/registry/response-rows.ts
function incidentFromRow(row2) {
  return {
    id: Number(row2.id),
    repo: String(row2.repo),
    keyId: String(row2.key_id),
    keyHashPrefix: String(row2.key_hash_prefix),
    secretRedacted: String(row2.secret_redacted),
    severity: String(row2.severity),
    ruleId: String(row2.rule_id),
    detectedAt: iso(row2.detected_at),
    actor: { kind: row2.actor_kind === "app" ? "app" : "cli", name: String(row2.actor_name) }
  };
}
function sightingFromRow(row2) {
  return {
    id: Number(row2.id),
    incidentId: Number(row2.incident_id),
    commit: optionalText(row2.commit_sha),
    path: String(row2.path),
    line: Number(row2.line),
    author: optionalText(row2.author),
    email: optionalText(row2.email),
    committedAt: optionalText(row2.committed_at),
    seenAt: iso(row2.seen_at)
  };
}
function stepFromRow(row2) {
  return {
    incidentId: Number(row2.incident_id),
    step: String(row2.step),
    state: String(row2.state),
    intent: json(row2.intent) ?? {},
    outcome: json(row2.outcome),
    error: optionalText(row2.error),
    attempts: Number(row2.attempts),
    startedAt: iso(row2.started_at),
    finishedAt: optionalIso(row2.finished_at)
  };
}
function replacementFromRow(row2) {
  return {
    id: String(row2.id),
    replaces: String(row2.replaces),
    owner: String(row2.owner),
    state: String(row2.state),
    sealedBox: optionalText(row2.sealed_box),
    reservedAt: iso(row2.reserved_at),
    sealedAt: optionalIso(row2.sealed_at),
    claimedAt: optionalIso(row2.claimed_at)
  };
}
function ownerKeyFromRow(row2) {
  return { owner: String(row2.owner), publicKey: String(row2.public_key), addedAt: iso(row2.added_at) };
}
var STEP_ORDER;
var init_response_rows = __esm({
  "src/registry/response-rows.ts"() {
    "use strict";
    init_row_values();
    STEP_ORDER = "CASE step WHEN 'revoke' THEN 0 WHEN 'replace' THEN 1 WHEN 'deliver' THEN 2 WHEN 'issue' THEN 3 ELSE 4 END, started_at";
  }
});

// src/registry/postgres-response-log.ts
var PostgresResponseLog, POSTGRES_RESPONSE_LOG_MIGRATION;
var init_postgres_response_log = __esm({
  "src/registry/postgres-response-log.ts"() {
    "use strict";
    init_response_rows();
    PostgresResponseLog = class {
      constructor(pool) {
        this.pool = pool;
      }
      pool;
      async recordSighting(incident, sighting) {
        await this.pool.query(
          `INSERT INTO incidents (repo, key_id, key_hash_prefix, secret_redacted, severity, rule_id, actor_kind, actor_name, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (repo, key_id) DO NOTHING`,
          [incident.repo, incident.keyId, incident.keyHashPrefix, incident.secretRedacted, incident.severity, incident.ruleId, incident.actor.kind, incident.actor.name]
        );
        const stored = (await this.pool.query("SELECT * FROM incidents WHERE repo = $1 AND key_id = $2", [incident.repo, incident.keyId])).rows[0];
        const place = [stored.id, sighting.commit ?? "", sighting.path, sighting.line];
        const inserted = await this.pool.query(
          `INSERT INTO incident_sightings (incident_id, commit_sha, path, line, author, email, committed_at, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (incident_id, commit_sha, path, line) DO NOTHING`,
          [...place, sighting.author ?? null, sighting.email ?? null, sighting.committedAt ?? null]
        );
        const seen = (await this.pool.query("SELECT * FROM incident_sightings WHERE incident_id = $1 AND commit_sha = $2 AND path = $3 AND line = $4", place)).rows[0];
        return { incident: incidentFromRow(stored), sighting: sightingFromRow(seen), isNew: (inserted.rowCount ?? 0) > 0 };
      }
      async findIncident(repo, keyId) {
        const row2 = (await this.pool.query("SELECT * FROM incidents WHERE repo = $1 AND key_id = $2", [repo, keyId])).rows[0];
        return row2 && incidentFromRow(row2);
      }
      async incident(id) {
        const row2 = (await this.pool.query("SELECT * FROM incidents WHERE id = $1", [id])).rows[0];
        return row2 && incidentFromRow(row2);
      }
      async incidents() {
        return (await this.pool.query("SELECT * FROM incidents ORDER BY id DESC")).rows.map(incidentFromRow);
      }
      async sightings(incidentId) {
        return (await this.pool.query("SELECT * FROM incident_sightings WHERE incident_id = $1 ORDER BY id", [incidentId])).rows.map(sightingFromRow);
      }
      async steps(incidentId) {
        return (await this.pool.query("SELECT * FROM response_steps WHERE incident_id = $1 ORDER BY " + STEP_ORDER, [incidentId])).rows.map(stepFromRow);
      }
      async beginStep(incidentId, step, intent) {
        const { rows } = await this.pool.query(
          `INSERT INTO response_steps AS s (incident_id, step, state, intent, attempts, started_at) VALUES ($1, $2, 'started', $3, 1, now())
       ON CONFLICT (incident_id, step) DO UPDATE
         SET state = CASE WHEN s.state = 'done' THEN s.state ELSE 'started' END,
             attempts = CASE WHEN s.state = 'done' THEN s.attempts ELSE s.attempts + 1 END,
             started_at = CASE WHEN s.state = 'done' THEN s.started_at ELSE now() END
       RETURNING *`,
          [incidentId, step, JSON.stringify(intent)]
        );
        return stepFromRow(rows[0]);
      }
      async finishStep(incidentId, step, outcome) {
        await this.pool.query(`UPDATE response_steps SET state = 'done', outcome = $3, error = NULL, finished_at = now() WHERE incident_id = $1 AND step = $2`, [
          incidentId,
          step,
          JSON.stringify(outcome)
        ]);
      }
      async failStep(incidentId, step, error) {
        await this.pool.query(`UPDATE response_steps SET state = 'failed', error = $3, finished_at = now() WHERE incident_id = $1 AND step = $2 AND state <> 'done'`, [
          incidentId,
          step,
          error
        ]);
      }
      async withIncidentLock(incidentId, work) {
        const client = await this.pool.connect();
        let broken;
        try {
          await client.query("BEGIN");
          await client.query("SELECT id FROM incidents WHERE id = $1 FOR NO KEY UPDATE", [incidentId]);
          const result2 = await work();
          await client.query("COMMIT");
          return result2;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackError) => broken = rollbackError);
          throw error;
        } finally {
          client.release(broken);
        }
      }
    };
    POSTGRES_RESPONSE_LOG_MIGRATION = `
CREATE TABLE incidents (
  id SERIAL PRIMARY KEY,
  repo TEXT NOT NULL,
  key_id TEXT NOT NULL,
  key_hash_prefix TEXT NOT NULL,
  secret_redacted TEXT NOT NULL,
  severity TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  detected_at TIMESTAMPTZ NOT NULL,
  UNIQUE (repo, key_id)
);
CREATE TABLE incident_sightings (
  id SERIAL PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  commit_sha TEXT NOT NULL,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  author TEXT,
  email TEXT,
  committed_at TEXT,
  seen_at TIMESTAMPTZ NOT NULL,
  UNIQUE (incident_id, commit_sha, path, line)
);
CREATE TABLE response_steps (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('started', 'done', 'failed')),
  intent JSONB NOT NULL,
  outcome JSONB,
  error TEXT,
  attempts INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  PRIMARY KEY (incident_id, step)
);
CREATE TABLE replacements (
  id TEXT PRIMARY KEY,
  replaces TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('reserved', 'sealed', 'claimed')),
  sealed_box TEXT,
  reserved_at TIMESTAMPTZ NOT NULL,
  sealed_at TIMESTAMPTZ,
  claimed_at TIMESTAMPTZ
);
CREATE TABLE owner_keys (
  owner TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL
);
`;
  }
});

// src/registry/postgres-migrations.ts
var KEYS_CHANNEL, POSTGRES_MIGRATIONS;
var init_postgres_migrations = __esm({
  "src/registry/postgres-migrations.ts"() {
    "use strict";
    init_postgres_response_log();
    KEYS_CHANNEL = "leakstop_keys";
    POSTGRES_MIGRATIONS = [
      {
        version: 1,
        name: "keys",
        sql: `
CREATE TABLE keys (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash BYTEA NOT NULL UNIQUE CHECK (length(hash) = 32),
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT,
  last_four TEXT NOT NULL,
  owner TEXT NOT NULL,
  label TEXT NOT NULL,
  environment TEXT NOT NULL,
  restrictions TEXT NOT NULL,
  delivery_target TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  revocation_reason TEXT,
  replaced_by TEXT,
  replaces TEXT
);
CREATE INDEX keys_owner ON keys (owner);
CREATE TABLE key_shapes (
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT NOT NULL,
  PRIMARY KEY (prefix, body_length, alphabet, checksum)
);
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  key_id TEXT,
  action TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX audit_log_key ON audit_log (key_id);
CREATE FUNCTION leakstop_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION leakstop_audit_append_only();
CREATE FUNCTION leakstop_keys_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('${KEYS_CHANNEL}', TG_TABLE_SCHEMA); RETURN NULL; END $$;
CREATE TRIGGER keys_added AFTER INSERT ON keys FOR EACH STATEMENT EXECUTE FUNCTION leakstop_keys_added();
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`
      },
      { version: 2, name: "response-log", sql: POSTGRES_RESPONSE_LOG_MIGRATION }
    ];
  }
});

// src/registry/postgres.ts
function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
async function createSchema(pool, schema) {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    if (error.code !== "23505" && error.code !== "42P06") throw error;
  }
}
function postgresError(error, location) {
  if (error instanceof LeakstopError) return error;
  const code2 = error.code;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (typeof code2 === "string" && UNREACHABLE.has(code2)) {
    return new RegistryError(`cannot reach the PostgreSQL key registry at ${location} (${errnoText(error)}): check the server is up and the URL in --registry or LEAKSTOP_REGISTRY`);
  }
  if (/timeout/i.test(message) && !code2) {
    return new RegistryError(`cannot reach the PostgreSQL key registry at ${location} (timed out): check the server is up and the URL`);
  }
  if (code2 === "28P01" || code2 === "28000") return new RegistryError(`PostgreSQL refused the login for ${location}: check the user and password`);
  if (code2 === "3D000") return new RegistryError(`${message} (${location}): create the database or fix the URL`);
  if (typeof code2 === "string") return new RegistryError(`PostgreSQL key registry ${location}: ${message}`, { cause: error });
  return error;
}
var CONNECT_TIMEOUT_MS, INSERT_CHUNK, LOCK_CLASS, PostgresDatabase, UNREACHABLE;
var init_postgres = __esm({
  "src/registry/postgres.ts"() {
    "use strict";
    init_esm();
    init_errno_text();
    init_errors();
    init_postgres_migrations();
    init_sql_script();
    CONNECT_TIMEOUT_MS = 1e4;
    INSERT_CHUNK = 2e4;
    LOCK_CLASS = 19531;
    PostgresDatabase = class _PostgresDatabase {
      constructor(pool, schema, location, connectionString) {
        this.pool = pool;
        this.schema = schema;
        this.location = location;
        this.connectionString = connectionString;
      }
      pool;
      schema;
      location;
      connectionString;
      dialect = "postgres";
      #numbered = /* @__PURE__ */ new Map();
      /** Column types by table, for the array casts of bulk inserts. */
      #columnTypes = /* @__PURE__ */ new Map();
      #listener;
      #closed = false;
      /** Start true: nothing was seen yet. */
      #notified = true;
      /** `create` (`registry init`) creates the `?schema=` schema when missing; otherwise a missing schema is a NoRegistryError. */
      static async open(target, options) {
        const pool = new esm_default.Pool({ connectionString: target.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        pool.on("error", () => void 0);
        try {
          if (target.createSchema && options.create) await createSchema(pool, target.createSchema);
          const { rows } = await pool.query("SELECT current_schema() AS schema");
          const schema = rows[0]?.schema;
          if (!schema && !options.create) throw new NoRegistryError(target.location);
          if (!schema) throw new RegistryError(`no schema of the search_path exists in ${target.location}: create it, or add ?schema=NAME to have leakstop create it`);
          return new _PostgresDatabase(pool, schema, target.location, target.connectionString);
        } catch (error) {
          await pool.end().catch(() => void 0);
          throw postgresError(error, target.location);
        }
      }
      async transaction(script, options = {}) {
        const client = await this.pool.connect().catch((error) => Promise.reject(postgresError(error, this.location)));
        let broken;
        try {
          await client.query("BEGIN");
          if (options.exclusive) await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_CLASS, this.schema]);
          const result2 = await runScriptAsync(script(), (command) => this.#perform(client, command));
          await client.query("COMMIT");
          return result2;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackError) => broken = rollbackError);
          throw postgresError(error, this.location);
        } finally {
          client.release(broken);
        }
      }
      async read(script) {
        try {
          return await runScriptAsync(script(), (command) => this.#perform(this.pool, command));
        } catch (error) {
          throw postgresError(error, this.location);
        }
      }
      /** Whether a NOTIFY for this schema arrived since the last call; the first call starts listening. */
      async changedElsewhere() {
        if (!this.#listener) await this.#listen();
        const changed = this.#notified;
        this.#notified = false;
        return changed;
      }
      async close() {
        if (this.#closed) return;
        this.#closed = true;
        const listener = this.#listener;
        this.#listener = void 0;
        await listener?.end().catch(() => void 0);
        await this.pool.end();
      }
      async #listen() {
        const listener = new esm_default.Client({ connectionString: this.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        const lost = () => {
          if (this.#listener === listener) this.#listener = void 0;
          this.#notified = true;
        };
        listener.on("error", lost);
        listener.on("end", lost);
        listener.on("notification", (message) => {
          if (message.payload === this.schema) this.#notified = true;
        });
        try {
          await listener.connect();
          await listener.query(`LISTEN ${KEYS_CHANNEL}`);
        } catch (error) {
          await listener.end().catch(() => void 0);
          throw postgresError(error, this.location);
        }
        this.#listener = listener;
        this.#notified = true;
      }
      #sql(sql) {
        let converted = this.#numbered.get(sql);
        if (!converted) this.#numbered.set(sql, converted = numbered(sql));
        return converted;
      }
      async #perform(client, command) {
        switch (command.kind) {
          case "select":
            return (await client.query(this.#sql(command.sql), command.params)).rows;
          case "execute":
            return (await client.query(this.#sql(command.sql), command.params)).rowCount ?? 0;
          case "batch":
            return client.query(command.sql);
          case "insert": {
            const types3 = await this.#typesOf(client, command.table);
            const casts = command.columns.map((column, i) => `$${i + 1}::${types3.get(column)}[]`);
            const sql = `INSERT INTO ${command.table} (${command.columns.join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
            for (let start = 0; start < command.rows.length; start += INSERT_CHUNK) {
              const rows = command.rows.slice(start, start + INSERT_CHUNK);
              await client.query(sql, command.columns.map((_, column) => rows.map((row2) => row2[column])));
            }
            return void 0;
          }
        }
      }
      async #typesOf(client, table) {
        let types3 = this.#columnTypes.get(table);
        if (!types3) {
          const { rows } = await client.query(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
            [this.schema, table]
          );
          this.#columnTypes.set(table, types3 = new Map(rows.map((row2) => [row2.column_name, row2.udt_name])));
        }
        return types3;
      }
    };
    UNREACHABLE = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);
  }
});

// src/registry/registry-location.ts
import os5 from "node:os";
import path11 from "node:path";
function defaultRegistryFile(env = process.env) {
  const base = env.XDG_DATA_HOME?.trim() || path11.join(os5.homedir(), ".local", "share");
  return path11.join(base, "leakstop", "registry.db");
}
function withoutCredentials(spec) {
  return spec.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, "$1");
}
function resolveRegistryTarget(spec, env = process.env) {
  const chosen = spec?.trim() || env.LEAKSTOP_REGISTRY?.trim();
  if (!chosen) return { kind: "sqlite", file: defaultRegistryFile(env) };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(chosen)?.[1]?.toLowerCase();
  if (scheme === void 0) return { kind: "sqlite", file: path11.resolve(chosen.replace(/^~(?=\/)/, os5.homedir())) };
  if (scheme !== "postgres" && scheme !== "postgresql") {
    throw new RegistryError(`unsupported key registry "${withoutCredentials(chosen)}": use a SQLite file path or a postgres:// URL`);
  }
  let url;
  try {
    url = new URL(chosen);
  } catch {
    throw new RegistryError(`malformed PostgreSQL URL "${withoutCredentials(chosen)}" in --registry or LEAKSTOP_REGISTRY: expected postgres://USER@HOST:PORT/DATABASE`);
  }
  const schema = url.searchParams.get("schema") ?? void 0;
  if (schema !== void 0) {
    if (!SCHEMA2.test(schema)) throw new RegistryError(`schema "${schema}" in the registry URL must be letters, digits and "_"`);
    url.searchParams.delete("schema");
    const options = url.searchParams.get("options");
    url.searchParams.set("options", `${options ? `${options} ` : ""}-c search_path=${schema}`);
  }
  const location = `${url.protocol}//${url.host}${url.pathname}${schema ? `?schema=${schema}` : ""}`;
  return { kind: "postgres", connectionString: url.toString(), ...schema ? { createSchema: schema } : {}, location };
}
var SCHEMA2;
var init_registry_location = __esm({
  "src/registry/registry-location.ts"() {
    "use strict";
    init_errors();
    SCHEMA2 = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
  }
});

// src/rules/example-template.ts
import { randomBytes as randomBytes3 } from "node:crypto";
function randomString(alphabet, length) {
  let out = "";
  const limit = 256 - 256 % alphabet.length;
  while (out.length < length) {
    for (const byte of randomBytes3(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}
function checksummedBody(length) {
  const random = randomString(ALPHABETS.base62, length);
  return random + crc32Base62(random);
}
var ALPHABETS;
var init_example_template = __esm({
  "src/rules/example-template.ts"() {
    "use strict";
    init_checksum();
    init_errors();
    ALPHABETS = {
      base62: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
      alnum: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
      hex: "0123456789abcdef",
      HEX: "0123456789ABCDEF",
      base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
      base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
      base32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
      base58: "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
      digits: "0123456789",
      lower: "abcdefghijklmnopqrstuvwxyz",
      upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    };
  }
});

// src/registry/key-format.ts
function checkPrefix(environment, prefix) {
  if (!ENVIRONMENT.test(environment)) {
    throw new RegistryError(`environment "${environment}" must be lower-case letters, digits and "-", e.g. live or staging`);
  }
  if (!PREFIX2.test(prefix) || prefix.length > 24) {
    throw new RegistryError(`key prefix "${prefix}" must be letters and digits in words ending in "_", e.g. lk_${environment}_`);
  }
}
function generateKey(prefix) {
  return new Secret(prefix + checksummedBody(RANDOM_LENGTH));
}
function issuedKeyShape(prefix) {
  const shape = { prefix, bodyLength: RANDOM_LENGTH + CHECKSUM_LENGTH, alphabet: "base62" };
  if (prefix.endsWith("_")) shape.checksum = "crc32-base62";
  return shape;
}
function newKeyId() {
  return `key_${Date.now().toString(36)}${randomString("0123456789abcdefghijklmnopqrstuvwxyz", 10)}`;
}
var RANDOM_LENGTH, CHECKSUM_LENGTH, DEFAULT_PREFIXES, PREFIX2, ENVIRONMENT;
var init_key_format = __esm({
  "src/registry/key-format.ts"() {
    "use strict";
    init_errors();
    init_example_template();
    init_types();
    RANDOM_LENGTH = 43;
    CHECKSUM_LENGTH = 6;
    DEFAULT_PREFIXES = { live: "lk_live_", test: "lk_test_" };
    PREFIX2 = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_$/;
    ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;
  }
});

// src/registry/key-rows.ts
function keyValues(key) {
  return [
    key.id,
    Buffer.from(key.hash, "hex"),
    key.prefix,
    key.shape.bodyLength,
    key.shape.alphabet,
    key.shape.checksum ?? null,
    key.lastFour,
    key.owner,
    key.label,
    key.environment,
    JSON.stringify(key.restrictions),
    key.deliveryTarget ? JSON.stringify(key.deliveryTarget) : null,
    key.status,
    key.createdAt,
    key.revokedAt ?? null,
    key.revocationReason ?? null,
    key.replaces ?? null
  ];
}
function keyFromRow(row2) {
  const shape = { prefix: String(row2.prefix), bodyLength: Number(row2.body_length), alphabet: row2.alphabet };
  if (row2.checksum) shape.checksum = row2.checksum;
  const record = {
    id: String(row2.id),
    hash: row2.hash.toString("hex"),
    prefix: shape.prefix,
    lastFour: String(row2.last_four),
    owner: String(row2.owner),
    label: String(row2.label),
    environment: String(row2.environment),
    restrictions: json(row2.restrictions) ?? {},
    shape,
    status: row2.status,
    createdAt: iso(row2.created_at)
  };
  const deliveryTarget = json(row2.delivery_target);
  if (deliveryTarget) record.deliveryTarget = deliveryTarget;
  const optional = {
    revokedAt: optionalIso(row2.revoked_at),
    revocationReason: optionalText(row2.revocation_reason),
    replacedBy: optionalText(row2.replaced_by),
    replaces: optionalText(row2.replaces)
  };
  for (const [name, value] of Object.entries(optional)) if (value !== void 0) Object.assign(record, { [name]: value });
  return record;
}
function auditValues(entry, at) {
  return [at, entry.keyId ?? null, entry.action, entry.actor.kind, entry.actor.name, entry.reason ?? null];
}
function auditFromRow(row2) {
  const entry = {
    id: Number(row2.id),
    at: iso(row2.at),
    action: String(row2.action),
    actor: { kind: row2.actor_kind === "app" ? "app" : "cli", name: String(row2.actor_name) }
  };
  const keyId = optionalText(row2.key_id);
  if (keyId) entry.keyId = keyId;
  const reason = optionalText(row2.reason);
  if (reason) entry.reason = reason;
  return entry;
}
var KEY_COLUMNS, AUDIT_COLUMNS;
var init_key_rows = __esm({
  "src/registry/key-rows.ts"() {
    "use strict";
    init_row_values();
    KEY_COLUMNS = [
      "id",
      "hash",
      "prefix",
      "body_length",
      "alphabet",
      "checksum",
      "last_four",
      "owner",
      "label",
      "environment",
      "restrictions",
      "delivery_target",
      "status",
      "created_at",
      "revoked_at",
      "revocation_reason",
      "replaces"
    ];
    AUDIT_COLUMNS = ["at", "key_id", "action", "actor_kind", "actor_name", "reason"];
  }
});

// src/registry/key-scripts.ts
function placeholders(count) {
  return new Array(count).fill("?").join(", ");
}
function chunks(items, size = IN_CHUNK) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function* keyById(id) {
  const [row2] = yield* select("SELECT * FROM keys WHERE id = ?", [id]);
  return row2 && keyFromRow(row2);
}
function* keysByHashes(hashes) {
  const records = [];
  for (const chunk of chunks(hashes)) {
    const rows = yield* select(`SELECT * FROM keys WHERE hash IN (${placeholders(chunk.length)})`, chunk.map((hash) => Buffer.from(hash, "hex")));
    for (const row2 of rows) records.push(keyFromRow(row2));
  }
  return records;
}
function* keyCount() {
  const [row2] = yield* select("SELECT count(*) AS count FROM keys");
  return Number(row2?.count ?? 0);
}
function* hashesAfter(seq, limit) {
  const rows = yield* select("SELECT seq, hash FROM keys WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit]);
  return rows.map((row2) => ({ seq: Number(row2.seq), hash: row2.hash }));
}
function* listKeys(filter2) {
  const where3 = [];
  const params = [];
  if (filter2.owner !== void 0) where3.push("owner = ?"), params.push(filter2.owner);
  if (filter2.status !== void 0) where3.push("status = ?"), params.push(filter2.status);
  const rows = yield* select(`SELECT * FROM keys ${where3.length ? `WHERE ${where3.join(" AND ")}` : ""} ORDER BY seq`, params);
  return rows.map(keyFromRow);
}
function* registeredShapes() {
  const rows = yield* select(
    "SELECT prefix, body_length, alphabet, checksum FROM key_shapes ORDER BY prefix, body_length, alphabet, checksum"
  );
  return rows.map((row2) => {
    const shape = { prefix: row2.prefix, bodyLength: Number(row2.body_length), alphabet: row2.alphabet };
    if (row2.checksum) shape.checksum = row2.checksum;
    return shape;
  });
}
function* addAudit(entries, at) {
  yield* insertRows("audit_log", AUDIT_COLUMNS, entries.map((entry) => auditValues(entry, at)));
}
function* auditLog(keyId) {
  const rows = keyId === void 0 ? yield* select("SELECT * FROM audit_log ORDER BY id") : yield* select("SELECT * FROM audit_log WHERE key_id = ? ORDER BY id", [keyId]);
  return rows.map(auditFromRow);
}
function* insertKeys(keys, audit, at) {
  const registered = /* @__PURE__ */ new Set();
  for (const chunk of chunks(keys)) {
    const rows = yield* select(
      `SELECT hash FROM keys WHERE hash IN (${placeholders(chunk.length)})`,
      chunk.map((key) => Buffer.from(key.hash, "hex"))
    );
    for (const row2 of rows) registered.add(row2.hash.toString("hex"));
  }
  const fresh = [];
  for (const key of keys) {
    if (registered.has(key.hash)) continue;
    registered.add(key.hash);
    fresh.push(key);
  }
  if (fresh.length > 1) fresh.sort((a, b) => a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
  for (const chunk of chunks(fresh)) {
    const [taken] = yield* select(`SELECT id FROM keys WHERE id IN (${placeholders(chunk.length)})`, chunk.map((key) => key.id));
    if (taken) throw new RegistryError(`key id ${taken.id} is already registered with another hash: give the key another id`);
  }
  yield* insertRows("keys", KEY_COLUMNS, fresh.map(keyValues));
  const shapes = new Map(fresh.map(({ shape }) => [`${shape.prefix}\0${shape.bodyLength}\0${shape.alphabet}\0${shape.checksum ?? ""}`, shape]));
  for (const shape of shapes.values()) {
    yield* execute(
      "INSERT INTO key_shapes (prefix, body_length, alphabet, checksum) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
      [shape.prefix, shape.bodyLength, shape.alphabet, shape.checksum ?? ""]
    );
  }
  yield* addAudit(fresh.map(audit), at);
  return fresh.length;
}
function* revokeKey(id, reason, actor, at) {
  const changed = yield* execute(
    `UPDATE keys SET status = 'revoked', revoked_at = ?, revocation_reason = ? WHERE id = ? AND status = 'active'`,
    [at, reason, id]
  );
  if (changed > 0) yield* addAudit([{ keyId: id, action: "revoke", actor, reason }], at);
  const key = yield* keyById(id);
  if (!key) throw unknownKey(id);
  return key;
}
function* keyPrefixes() {
  const [row2] = yield* select("SELECT value FROM settings WHERE name = ?", [PREFIXES_SETTING]);
  return { ...DEFAULT_PREFIXES, ...row2 ? JSON.parse(row2.value) : {} };
}
function* saveKeyPrefixes(prefixes, actor, at) {
  const merged = { ...yield* keyPrefixes(), ...prefixes };
  yield* execute(
    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    [PREFIXES_SETTING, JSON.stringify(merged)]
  );
  const change = Object.entries(prefixes).map(([environment, prefix]) => `${environment}=${prefix}`).join(", ");
  yield* addAudit([{ action: "set-prefixes", actor, reason: change }], at);
}
var IN_CHUNK, unknownKey, PREFIXES_SETTING;
var init_key_scripts = __esm({
  "src/registry/key-scripts.ts"() {
    "use strict";
    init_errors();
    init_key_format();
    init_key_rows();
    init_sql_script();
    IN_CHUNK = 500;
    unknownKey = (id) => new RegistryError(`no key ${id} in the registry: \`leakstop registry list\` shows the keys`);
    PREFIXES_SETTING = "key_prefixes";
  }
});

// src/registry/replacement-scripts.ts
function* replacementById(id) {
  const [row2] = yield* select("SELECT * FROM replacements WHERE id = ?", [id]);
  return row2 && replacementFromRow(row2);
}
function* reserveReplacement(keyId, actor, at) {
  const [existing] = yield* select("SELECT * FROM replacements WHERE replaces = ?", [keyId]);
  if (existing) return replacementFromRow(existing);
  const key = yield* keyById(keyId);
  if (!key) throw unknownKey(keyId);
  const id = newKeyId();
  yield* execute(`INSERT INTO replacements (id, replaces, owner, state, reserved_at) VALUES (?, ?, ?, 'reserved', ?)`, [id, keyId, key.owner, at]);
  yield* execute("UPDATE keys SET replaced_by = ? WHERE id = ?", [id, keyId]);
  yield* addAudit([{ keyId, action: "reserve-replacement", actor, reason: `replacement ${id}` }], at);
  return yield* replacementById(id);
}
function* completeReplacement(id, minted, sealedBox, actor, at) {
  const replacement = yield* replacementById(id);
  if (!replacement) throw new RegistryError(`no replacement ${id} in the registry`);
  const changed = sealedBox === void 0 ? yield* execute(`UPDATE replacements SET state = 'claimed', claimed_at = ? WHERE id = ? AND state = 'reserved'`, [at, id]) : yield* execute(`UPDATE replacements SET state = 'sealed', sealed_box = ?, sealed_at = ? WHERE id = ? AND state = 'reserved'`, [sealedBox, at, id]);
  if (changed === 0) return false;
  const original = yield* keyById(replacement.replaces);
  if (!original) throw unknownKey(replacement.replaces);
  yield* insertKeys([{
    id,
    hash: minted.hash,
    prefix: original.prefix,
    shape: issuedKeyShape(original.prefix),
    lastFour: minted.lastFour,
    owner: original.owner,
    label: original.label,
    environment: original.environment,
    restrictions: original.restrictions,
    ...original.deliveryTarget ? { deliveryTarget: original.deliveryTarget } : {},
    status: "active",
    createdAt: at,
    replaces: original.id
  }], (key) => ({ keyId: key.id, action: "issue", actor, reason: `replacement for ${original.id}${sealedBox === void 0 ? ", claimed" : ", sealed to the owner"}` }), at);
  return true;
}
function* consumeSealedReplacement(id, actor, at) {
  const changed = yield* execute(`UPDATE replacements SET state = 'claimed', sealed_box = NULL, claimed_at = ? WHERE id = ? AND state = 'sealed'`, [at, id]);
  if (changed > 0) yield* addAudit([{ keyId: id, action: "claim", actor }], at);
  return changed > 0;
}
function* ownerKey(owner) {
  const [row2] = yield* select("SELECT * FROM owner_keys WHERE owner = ?", [owner]);
  return row2 && ownerKeyFromRow(row2);
}
function* addOwnerKey(owner, publicKey, actor, at) {
  yield* execute(`INSERT INTO owner_keys (owner, public_key, added_at) VALUES (?, ?, ?)
    ON CONFLICT (owner) DO UPDATE SET public_key = excluded.public_key, added_at = excluded.added_at`, [owner, publicKey, at]);
  yield* addAudit([{ action: "owner-key", actor, reason: `public key of ${owner}` }], at);
}
var init_replacement_scripts = __esm({
  "src/registry/replacement-scripts.ts"() {
    "use strict";
    init_errors();
    init_key_format();
    init_key_scripts();
    init_response_rows();
    init_sql_script();
  }
});

// src/registry/hash-index.ts
function hexWord(hex2, w) {
  let value = 0;
  for (let i = w * 8; i < w * 8 + 8; i++) {
    const code2 = hex2.charCodeAt(i);
    const digit = code2 < 128 ? HEX2[code2] : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}
function powerOfTwoAtLeast(n) {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}
var WORDS2, HEX2, HashIndex;
var init_hash_index = __esm({
  "src/registry/hash-index.ts"() {
    "use strict";
    WORDS2 = 8;
    HEX2 = (() => {
      const values = new Int8Array(128).fill(-1);
      for (let i = 0; i < 16; i++) {
        values["0123456789abcdef".charCodeAt(i)] = i;
        values["0123456789ABCDEF".charCodeAt(i)] = i;
      }
      return values;
    })();
    HashIndex = class {
      #words;
      #count = 0;
      /** Position + 1 of a digest in #words; 0 is an empty slot. Kept at most half full. */
      #slots;
      #mask;
      #scratch = new Uint32Array(WORDS2);
      constructor(expected = 0) {
        this.#words = new Uint32Array(Math.max(1024, expected) * WORDS2);
        this.#slots = new Int32Array(powerOfTwoAtLeast(expected * 2));
        this.#mask = this.#slots.length - 1;
      }
      get size() {
        return this.#count;
      }
      /** Memory held: the digests and the slot table. */
      get byteLength() {
        return this.#words.byteLength + this.#slots.byteLength;
      }
      /** Adds a 32-byte digest (a no-op when it is there already). */
      add(digest) {
        if (digest.length !== WORDS2 * 4) throw new Error(`a SHA-256 digest has 32 bytes, not ${digest.length}`);
        const words = this.#scratch;
        for (let w = 0, i = 0; w < WORDS2; w++, i += 4) words[w] = (digest[i] << 24 | digest[i + 1] << 16 | digest[i + 2] << 8 | digest[i + 3]) >>> 0;
        if (this.#holds(words)) return;
        if ((this.#count + 1) * WORDS2 > this.#words.length) {
          const grown2 = new Uint32Array(this.#words.length * 2);
          grown2.set(this.#words);
          this.#words = grown2;
        }
        if ((this.#count + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
        this.#words.set(words, this.#count * WORDS2);
        this.#count++;
        this.#place(this.#count);
      }
      #holds(words) {
        for (let slot = words[0] & this.#mask; ; slot = slot + 1 & this.#mask) {
          const entry = this.#slots[slot];
          if (entry === 0) return false;
          const at = (entry - 1) * WORDS2;
          let same = true;
          for (let w = 0; w < WORDS2 && same; w++) same = this.#words[at + w] === words[w];
          if (same) return true;
        }
      }
      /** Whether the hex SHA-256 (either case) is registered. */
      has(hexHash) {
        if (hexHash.length !== WORDS2 * 8) return false;
        const first = hexWord(hexHash, 0);
        if (first < 0) return false;
        for (let slot = first & this.#mask; ; slot = slot + 1 & this.#mask) {
          const entry = this.#slots[slot];
          if (entry === 0) return false;
          const at = (entry - 1) * WORDS2;
          if (this.#words[at] === first && this.#sameRest(hexHash, at)) return true;
        }
      }
      #sameRest(hex2, at) {
        for (let w = 1; w < WORDS2; w++) if (this.#words[at + w] !== hexWord(hex2, w)) return false;
        return true;
      }
      #place(entry) {
        let slot = this.#words[(entry - 1) * WORDS2] & this.#mask;
        while (this.#slots[slot] !== 0) slot = slot + 1 & this.#mask;
        this.#slots[slot] = entry;
      }
      #rehash(size) {
        this.#slots = new Int32Array(size);
        this.#mask = size - 1;
        for (let entry = 1; entry <= this.#count; entry++) this.#place(entry);
      }
    };
  }
});

// src/registry/sql-key-registry.ts
var INDEX_BATCH, now, SqlKeyRegistry;
var init_sql_key_registry = __esm({
  "src/registry/sql-key-registry.ts"() {
    "use strict";
    init_secret_hash();
    init_errors();
    init_key_format();
    init_key_scripts();
    init_replacement_scripts();
    init_hash_index();
    INDEX_BATCH = 1e5;
    now = () => (/* @__PURE__ */ new Date()).toISOString();
    SqlKeyRegistry = class {
      constructor(db, responses, location) {
        this.db = db;
        this.responses = responses;
        this.location = location;
      }
      db;
      responses;
      location;
      #index;
      /** The highest `seq` the index holds; keys commit in `seq` order (exclusive inserts). */
      #indexedSeq = 0;
      /** This process added keys since the index was read. */
      #stale = true;
      #refreshing;
      async lookup(hashes) {
        const index = await this.hashIndex();
        const hits = [...new Set([...hashes].map((hash) => hash.toLowerCase()))].filter((hash) => index.has(hash));
        if (hits.length === 0) return /* @__PURE__ */ new Map();
        const records = await this.db.read(() => keysByHashes(hits));
        return new Map(records.map((record) => [record.hash, record]));
      }
      /** The in-memory index of every registered hash, first brought up to date. */
      async hashIndex() {
        if (await this.db.changedElsewhere()) this.#stale = true;
        if (this.#stale || !this.#index) {
          this.#refreshing ??= this.#refresh().finally(() => this.#refreshing = void 0);
          await this.#refreshing;
        }
        return this.#index;
      }
      async #refresh() {
        this.#stale = false;
        try {
          this.#index ??= new HashIndex(await this.db.read(keyCount));
          for (; ; ) {
            const rows = await this.db.read(() => hashesAfter(this.#indexedSeq, INDEX_BATCH));
            for (const row2 of rows) this.#index.add(row2.hash);
            if (rows.length > 0) this.#indexedSeq = rows[rows.length - 1].seq;
            if (rows.length < INDEX_BATCH) return;
          }
        } catch (error) {
          this.#stale = true;
          throw error;
        }
      }
      shapes() {
        return this.db.read(registeredShapes);
      }
      async issue(spec, actor) {
        const owner = spec.owner.trim();
        const label = spec.label.trim();
        if (!owner || !label) throw new RegistryError("a key needs an owner and a label");
        const environment = spec.environment ?? "live";
        const prefix = (await this.prefixes())[environment];
        if (!prefix) {
          throw new RegistryError(`no key prefix for environment "${environment}": add one with \`leakstop registry init --prefix ${environment}=lk_${environment}_\``);
        }
        const key = generateKey(prefix);
        const plaintext = key.reveal();
        const record = {
          id: newKeyId(),
          hash: secretHash(plaintext),
          prefix,
          shape: issuedKeyShape(prefix),
          lastFour: plaintext.slice(-4),
          owner,
          label,
          environment,
          restrictions: spec.restrictions ?? {},
          ...spec.deliveryTarget ? { deliveryTarget: spec.deliveryTarget } : {},
          status: "active",
          createdAt: now()
        };
        await this.#insert(() => insertKeys([record], () => ({ keyId: record.id, action: "issue", actor, reason: `issued to ${owner} (${label})` }), record.createdAt));
        return { record: await this.get(record.id), key };
      }
      async importHashes(imported, actor) {
        const at = now();
        const records = imported.map((key) => ({
          id: key.id ?? newKeyId(),
          hash: key.hash.toLowerCase(),
          prefix: key.shape.prefix,
          shape: key.shape,
          lastFour: key.lastFour ?? "",
          owner: key.owner,
          label: key.label,
          environment: key.environment ?? "live",
          restrictions: key.restrictions ?? {},
          status: key.status ?? "active",
          createdAt: key.createdAt ?? at,
          ...key.status === "revoked" ? { revokedAt: at, revocationReason: "revoked before it was imported" } : {}
        }));
        const stored = await this.#insert(() => insertKeys(records, (record) => ({ keyId: record.id, action: "import", actor, reason: "registered by hash" }), at));
        return { imported: stored, alreadyRegistered: imported.length - stored };
      }
      get(id) {
        return this.db.read(() => keyById(id));
      }
      list(filter2 = {}) {
        return this.db.read(() => listKeys(filter2));
      }
      async revoke(id, reason, actor) {
        if (!reason.trim()) throw new RegistryError("a revocation needs a reason, for the audit log");
        return this.db.transaction(() => revokeKey(id, reason.trim(), actor, now()));
      }
      reserveReplacement(id, actor) {
        return this.db.transaction(() => reserveReplacement(id, actor, now()), { exclusive: true });
      }
      replacement(id) {
        return this.db.read(() => replacementById(id));
      }
      async completeReplacement(id, minted, sealedBox, actor) {
        return this.#insert(() => completeReplacement(id, minted, sealedBox, actor, now()));
      }
      consumeSealedReplacement(id, actor) {
        return this.db.transaction(() => consumeSealedReplacement(id, actor, now()));
      }
      ownerKey(owner) {
        return this.db.read(() => ownerKey(owner));
      }
      addOwnerKey(owner, publicKey, actor) {
        return this.db.transaction(() => addOwnerKey(owner, publicKey, actor, now()));
      }
      prefixes() {
        return this.db.read(keyPrefixes);
      }
      async setPrefixes(prefixes, actor) {
        for (const [environment, prefix] of Object.entries(prefixes)) checkPrefix(environment, prefix);
        return this.db.transaction(() => saveKeyPrefixes(prefixes, actor, now()));
      }
      audit(keyId) {
        return this.db.read(() => auditLog(keyId));
      }
      close() {
        return this.db.close();
      }
      /** Key inserts run exclusively, and leave the index to be refreshed. */
      async #insert(script) {
        try {
          return await this.db.transaction(script, { exclusive: true });
        } finally {
          this.#stale = true;
        }
      }
    };
  }
});

// src/registry/sqlite.ts
import fs14 from "node:fs";
import path12 from "node:path";
function sqliteError(error, file) {
  if (error instanceof LeakstopError) return error;
  const code2 = error.code;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  switch (code2) {
    case "SQLITE_NOTADB":
      return new RegistryError(`${file} is not a SQLite key registry: point --registry or LEAKSTOP_REGISTRY at a registry file`);
    case "SQLITE_CANTOPEN":
    case "EACCES":
    case "ENOTDIR":
      return new RegistryError(`cannot open the key registry ${file}: check that its directory exists and is writable`);
    case "SQLITE_BUSY":
      return new RegistryError(`the key registry ${file} stayed locked by another process for ${BUSY_TIMEOUT_MS / 1e3} s: try again`);
    case "SQLITE_READONLY":
      return new RegistryError(`the key registry ${file} is read-only: check its permissions`);
  }
  if (typeof code2 === "string" && code2.startsWith("SQLITE_")) return new RegistryError(`key registry ${file}: ${message}`, { cause: error });
  return error;
}
var BUSY_TIMEOUT_MS, SqliteDatabase;
var init_sqlite = __esm({
  "src/registry/sqlite.ts"() {
    "use strict";
    init_no_sqlite();
    init_errors();
    init_apply_migrations();
    init_sql_script();
    BUSY_TIMEOUT_MS = 15e3;
    SqliteDatabase = class _SqliteDatabase {
      constructor(connection, file) {
        this.connection = connection;
        this.file = file;
      }
      connection;
      file;
      dialect = "sqlite";
      #statements = /* @__PURE__ */ new Map();
      #dataVersion;
      /**
       * Opens the registry file; `create` (`registry init`) creates it and its directory when
       * missing. Otherwise a missing file, or one without Leakstop's schema, is a NoRegistryError,
       * and the file is left exactly as it was.
       */
      static open(file, options) {
        if (!options.create && !fs14.existsSync(file)) throw new NoRegistryError(file);
        let connection;
        try {
          if (options.create) fs14.mkdirSync(path12.dirname(file), { recursive: true });
          connection = new NoSqlite(file, { fileMustExist: !options.create });
          connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
          const db = new _SqliteDatabase(connection, file);
          if (!options.create && !runScriptSync(hasRegistrySchema("sqlite"), (command) => db.#perform(command))) throw new NoRegistryError(file);
          connection.pragma("journal_mode = WAL");
          connection.pragma("cache_size = -32768");
          return db;
        } catch (error) {
          connection?.close();
          throw sqliteError(error, file);
        }
      }
      transaction(script) {
        return this.#settle(() => this.connection.transaction(() => runScriptSync(script(), (command) => this.#perform(command))).immediate());
      }
      read(script) {
        return this.#settle(() => runScriptSync(script(), (command) => this.#perform(command)));
      }
      /** `data_version` changes when another connection commits: a cheap read of shared memory. */
      async changedElsewhere() {
        const version = Number(this.connection.pragma("data_version", { simple: true }));
        const changed = version !== this.#dataVersion;
        this.#dataVersion = version;
        return changed;
      }
      async close() {
        if (this.connection.open) this.connection.close();
      }
      #settle(work) {
        try {
          return Promise.resolve(work());
        } catch (error) {
          return Promise.reject(sqliteError(error, this.file));
        }
      }
      #statement(sql) {
        let statement = this.#statements.get(sql);
        if (!statement) this.#statements.set(sql, statement = this.connection.prepare(sql));
        return statement;
      }
      #perform(command) {
        switch (command.kind) {
          case "select":
            return this.#statement(command.sql).all(...command.params);
          case "execute":
            return this.#statement(command.sql).run(...command.params).changes;
          case "batch":
            return this.connection.exec(command.sql);
          case "insert": {
            const statement = this.#statement(`INSERT INTO ${command.table} (${command.columns.join(", ")}) VALUES (${command.columns.map(() => "?").join(", ")})`);
            for (const row2 of command.rows) statement.run(...row2);
            return void 0;
          }
        }
      }
    };
  }
});

// src/registry/sqlite-response-log.ts
import os6 from "node:os";
import { randomUUID } from "node:crypto";
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
var LEASE_MS, POLL_MS, SqliteResponseLog, SQLITE_RESPONSE_LOG_MIGRATION;
var init_sqlite_response_log = __esm({
  "src/registry/sqlite-response-log.ts"() {
    "use strict";
    init_response_rows();
    LEASE_MS = 3e4;
    POLL_MS = 25;
    SqliteResponseLog = class {
      constructor(db) {
        this.db = db;
        if (Number(db.pragma("busy_timeout", { simple: true })) < 1e4) db.pragma("busy_timeout = 10000");
      }
      db;
      async recordSighting(incident, sighting) {
        const now2 = (/* @__PURE__ */ new Date()).toISOString();
        return this.db.transaction(() => {
          this.db.prepare(
            `INSERT INTO incidents (repo, key_id, key_hash_prefix, secret_redacted, severity, rule_id, actor_kind, actor_name, detected_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo, key_id) DO NOTHING`
          ).run(incident.repo, incident.keyId, incident.keyHashPrefix, incident.secretRedacted, incident.severity, incident.ruleId, incident.actor.kind, incident.actor.name, now2);
          const stored = this.db.prepare("SELECT * FROM incidents WHERE repo = ? AND key_id = ?").get(incident.repo, incident.keyId);
          const inserted = this.db.prepare(
            `INSERT INTO incident_sightings (incident_id, commit_sha, path, line, author, email, committed_at, seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id, commit_sha, path, line) DO NOTHING`
          ).run(stored.id, sighting.commit ?? "", sighting.path, sighting.line, sighting.author ?? null, sighting.email ?? null, sighting.committedAt ?? null, now2);
          const seen = this.db.prepare("SELECT * FROM incident_sightings WHERE incident_id = ? AND commit_sha = ? AND path = ? AND line = ?").get(stored.id, sighting.commit ?? "", sighting.path, sighting.line);
          return { incident: incidentFromRow(stored), sighting: sightingFromRow(seen), isNew: inserted.changes > 0 };
        }).immediate();
      }
      async findIncident(repo, keyId) {
        const row2 = this.db.prepare("SELECT * FROM incidents WHERE repo = ? AND key_id = ?").get(repo, keyId);
        return row2 && incidentFromRow(row2);
      }
      async incident(id) {
        const row2 = this.db.prepare("SELECT * FROM incidents WHERE id = ?").get(id);
        return row2 && incidentFromRow(row2);
      }
      async incidents() {
        return this.db.prepare("SELECT * FROM incidents ORDER BY id DESC").all().map(incidentFromRow);
      }
      async sightings(incidentId) {
        return this.db.prepare("SELECT * FROM incident_sightings WHERE incident_id = ? ORDER BY id").all(incidentId).map(sightingFromRow);
      }
      async steps(incidentId) {
        return this.db.prepare("SELECT * FROM response_steps WHERE incident_id = ? ORDER BY " + STEP_ORDER).all(incidentId).map(stepFromRow);
      }
      async beginStep(incidentId, step, intent) {
        const now2 = (/* @__PURE__ */ new Date()).toISOString();
        return this.db.transaction(() => {
          const inserted = this.db.prepare(
            `INSERT INTO response_steps (incident_id, step, state, intent, attempts, started_at) VALUES (?, ?, 'started', ?, 1, ?)
           ON CONFLICT (incident_id, step) DO NOTHING`
          ).run(incidentId, step, JSON.stringify(intent), now2);
          if (inserted.changes === 0) {
            this.db.prepare(`UPDATE response_steps SET state = 'started', attempts = attempts + 1, started_at = ? WHERE incident_id = ? AND step = ? AND state <> 'done'`).run(now2, incidentId, step);
          }
          return stepFromRow(this.db.prepare("SELECT * FROM response_steps WHERE incident_id = ? AND step = ?").get(incidentId, step));
        }).immediate();
      }
      async finishStep(incidentId, step, outcome) {
        this.db.prepare(`UPDATE response_steps SET state = 'done', outcome = ?, error = NULL, finished_at = ? WHERE incident_id = ? AND step = ?`).run(JSON.stringify(outcome), (/* @__PURE__ */ new Date()).toISOString(), incidentId, step);
      }
      async failStep(incidentId, step, error) {
        this.db.prepare(`UPDATE response_steps SET state = 'failed', error = ?, finished_at = ? WHERE incident_id = ? AND step = ? AND state <> 'done'`).run(error, (/* @__PURE__ */ new Date()).toISOString(), incidentId, step);
      }
      /**
       * A lease row per incident: taken when free, expired, or held by a process of this host that
       * has died (a SIGKILLed responder must not make the next one wait out the lease).
       */
      async withIncidentLock(incidentId, work) {
        const holder = `${os6.hostname()}:${process.pid}:${randomUUID()}`;
        const take = this.db.transaction(() => {
          const row2 = this.db.prepare("SELECT * FROM incident_locks WHERE incident_id = ?").get(incidentId);
          const free = !row2 || Number(row2.expires_at) < Date.now() || row2.host === os6.hostname() && !processAlive(Number(row2.pid));
          if (!free) return false;
          this.db.prepare("INSERT OR REPLACE INTO incident_locks (incident_id, holder, host, pid, expires_at) VALUES (?, ?, ?, ?, ?)").run(incidentId, holder, os6.hostname(), process.pid, Date.now() + LEASE_MS);
          return true;
        });
        while (!take.immediate()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const renew = setInterval(() => {
          this.db.prepare("UPDATE incident_locks SET expires_at = ? WHERE incident_id = ? AND holder = ?").run(Date.now() + LEASE_MS, incidentId, holder);
        }, LEASE_MS / 3);
        renew.unref();
        try {
          return await work();
        } finally {
          clearInterval(renew);
          this.db.prepare("DELETE FROM incident_locks WHERE incident_id = ? AND holder = ?").run(incidentId, holder);
        }
      }
    };
    SQLITE_RESPONSE_LOG_MIGRATION = `
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  repo TEXT NOT NULL,
  key_id TEXT NOT NULL,
  key_hash_prefix TEXT NOT NULL,
  secret_redacted TEXT NOT NULL,
  severity TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  UNIQUE (repo, key_id)
);
CREATE TABLE incident_sightings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  commit_sha TEXT NOT NULL,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  author TEXT,
  email TEXT,
  committed_at TEXT,
  seen_at TEXT NOT NULL,
  UNIQUE (incident_id, commit_sha, path, line)
);
CREATE TABLE response_steps (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('started', 'done', 'failed')),
  intent TEXT NOT NULL,
  outcome TEXT,
  error TEXT,
  attempts INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (incident_id, step)
);
CREATE TABLE incident_locks (
  incident_id INTEGER PRIMARY KEY,
  holder TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE replacements (
  id TEXT PRIMARY KEY,
  replaces TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('reserved', 'sealed', 'claimed')),
  sealed_box TEXT,
  reserved_at TEXT NOT NULL,
  sealed_at TEXT,
  claimed_at TEXT
);
CREATE TABLE owner_keys (
  owner TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  added_at TEXT NOT NULL
);
`;
  }
});

// src/registry/sqlite-migrations.ts
var SQLITE_MIGRATIONS;
var init_sqlite_migrations = __esm({
  "src/registry/sqlite-migrations.ts"() {
    "use strict";
    init_sqlite_response_log();
    SQLITE_MIGRATIONS = [
      {
        version: 1,
        name: "keys",
        sql: `
CREATE TABLE keys (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash BLOB NOT NULL UNIQUE CHECK (length(hash) = 32),
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT,
  last_four TEXT NOT NULL,
  owner TEXT NOT NULL,
  label TEXT NOT NULL,
  environment TEXT NOT NULL,
  restrictions TEXT NOT NULL,
  delivery_target TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revocation_reason TEXT,
  replaced_by TEXT,
  replaces TEXT
);
CREATE INDEX keys_owner ON keys (owner);
CREATE TABLE key_shapes (
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT NOT NULL,
  PRIMARY KEY (prefix, body_length, alphabet, checksum)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  key_id TEXT,
  action TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX audit_log_key ON audit_log (key_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`
      },
      { version: 2, name: "response-log", sql: SQLITE_RESPONSE_LOG_MIGRATION }
    ];
  }
});

// src/registry/open-registry.ts
var open_registry_exports = {};
__export(open_registry_exports, {
  openRegistry: () => openRegistry
});
async function openBackend(spec, options) {
  const target = resolveRegistryTarget(spec);
  if (target.kind === "sqlite") {
    const db2 = SqliteDatabase.open(target.file, options);
    return { db: db2, migrations: SQLITE_MIGRATIONS, responses: new SqliteResponseLog(db2.connection), location: target.file };
  }
  const db = await PostgresDatabase.open(target, options);
  return { db, migrations: POSTGRES_MIGRATIONS, responses: new PostgresResponseLog(db.pool), location: target.location };
}
async function openRegistry(spec, options = {}) {
  const create = options.create ?? false;
  const { db, migrations, responses, location } = await openBackend(spec, { create });
  try {
    await applyMigrations(db, migrations, { create, location });
  } catch (error) {
    await db.close();
    throw error;
  }
  return new SqlKeyRegistry(db, responses, location);
}
var init_open_registry = __esm({
  "src/registry/open-registry.ts"() {
    "use strict";
    init_apply_migrations();
    init_postgres();
    init_postgres_migrations();
    init_postgres_response_log();
    init_registry_location();
    init_sql_key_registry();
    init_sqlite();
    init_sqlite_migrations();
    init_sqlite_response_log();
  }
});

// src/action/main.ts
init_errors();

// src/action/workflow-commands.ts
import { randomBytes } from "node:crypto";
import fs from "node:fs";
var escapeData = (text) => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
var escapeProperty = (text) => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
function annotationCommand(annotation2) {
  const { level, message, ...properties } = annotation2;
  const shown = Object.entries(properties).filter(([, value]) => value !== void 0).map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
  return `::${level}${shown ? ` ${shown}` : ""}::${escapeData(message)}
`;
}
function withoutCommands(text) {
  const token = randomBytes(16).toString("hex");
  return `::stop-commands::${token}
${text}${text.endsWith("\n") ? "" : "\n"}::${token}::
`;
}
function setOutput(file, name, value) {
  if (!file) return;
  const delimiter = `leakstop_${randomBytes(8).toString("hex")}`;
  fs.appendFileSync(file, value.includes("\n") ? `${name}<<${delimiter}
${value}
${delimiter}
` : `${name}=${value}
`);
}
function appendSummary(file, markdown) {
  if (file) fs.appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}
`);
}

// src/action/run-action.ts
import fs15 from "node:fs";
import path13 from "node:path";

// src/pipeline/baseline.ts
init_errno_text();
init_errors();
import fs3 from "node:fs";

// src/pipeline/load-fingerprint-key.ts
init_errno_text();
init_errors();
import fs2 from "node:fs";
import os from "node:os";
import path from "node:path";

// src/detect/fingerprint-key.ts
import { createHmac, randomBytes as randomBytes2 } from "node:crypto";
import { inspect } from "node:util";
var HEX_KEY = /^[0-9a-f]{64}$/i;
var FingerprintKey = class _FingerprintKey {
  #bytes;
  /** Names the key without giving it away (an HMAC of a constant): baselines record it. */
  id;
  constructor(bytes) {
    this.#bytes = bytes;
    this.id = this.fingerprint("leakstop fingerprint key id").slice(0, 16);
  }
  /** 32 random bytes, e.g. for a key file written on first need. */
  static random() {
    return new _FingerprintKey(randomBytes2(32));
  }
  /** 64 hex characters; undefined when the text is not that. */
  static fromHex(text) {
    const hex2 = text.trim();
    return HEX_KEY.test(hex2) ? new _FingerprintKey(Buffer.from(hex2, "hex")) : void 0;
  }
  /** Hex HMAC-SHA256 of the text's UTF-8 bytes. */
  fingerprint(text) {
    return createHmac("sha256", this.#bytes).update(text, "utf8").digest("hex");
  }
  /** The key itself, for its file or a worker thread: never for a report or a log. */
  toHex() {
    return this.#bytes.toString("hex");
  }
  toJSON() {
    return `FingerprintKey(${this.id})`;
  }
  [inspect.custom]() {
    return `FingerprintKey(${this.id})`;
  }
};

// src/pipeline/load-fingerprint-key.ts
var FINGERPRINT_KEY_ENV = "LEAKSTOP_FINGERPRINT_KEY";
function fingerprintKeyFile(env = process.env) {
  const base = env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), ".config");
  return path.join(base, "leakstop", "fingerprint-key");
}
function readKeyFile(file) {
  let text;
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new ConfigError(`cannot read the fingerprint key ${file} (${errnoText(error)}); set ${FINGERPRINT_KEY_ENV} instead`);
  }
  const key = FingerprintKey.fromHex(text);
  if (!key) throw new ConfigError(`${file} is not a fingerprint key (64 hex characters): remove it to make a new one, or set ${FINGERPRINT_KEY_ENV}`);
  return key;
}
function createKeyFile(file) {
  const key = FingerprintKey.random();
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs2.mkdirSync(path.dirname(file), { recursive: true, mode: 448 });
    fs2.writeFileSync(temporary, `${key.toHex()}
`, { mode: 384, flag: "wx" });
    fs2.linkSync(temporary, file);
    return key;
  } catch (error) {
    if (error.code === "EEXIST") return readKeyFile(file);
    throw new ConfigError(`cannot create the fingerprint key ${file} (${errnoText(error)}); set ${FINGERPRINT_KEY_ENV} to 64 hex characters instead`);
  } finally {
    fs2.rmSync(temporary, { force: true });
  }
}
function loadFingerprintKey(env = process.env) {
  const given = env[FINGERPRINT_KEY_ENV]?.trim();
  if (given) {
    const key = FingerprintKey.fromHex(given);
    if (!key) throw new ConfigError(`${FINGERPRINT_KEY_ENV} must be 64 hex characters (32 bytes), e.g. the content of ${fingerprintKeyFile(env)}`);
    return key;
  }
  const file = fingerprintKeyFile(env);
  return readKeyFile(file) ?? createKeyFile(file);
}

// src/pipeline/baseline.ts
var HEX_DIGEST = /^[0-9a-f]{64}$/;
var byFingerprint = (f) => `${f.ruleId}\0${f.path}\0fingerprint:${f.secretFingerprint}`;
var byHash = (f) => `${f.ruleId}\0${f.path}\0sha256:${f.secretHash}`;
var entryKey = (entry) => "secretFingerprint" in entry ? byFingerprint(entry) : byHash(entry);
function toEntry(value) {
  const entry = value;
  if (typeof entry !== "object" || entry === null || typeof entry.ruleId !== "string" || typeof entry.path !== "string") return void 0;
  const digest = (field) => {
    const value2 = entry[field];
    return typeof value2 === "string" && HEX_DIGEST.test(value2) ? value2 : void 0;
  };
  const secretFingerprint = digest("secretFingerprint");
  if (secretFingerprint) return { ruleId: entry.ruleId, path: entry.path, secretFingerprint };
  const secretHash2 = digest("secretHash");
  return secretHash2 ? { ruleId: entry.ruleId, path: entry.path, secretHash: secretHash2 } : void 0;
}
var baselineKeyFile = (file) => `${file}.key`;
function readBaseline(file, scanKey) {
  let parsed;
  try {
    parsed = JSON.parse(fs3.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "not valid JSON" : errnoText(error);
    throw new ConfigError(`baseline ${file}: ${reason}`);
  }
  const written = Array.isArray(parsed) ? void 0 : parsed;
  const entries = written ? written.entries : parsed;
  if (!Array.isArray(entries)) throw new ConfigError(`baseline ${file}: expected { "entries": [...] } or a JSON findings array`);
  const read = entries.map((value, index) => {
    const entry = toEntry(value);
    if (!entry) throw new ConfigError(`baseline ${file}: entries[${index}] needs ruleId, path and a hex secretFingerprint (or secretHash)`);
    return entry;
  });
  const unkeyed = read.filter((entry) => !("secretFingerprint" in entry)).length;
  const key = readKeyFile(baselineKeyFile(file)) ?? scanKey;
  if (written && unkeyed < read.length && written.fingerprintKeyId !== key.id) {
    const writer = typeof written.fingerprintKeyId === "string" ? `fingerprint key ${written.fingerprintKeyId}` : "an unnamed fingerprint key";
    throw new ConfigError(`baseline ${file} was written with ${writer}, not this one (${key.id}): put its key file ${baselineKeyFile(file)} beside it, or set ${FINGERPRINT_KEY_ENV} to that key (see "Baselines" in the README)`);
  }
  return { entries: read, unkeyed, key };
}
function applyBaseline(findings, baseline) {
  const known = new Map(baseline.entries.map((entry) => [entryKey(entry), entry]));
  const used = /* @__PURE__ */ new Set();
  const kept = findings.filter((finding) => {
    const fingerprint = { ruleId: finding.ruleId, path: finding.path, secretFingerprint: baseline.key.fingerprint(finding.secret.reveal()) };
    const key = [byFingerprint(fingerprint), byHash(finding)].find((candidate) => known.has(candidate));
    if (key === void 0) return true;
    used.add(key);
    return false;
  });
  const stale = [...known].filter(([key]) => !used.has(key)).map(([, entry]) => entry);
  return { findings: kept, stale, suppressed: findings.length - kept.length };
}

// src/detect/compile-engine.ts
init_errors();
import { createHash } from "node:crypto";

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result2;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result2) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result2 = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result2 = [left, right];
    }
  }
  return result2;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open.push(i);
    } else if (c === 125 && open.length) {
      open.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open.length; i++) {
    const at = open[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts2 = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts2, tail);
      return parts2;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts2, p);
      return parts2;
    }
    carry = p.pop();
    pushAll(parts2, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/brace-expressions.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}", true],
  "[:alpha:]": ["\\p{L}\\p{Nl}", true],
  "[:ascii:]": ["\\x00-\\x7f", false],
  "[:blank:]": ["\\p{Zs}\\t", true],
  "[:cntrl:]": ["\\p{Cc}", true],
  "[:digit:]": ["\\p{Nd}", true],
  "[:graph:]": ["\\p{Z}\\p{C}", true, true],
  "[:lower:]": ["\\p{Ll}", true],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}", true],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f", true],
  "[:upper:]": ["\\p{Lu}", true],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", true],
  "[:xdigit:]": ["A-Fa-f0-9", false]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var rangesToString = (ranges) => ranges.join("");
var parseClass = (glob, position) => {
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let uflag = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = glob.charAt(i);
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return ["$.", false, glob.length - pos, true];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          uflag = uflag || u;
          continue WHILE;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(c));
      } else if (c === rangeStart) {
        ranges.push(braceEscape(c));
      }
      rangeStart = "";
      i++;
      continue;
    }
    if (glob.startsWith("-]", i + 1)) {
      ranges.push(braceEscape(c + "-"));
      i += 2;
      continue;
    }
    if (glob.startsWith("-", i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(braceEscape(c));
    i++;
  }
  if (endPos < i) {
    return ["", false, 0, false];
  }
  if (!ranges.length && !negs.length) {
    return ["$.", false, glob.length - pos, true];
  }
  if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
    const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
    return [regexpEscape(r), false, endPos - pos, false];
  }
  const sranges = "[" + (negate ? "^" : "") + rangesToString(ranges) + "]";
  const snegs = "[" + (negate ? "" : "^") + rangesToString(negs) + "]";
  const comb = ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs;
  return [comb, uflag, endPos - pos, true];
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/ast.js
var _a;
var types = /* @__PURE__ */ new Set(["!", "?", "+", "*", "@"]);
var isExtglobType = (c) => types.has(c);
var isExtglobAST = (c) => isExtglobType(c.type);
var adoptionMap = /* @__PURE__ */ new Map([
  ["!", ["@"]],
  ["?", ["?", "@"]],
  ["@", ["@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@"]]
]);
var adoptionWithSpaceMap = /* @__PURE__ */ new Map([
  ["!", ["?"]],
  ["@", ["?"]],
  ["+", ["?", "*"]]
]);
var adoptionAnyMap = /* @__PURE__ */ new Map([
  ["!", ["?", "@"]],
  ["?", ["?", "@"]],
  ["@", ["?", "@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@", "?", "*"]]
]);
var usurpMap = /* @__PURE__ */ new Map([
  ["!", /* @__PURE__ */ new Map([["!", "@"]])],
  [
    "?",
    /* @__PURE__ */ new Map([
      ["*", "*"],
      ["+", "*"]
    ])
  ],
  [
    "@",
    /* @__PURE__ */ new Map([
      ["!", "!"],
      ["?", "?"],
      ["@", "@"],
      ["*", "*"],
      ["+", "+"]
    ])
  ],
  [
    "+",
    /* @__PURE__ */ new Map([
      ["?", "*"],
      ["*", "*"]
    ])
  ]
]);
var startNoTraversal = "(?!(?:^|/)\\.\\.?(?:$|/))";
var startNoDot = "(?!\\.)";
var addPatternStart = /* @__PURE__ */ new Set(["[", "."]);
var justDots = /* @__PURE__ */ new Set(["..", "."]);
var reSpecials = new Set("().*{}+?[]^$\\!");
var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var qmark = "[^/]";
var star = qmark + "*?";
var starNoEmpty = qmark + "+?";
var ID = 0;
var AST = class {
  type;
  #root;
  #hasMagic;
  #uflag = false;
  #parts = [];
  #parent;
  #parentIndex;
  #negs;
  #filledNegs = false;
  #options;
  #toString;
  // set to true if it's an extglob with no children
  // (which really means one child of '')
  #emptyExt = false;
  id = ++ID;
  get depth() {
    return (this.#parent?.depth ?? -1) + 1;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return {
      "@@type": "AST",
      id: this.id,
      type: this.type,
      root: this.#root.id,
      parent: this.#parent?.id,
      depth: this.depth,
      partsLength: this.#parts.length,
      parts: this.#parts
    };
  }
  constructor(type, parent, options = {}) {
    this.type = type;
    if (type)
      this.#hasMagic = true;
    this.#parent = parent;
    this.#root = this.#parent ? this.#parent.#root : this;
    this.#options = this.#root === this ? options : this.#root.#options;
    this.#negs = this.#root === this ? [] : this.#root.#negs;
    if (type === "!" && !this.#root.#filledNegs)
      this.#negs.push(this);
    this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
  }
  get hasMagic() {
    if (this.#hasMagic !== void 0)
      return this.#hasMagic;
    for (const p of this.#parts) {
      if (typeof p === "string")
        continue;
      if (p.type || p.hasMagic)
        return this.#hasMagic = true;
    }
    return this.#hasMagic;
  }
  // reconstructs the pattern
  toString() {
    return this.#toString !== void 0 ? this.#toString : !this.type ? this.#toString = this.#parts.map((p) => String(p)).join("") : this.#toString = this.type + "(" + this.#parts.map((p) => String(p)).join("|") + ")";
  }
  #fillNegs() {
    if (this !== this.#root)
      throw new Error("should only call on root");
    if (this.#filledNegs)
      return this;
    this.toString();
    this.#filledNegs = true;
    let n;
    while (n = this.#negs.pop()) {
      if (n.type !== "!")
        continue;
      let p = n;
      let pp = p.#parent;
      while (pp) {
        for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
          for (const part of n.#parts) {
            if (typeof part === "string") {
              throw new Error("string part in extglob AST??");
            }
            part.copyIn(pp.#parts[i]);
          }
        }
        p = pp;
        pp = p.#parent;
      }
    }
    return this;
  }
  push(...parts2) {
    for (const p of parts2) {
      if (p === "")
        continue;
      if (typeof p !== "string" && !(p instanceof _a && p.#parent === this)) {
        throw new Error("invalid part: " + p);
      }
      this.#parts.push(p);
    }
  }
  toJSON() {
    const ret = this.type === null ? this.#parts.slice().map((p) => typeof p === "string" ? p : p.toJSON()) : [this.type, ...this.#parts.map((p) => p.toJSON())];
    if (this.isStart() && !this.type)
      ret.unshift([]);
    if (this.isEnd() && (this === this.#root || this.#root.#filledNegs && this.#parent?.type === "!")) {
      ret.push({});
    }
    return ret;
  }
  isStart() {
    if (this.#root === this)
      return true;
    if (!this.#parent?.isStart())
      return false;
    if (this.#parentIndex === 0)
      return true;
    const p = this.#parent;
    for (let i = 0; i < this.#parentIndex; i++) {
      const pp = p.#parts[i];
      if (!(pp instanceof _a && pp.type === "!")) {
        return false;
      }
    }
    return true;
  }
  isEnd() {
    if (this.#root === this)
      return true;
    if (this.#parent?.type === "!")
      return true;
    if (!this.#parent?.isEnd())
      return false;
    if (!this.type)
      return this.#parent?.isEnd();
    const pl = this.#parent ? this.#parent.#parts.length : 0;
    return this.#parentIndex === pl - 1;
  }
  copyIn(part) {
    if (typeof part === "string")
      this.push(part);
    else
      this.push(part.clone(this));
  }
  clone(parent) {
    const c = new _a(this.type, parent);
    for (const p of this.#parts) {
      c.copyIn(p);
    }
    return c;
  }
  static #parseAST(str, ast, pos, opt, extDepth) {
    const maxDepth = opt.maxExtglobRecursion ?? 2;
    let escaping = false;
    let inBrace = false;
    let braceStart = -1;
    let braceNeg = false;
    if (ast.type === null) {
      let i2 = pos;
      let acc2 = "";
      while (i2 < str.length) {
        const c = str.charAt(i2++);
        if (escaping || c === "\\") {
          escaping = !escaping;
          acc2 += c;
          continue;
        }
        if (inBrace) {
          if (i2 === braceStart + 1) {
            if (c === "^" || c === "!") {
              braceNeg = true;
            }
          } else if (c === "]" && !(i2 === braceStart + 2 && braceNeg)) {
            inBrace = false;
          }
          acc2 += c;
          continue;
        } else if (c === "[") {
          inBrace = true;
          braceStart = i2;
          braceNeg = false;
          acc2 += c;
          continue;
        }
        const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i2) === "(" && extDepth <= maxDepth;
        if (doRecurse) {
          ast.push(acc2);
          acc2 = "";
          const ext2 = new _a(c, ast);
          i2 = _a.#parseAST(str, ext2, i2, opt, extDepth + 1);
          ast.push(ext2);
          continue;
        }
        acc2 += c;
      }
      ast.push(acc2);
      return i2;
    }
    let i = pos + 1;
    let part = new _a(null, ast);
    const parts2 = [];
    let acc = "";
    while (i < str.length) {
      const c = str.charAt(i++);
      if (escaping || c === "\\") {
        escaping = !escaping;
        acc += c;
        continue;
      }
      if (inBrace) {
        if (i === braceStart + 1) {
          if (c === "^" || c === "!") {
            braceNeg = true;
          }
        } else if (c === "]" && !(i === braceStart + 2 && braceNeg)) {
          inBrace = false;
        }
        acc += c;
        continue;
      } else if (c === "[") {
        inBrace = true;
        braceStart = i;
        braceNeg = false;
        acc += c;
        continue;
      }
      const doRecurse = !opt.noext && isExtglobType(c) && str.charAt(i) === "(" && /* c8 ignore start - the maxDepth is sufficient here */
      (extDepth <= maxDepth || ast && ast.#canAdoptType(c));
      if (doRecurse) {
        const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
        part.push(acc);
        acc = "";
        const ext2 = new _a(c, part);
        part.push(ext2);
        i = _a.#parseAST(str, ext2, i, opt, extDepth + depthAdd);
        continue;
      }
      if (c === "|") {
        part.push(acc);
        acc = "";
        parts2.push(part);
        part = new _a(null, ast);
        continue;
      }
      if (c === ")") {
        if (acc === "" && ast.#parts.length === 0) {
          ast.#emptyExt = true;
        }
        part.push(acc);
        acc = "";
        ast.push(...parts2, part);
        return i;
      }
      acc += c;
    }
    ast.type = null;
    ast.#hasMagic = void 0;
    ast.#parts = [str.substring(pos - 1)];
    return i;
  }
  #canAdoptWithSpace(child) {
    return this.#canAdopt(child, adoptionWithSpaceMap);
  }
  #canAdopt(child, map = adoptionMap) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canAdoptType(gc.type, map);
  }
  #canAdoptType(c, map = adoptionAnyMap) {
    return !!map.get(this.type)?.includes(c);
  }
  #adoptWithSpace(child, index) {
    const gc = child.#parts[0];
    const blank = new _a(null, gc, this.options);
    blank.#parts.push("");
    gc.push(blank);
    this.#adopt(child, index);
  }
  #adopt(child, index) {
    const gc = child.#parts[0];
    this.#parts.splice(index, 1, ...gc.#parts);
    for (const p of gc.#parts) {
      if (typeof p === "object")
        p.#parent = this;
    }
    this.#toString = void 0;
  }
  #canUsurpType(c) {
    const m = usurpMap.get(this.type);
    return !!m?.has(c);
  }
  #canUsurp(child) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null || this.#parts.length !== 1) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canUsurpType(gc.type);
  }
  #usurp(child) {
    const m = usurpMap.get(this.type);
    const gc = child.#parts[0];
    const nt = m?.get(gc.type);
    if (!nt)
      return false;
    this.#parts = gc.#parts;
    for (const p of this.#parts) {
      if (typeof p === "object") {
        p.#parent = this;
      }
    }
    this.type = nt;
    this.#toString = void 0;
    this.#emptyExt = false;
  }
  static fromGlob(pattern, options = {}) {
    const ast = new _a(null, void 0, options);
    _a.#parseAST(pattern, ast, 0, options, 0);
    return ast;
  }
  // returns the regular expression if there's magic, or the unescaped
  // string if not.
  toMMPattern() {
    if (this !== this.#root)
      return this.#root.toMMPattern();
    const glob = this.toString();
    const [re, body, hasMagic, uflag] = this.toRegExpSource();
    const anyMagic = hasMagic || this.#hasMagic || this.#options.nocase && !this.#options.nocaseMagicOnly && glob.toUpperCase() !== glob.toLowerCase();
    if (!anyMagic) {
      return body;
    }
    const flags = (this.#options.nocase ? "i" : "") + (uflag ? "u" : "");
    return Object.assign(new RegExp(`^${re}$`, flags), {
      _src: re,
      _glob: glob
    });
  }
  get options() {
    return this.#options;
  }
  // returns the string match, the regexp source, whether there's magic
  // in the regexp (so a regular expression is required) and whether or
  // not the uflag is needed for the regular expression (for posix classes)
  // TODO: instead of injecting the start/end at this point, just return
  // the BODY of the regexp, along with the start/end portions suitable
  // for binding the start/end in either a joined full-path makeRe context
  // (where we bind to (^|/), or a standalone matchPart context (where
  // we bind to ^, and not /).  Otherwise slashes get duped!
  //
  // In part-matching mode, the start is:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: ^(?!\.\.?$)
  // - if dots allowed or not possible: ^
  // - if dots possible and not allowed: ^(?!\.)
  // end is:
  // - if not isEnd(): nothing
  // - else: $
  //
  // In full-path matching mode, we put the slash at the START of the
  // pattern, so start is:
  // - if first pattern: same as part-matching mode
  // - if not isStart(): nothing
  // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
  // - if dots allowed or not possible: /
  // - if dots possible and not allowed: /(?!\.)
  // end is:
  // - if last pattern, same as part-matching mode
  // - else nothing
  //
  // Always put the (?:$|/) on negated tails, though, because that has to be
  // there to bind the end of the negated pattern portion, and it's easier to
  // just stick it in now rather than try to inject it later in the middle of
  // the pattern.
  //
  // We can just always return the same end, and leave it up to the caller
  // to know whether it's going to be used joined or in parts.
  // And, if the start is adjusted slightly, can do the same there:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
  // - if dots allowed or not possible: (?:/|^)
  // - if dots possible and not allowed: (?:/|^)(?!\.)
  //
  // But it's better to have a simpler binding without a conditional, for
  // performance, so probably better to return both start options.
  //
  // Then the caller just ignores the end if it's not the first pattern,
  // and the start always gets applied.
  //
  // But that's always going to be $ if it's the ending pattern, or nothing,
  // so the caller can just attach $ at the end of the pattern when building.
  //
  // So the todo is:
  // - better detect what kind of start is needed
  // - return both flavors of starting pattern
  // - attach $ at the end of the pattern when creating the actual RegExp
  //
  // Ah, but wait, no, that all only applies to the root when the first pattern
  // is not an extglob. If the first pattern IS an extglob, then we need all
  // that dot prevention biz to live in the extglob portions, because eg
  // +(*|.x*) can match .xy but not .yx.
  //
  // So, return the two flavors if it's #root and the first child is not an
  // AST, otherwise leave it to the child AST to handle it, and there,
  // use the (?:^|/) style of start binding.
  //
  // Even simplified further:
  // - Since the start for a join is eg /(?!\.) and the start for a part
  // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
  // or start or whatever) and prepend ^ or / at the Regexp construction.
  toRegExpSource(allowDot) {
    const dot = allowDot ?? !!this.#options.dot;
    if (this.#root === this) {
      this.#flatten();
      this.#fillNegs();
    }
    if (!isExtglobAST(this)) {
      const noEmpty = this.isStart() && this.isEnd() && !this.#parts.some((s) => typeof s !== "string");
      const src = this.#parts.map((p) => {
        const [re, _, hasMagic, uflag] = typeof p === "string" ? _a.#parseGlob(p, this.#hasMagic, noEmpty) : p.toRegExpSource(allowDot);
        this.#hasMagic = this.#hasMagic || hasMagic;
        this.#uflag = this.#uflag || uflag;
        return re;
      }).join("");
      let start2 = "";
      if (this.isStart()) {
        if (typeof this.#parts[0] === "string") {
          const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
          if (!dotTravAllowed) {
            const aps = addPatternStart;
            const needNoTrav = (
              // dots are allowed, and the pattern starts with [ or .
              dot && aps.has(src.charAt(0)) || // the pattern starts with \., and then [ or .
              src.startsWith("\\.") && aps.has(src.charAt(2)) || // the pattern starts with \.\., and then [ or .
              src.startsWith("\\.\\.") && aps.has(src.charAt(4))
            );
            const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
            start2 = needNoTrav ? startNoTraversal : needNoDot ? startNoDot : "";
          }
        }
      }
      let end = "";
      if (this.isEnd() && this.#root.#filledNegs && this.#parent?.type === "!") {
        end = "(?:$|\\/)";
      }
      const final2 = start2 + src + end;
      return [
        final2,
        unescape(src),
        this.#hasMagic = !!this.#hasMagic,
        this.#uflag
      ];
    }
    const repeated = this.type === "*" || this.type === "+";
    const start = this.type === "!" ? "(?:(?!(?:" : "(?:";
    let body = this.#partsToRegExp(dot);
    if (this.isStart() && this.isEnd() && !body && this.type !== "!") {
      const s = this.toString();
      const me = this;
      me.#parts = [s];
      me.type = null;
      me.#hasMagic = void 0;
      return [s, unescape(this.toString()), false, false];
    }
    let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ? "" : this.#partsToRegExp(true);
    if (bodyDotAllowed === body) {
      bodyDotAllowed = "";
    }
    if (bodyDotAllowed) {
      body = `(?:${body})(?:${bodyDotAllowed})*?`;
    }
    let final = "";
    if (this.type === "!" && this.#emptyExt) {
      final = (this.isStart() && !dot ? startNoDot : "") + starNoEmpty;
    } else {
      const close = this.type === "!" ? (
        // !() must match something,but !(x) can match ''
        "))" + (this.isStart() && !dot && !allowDot ? startNoDot : "") + star + ")"
      ) : this.type === "@" ? ")" : this.type === "?" ? ")?" : this.type === "+" && bodyDotAllowed ? ")" : this.type === "*" && bodyDotAllowed ? `)?` : `)${this.type}`;
      final = start + body + close;
    }
    return [
      final,
      unescape(body),
      this.#hasMagic = !!this.#hasMagic,
      this.#uflag
    ];
  }
  #flatten() {
    if (!isExtglobAST(this)) {
      for (const p of this.#parts) {
        if (typeof p === "object") {
          p.#flatten();
        }
      }
    } else {
      let iterations = 0;
      let done = false;
      do {
        done = true;
        for (let i = 0; i < this.#parts.length; i++) {
          const c = this.#parts[i];
          if (typeof c === "object") {
            c.#flatten();
            if (this.#canAdopt(c)) {
              done = false;
              this.#adopt(c, i);
            } else if (this.#canAdoptWithSpace(c)) {
              done = false;
              this.#adoptWithSpace(c, i);
            } else if (this.#canUsurp(c)) {
              done = false;
              this.#usurp(c);
            }
          }
        }
      } while (!done && ++iterations < 10);
    }
    this.#toString = void 0;
  }
  #partsToRegExp(dot) {
    return this.#parts.map((p) => {
      if (typeof p === "string") {
        throw new Error("string type in extglob ast??");
      }
      const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
      this.#uflag = this.#uflag || uflag;
      return re;
    }).filter((p) => !(this.isStart() && this.isEnd()) || !!p).join("|");
  }
  static #parseGlob(glob, hasMagic, noEmpty = false) {
    let escaping = false;
    let re = "";
    let uflag = false;
    let inStar = false;
    for (let i = 0; i < glob.length; i++) {
      const c = glob.charAt(i);
      if (escaping) {
        escaping = false;
        re += (reSpecials.has(c) ? "\\" : "") + c;
        continue;
      }
      if (c === "*") {
        if (inStar)
          continue;
        inStar = true;
        re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
        hasMagic = true;
        continue;
      } else {
        inStar = false;
      }
      if (c === "\\") {
        if (i === glob.length - 1) {
          re += "\\\\";
        } else {
          escaping = true;
        }
        continue;
      }
      if (c === "[") {
        const [src, needUflag, consumed, magic] = parseClass(glob, i);
        if (consumed) {
          re += src;
          uflag = uflag || needUflag;
          i += consumed - 1;
          hasMagic = hasMagic || magic;
          continue;
        }
      }
      if (c === "?") {
        re += qmark;
        hasMagic = true;
        continue;
      }
      re += regExpEscape(c);
    }
    return [re, unescape(glob), !!hasMagic, uflag];
  }
};
_a = AST;

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&");
  }
  return windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
};

// node_modules/minimatch/dist/esm/index.js
var minimatch = (p, pattern, options = {}) => {
  assertValidPattern(pattern);
  if (!options.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return new Minimatch(pattern, options).match(p);
};
var starDotExtRE = /^\*+([^+@!?*[(]*)$/;
var starDotExtTest = (ext2) => (f) => !f.startsWith(".") && f.endsWith(ext2);
var starDotExtTestDot = (ext2) => (f) => f.endsWith(ext2);
var starDotExtTestNocase = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => !f.startsWith(".") && f.toLowerCase().endsWith(ext2);
};
var starDotExtTestNocaseDot = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => f.toLowerCase().endsWith(ext2);
};
var starDotStarRE = /^\*+\.\*+$/;
var starDotStarTest = (f) => !f.startsWith(".") && f.includes(".");
var starDotStarTestDot = (f) => f !== "." && f !== ".." && f.includes(".");
var dotStarRE = /^\.\*+$/;
var dotStarTest = (f) => f !== "." && f !== ".." && f.startsWith(".");
var starRE = /^\*+$/;
var starTest = (f) => f.length !== 0 && !f.startsWith(".");
var starTestDot = (f) => f.length !== 0 && f !== "." && f !== "..";
var qmarksRE = /^\?+([^+@!?*[(]*)?$/;
var qmarksTestNocase = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestNocaseDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTest = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTestNoExt = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && !f.startsWith(".");
};
var qmarksTestNoExtDot = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && f !== "." && f !== "..";
};
var defaultPlatform = typeof process === "object" && process ? typeof process.env === "object" && process.env && process.env.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path2 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path2.win32.sep : path2.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var qmark2 = "[^/]";
var star2 = qmark2 + "*?";
var twoStarDot = "(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?";
var twoStarNoDot = "(?:(?!(?:\\/|^)\\.).)*?";
var filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    AST: class AST extends orig.AST {
      /* c8 ignore start */
      constructor(type, parent, options = {}) {
        super(type, parent, ext(def, options));
      }
      /* c8 ignore stop */
      static fromGlob(pattern, options = {}) {
        return orig.AST.fromGlob(pattern, ext(def, options));
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var regExpEscape2 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  regexp;
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    const awe = "allowWindowsEscape";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[awe] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.regexp = null;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.make();
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  debug(..._) {
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.braceExpand())];
    if (options.debug) {
      this.debug = (...args) => console.error(...args);
    }
    this.debug(this.pattern, this.globSet);
    const rawGlobParts = this.globSet.map((s) => this.slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.debug(this.pattern, this.globParts);
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && !globMagic.test(s[3]);
        const isDrive = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, 4),
            ...s.slice(4).map((ss) => this.parse(ss))
          ];
        } else if (isDrive) {
          return [s[0], ...s.slice(1).map((ss) => this.parse(ss))];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.debug(this.pattern, set);
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && typeof p[3] === "string" && /^[a-z]:$/i.test(p[3])) {
          p[2] = "?";
        }
      }
    }
    this.debug(this.pattern, this.set);
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts2) => {
      let gs = -1;
      while (-1 !== (gs = parts2.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts2[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts2.splice(gs, i - gs);
        }
      }
      return parts2;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts2) => {
      parts2 = parts2.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts2.length === 0 ? [""] : parts2;
    });
  }
  levelTwoFileOptimize(parts2) {
    if (!Array.isArray(parts2)) {
      parts2 = this.slashSplit(parts2);
    }
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts2.length - 1; i++) {
          const p = parts2[i];
          if (i === 1 && p === "" && parts2[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts2.splice(i, 1);
            i--;
          }
        }
        if (parts2[0] === "." && parts2.length === 2 && (parts2[1] === "." || parts2[1] === "")) {
          didSomething = true;
          parts2.pop();
        }
      }
      let dd = 0;
      while (-1 !== (dd = parts2.indexOf("..", dd + 1))) {
        const p = parts2[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
          didSomething = true;
          parts2.splice(dd - 1, 2);
          dd -= 2;
        }
      }
    } while (didSomething);
    return parts2.length === 0 ? [""] : parts2;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts2 of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts2.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts2[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts2.splice(gs + 1, gss - gs);
          }
          let next = parts2[gs + 1];
          const p = parts2[gs + 2];
          const p2 = parts2[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          didSomething = true;
          parts2.splice(gs, 1);
          const other = parts2.slice(0);
          other[gs] = "**";
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts2.length - 1; i++) {
            const p = parts2[i];
            if (i === 1 && p === "" && parts2[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts2.splice(i, 1);
              i--;
            }
          }
          if (parts2[0] === "." && parts2.length === 2 && (parts2[1] === "." || parts2[1] === "")) {
            didSomething = true;
            parts2.pop();
          }
        }
        let dd = 0;
        while (-1 !== (dd = parts2.indexOf("..", dd + 1))) {
          const p = parts2[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts2[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts2.splice(dd - 1, 2, ...splin);
            if (parts2.length === 0)
              parts2.push("");
            dd -= 2;
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
  //
  // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
  // ^-- not valid because ** doens't follow symlinks
  secondPhasePreProcess(globParts) {
    for (let i = 0; i < globParts.length - 1; i++) {
      for (let j = i + 1; j < globParts.length; j++) {
        const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
        if (matched) {
          globParts[i] = [];
          globParts[j] = matched;
          break;
        }
      }
    }
    return globParts.filter((gs) => gs.length);
  }
  partsMatch(a, b, emptyGSMatch = false) {
    let ai = 0;
    let bi = 0;
    let result2 = [];
    let which = "";
    while (ai < a.length && bi < b.length) {
      if (a[ai] === b[bi]) {
        result2.push(which === "b" ? b[bi] : a[ai]);
        ai++;
        bi++;
      } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
        result2.push(a[ai]);
        ai++;
      } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
        result2.push(b[bi]);
        bi++;
      } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
        if (which === "b")
          return false;
        which = "a";
        result2.push(a[ai]);
        ai++;
        bi++;
      } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
        if (which === "a")
          return false;
        which = "b";
        result2.push(b[bi]);
        ai++;
        bi++;
      } else {
        return false;
      }
    }
    return a.length === b.length && result2;
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // set partial to true to test if, for example,
  // "/a/b" matches the start of "/*/b/*/d"
  // Partial means, if you run out of file before you run
  // out of pattern, then that's fine, as long as all
  // the parts match.
  matchOne(file, pattern, partial = false) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          pattern[pdi] = fd;
          patternStartIndex = pdi;
          fileStartIndex = fdi;
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      file = this.levelTwoFileOptimize(file);
    }
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const [head, body, tail] = partial ? [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1),
      []
    ] : [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1, lastgs),
      pattern.slice(lastgs + 1)
    ];
    if (head.length) {
      const fileHead = file.slice(fileIndex, fileIndex + head.length);
      if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i2 = fileIndex; i2 < file.length - fileTailMatch; i2++) {
        const f = String(file[i2]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    const bodySegments = [[[], 0]];
    let currentBody = bodySegments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        currentBody = [[], 0];
        bodySegments.push(currentBody);
      } else {
        currentBody[0].push(b);
        nonGsParts++;
      }
    }
    let i = bodySegments.length - 1;
    const fileLength = file.length - fileTailMatch;
    for (const b of bodySegments) {
      b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
    }
    return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      for (let i = fileIndex; i < file.length; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, after] = bs;
    while (fileIndex <= after) {
      const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
        if (sub !== false) {
          return sub;
        }
      }
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      this.debug("matchOne loop");
      let p = pattern[pi];
      let f = file[fi];
      this.debug(pattern, p, f);
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      let hit;
      if (typeof p === "string") {
        hit = f === p;
        this.debug("string match", p, f, hit);
      } else {
        hit = p.test(f);
        this.debug("pattern match", p, f, hit);
      }
      if (!hit)
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    let m;
    let fastTest = null;
    if (m = pattern.match(starRE)) {
      fastTest = options.dot ? starTestDot : starTest;
    } else if (m = pattern.match(starDotExtRE)) {
      fastTest = (options.nocase ? options.dot ? starDotExtTestNocaseDot : starDotExtTestNocase : options.dot ? starDotExtTestDot : starDotExtTest)(m[1]);
    } else if (m = pattern.match(qmarksRE)) {
      fastTest = (options.nocase ? options.dot ? qmarksTestNocaseDot : qmarksTestNocase : options.dot ? qmarksTestDot : qmarksTest)(m);
    } else if (m = pattern.match(starDotStarRE)) {
      fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
    } else if (m = pattern.match(dotStarRE)) {
      fastTest = dotStarTest;
    }
    const re = AST.fromGlob(pattern, this.options).toMMPattern();
    if (fastTest && typeof re === "object") {
      Reflect.defineProperty(re, "test", { value: fastTest });
    }
    return re;
  }
  makeRe() {
    if (this.regexp || this.regexp === false)
      return this.regexp;
    const set = this.set;
    if (!set.length) {
      this.regexp = false;
      return this.regexp;
    }
    const options = this.options;
    const twoStar = options.noglobstar ? star2 : options.dot ? twoStarDot : twoStarNoDot;
    const flags = new Set(options.nocase ? ["i"] : []);
    let re = set.map((pattern) => {
      const pp = pattern.map((p) => {
        if (p instanceof RegExp) {
          for (const f of p.flags.split(""))
            flags.add(f);
        }
        return typeof p === "string" ? regExpEscape2(p) : p === GLOBSTAR ? GLOBSTAR : p._src;
      });
      pp.forEach((p, i) => {
        const next = pp[i + 1];
        const prev = pp[i - 1];
        if (p !== GLOBSTAR || prev === GLOBSTAR) {
          return;
        }
        if (prev === void 0) {
          if (next !== void 0 && next !== GLOBSTAR) {
            pp[i + 1] = "(?:\\/|" + twoStar + "\\/)?" + next;
          } else {
            pp[i] = twoStar;
          }
        } else if (next === void 0) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + ")?";
        } else if (next !== GLOBSTAR) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + "\\/)" + next;
          pp[i + 1] = GLOBSTAR;
        }
      });
      const filtered = pp.filter((p) => p !== GLOBSTAR);
      if (this.partial && filtered.length >= 1) {
        const prefixes = [];
        for (let i = 1; i <= filtered.length; i++) {
          prefixes.push(filtered.slice(0, i).join("/"));
        }
        return "(?:" + prefixes.join("|") + ")";
      }
      return filtered.join("/");
    }).join("|");
    const [open, close] = set.length > 1 ? ["(?:", ")"] : ["", ""];
    re = "^" + open + re + close + "$";
    if (this.partial) {
      re = "^(?:\\/|" + open + re.slice(1, -1) + close + ")$";
    }
    if (this.negate)
      re = "^(?!" + re + ").+$";
    try {
      this.regexp = new RegExp(re, [...flags].join(""));
    } catch {
      this.regexp = false;
    }
    return this.regexp;
  }
  slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    this.debug("match", f, this.pattern);
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    if (this.isWindows) {
      f = f.split("\\").join("/");
    }
    const ff = this.slashSplit(f);
    this.debug(this.pattern, "split", ff);
    const set = this.set;
    this.debug(this.pattern, "set", set);
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (const pattern of set) {
      let file = ff;
      if (options.matchBase && pattern.length === 1) {
        file = [filename];
      }
      const hit = this.matchOne(file, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/detect/path-matcher.ts
function normalizePath(path14) {
  return path14.replaceAll("\\", "/").replace(/^(?:\.\/)+/, "");
}
function compilePathMatcher(globs, regexes = []) {
  if (globs.length === 0 && regexes.length === 0) return void 0;
  let matcher;
  return (path14) => (matcher ??= buildMatcher(globs, regexes))(path14);
}
function buildMatcher(globs, regexes) {
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, matchBase: true, nocomment: true }));
  const tests = regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, "")));
  return (path14) => {
    const normalized = normalizePath(path14);
    return matchers.some((matcher) => matcher.match(normalized)) || tests.some((regex) => regex.test(normalized));
  };
}

// src/detect/allowlist.ts
function compileAllowlist(allowlist, key) {
  const compiled2 = {
    key,
    and: allowlist.condition === "and",
    regexes: allowlist.regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, ""))),
    target: allowlist.regexTarget,
    stopwords: allowlist.stopwords.map((word) => word.toLowerCase())
  };
  const paths = compilePathMatcher(allowlist.paths, allowlist.pathRegexes);
  if (paths) compiled2.paths = paths;
  if (allowlist.commits?.length) compiled2.commits = new Set(allowlist.commits);
  return compiled2;
}
function hasPlaceCriteria(allowlist) {
  return allowlist.paths !== void 0 || allowlist.commits !== void 0;
}
function contentVerdict(allowlist, candidate) {
  const { regexes, stopwords } = allowlist;
  const regexHit = regexes.length > 0 && regexes.some((regex) => regex.test(targetText(allowlist.target, candidate)));
  const stopwordHit = stopwords.length > 0 && containsStopword(candidate.secret, stopwords);
  const reason = regexHit ? "allowlist-regex" : "allowlist-stopword";
  if (!allowlist.and) return regexHit || stopwordHit ? reason : void 0;
  if (regexes.length > 0 && !regexHit || stopwords.length > 0 && !stopwordHit) return void 0;
  return hasPlaceCriteria(allowlist) ? "pending" : reason;
}
function placeAllows(allowlist, path14, commit) {
  const pathHit = allowlist.paths?.(path14);
  const commitHit = allowlist.commits && commit !== void 0 ? allowlist.commits.has(commit) : allowlist.commits ? false : void 0;
  if (allowlist.and) return pathHit !== false && commitHit !== false && (pathHit === true || commitHit === true);
  return pathHit === true || commitHit === true;
}
function targetText(target, candidate) {
  return target === "secret" ? candidate.secret : target === "match" ? candidate.match() : candidate.line();
}
function containsStopword(secret, stopwords) {
  const lower = secret.toLowerCase();
  return stopwords.some((word) => lower.includes(word));
}

// src/detect/compile-engine.ts
init_keyword_index();
init_keyword_prefilter();

// src/detect/rule-guard.ts
import fs4 from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
var RULE_TIME_BUDGET_MS = 5e3;
var WORKER_FILE = new URL("./rule-guard-worker.js", import.meta.url);
var loadedWorkerThreads;
var workerThreads = () => loadedWorkerThreads ??= createRequire(import.meta.url)("node:worker_threads");
var RuleGuard = class {
  constructor(rules, budgetMs = RULE_TIME_BUDGET_MS) {
    this.rules = rules;
    this.budgetMs = budgetMs;
  }
  rules;
  budgetMs;
  #running;
  /** Run from TypeScript sources there is no worker file: the rules run unguarded (as the app's repository rules need dist/). */
  static available() {
    return fs4.existsSync(fileURLToPath(WORKER_FILE));
  }
  /** The rule's matches where selected; past the budget, its worker is stopped. */
  matches(text, selected) {
    const running = this.#running ??= this.#start();
    if (running.text !== text) {
      running.port.postMessage({ text });
      running.text = text;
    }
    const before = Atomics.load(running.answered, 0);
    running.port.postMessage({ index: selected.index, starts: selected.starts, spans: selected.spans });
    const deadline = performance.now() + this.budgetMs;
    while (Atomics.load(running.answered, 0) === before) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(running.answered, 0, before, left) === "timed-out") {
        this.#stop();
        return { ok: false, reason: `ran past its ${this.budgetMs / 1e3}s time budget` };
      }
    }
    const answer = workerThreads().receiveMessageOnPort(running.port)?.message;
    if (!answer) return { ok: false, reason: "its worker gave no answer" };
    return "matches" in answer ? { ok: true, matches: answer.matches } : { ok: false, reason: `failed: ${answer.error}` };
  }
  #start() {
    const { MessageChannel, Worker: Worker2 } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const worker = new Worker2(WORKER_FILE, {
      workerData: { rules: this.rules, answered, port: port2 },
      transferList: [port2]
    });
    worker.unref();
    return { worker, port: port1, answered: new Int32Array(answered) };
  }
  /** Terminating interrupts even a regex in mid-match; the next rule gets a fresh worker. */
  #stop() {
    const running = this.#running;
    this.#running = void 0;
    running.port.close();
    void running.worker.terminate();
  }
};

// src/detect/compile-engine.ts
init_plan_engine();
function assembleEngine(config, extraRules, plan, fingerprintKey = FingerprintKey.random()) {
  const rules = [...config.rules, ...extraRules];
  const anchored = new Set(plan.anchored);
  const allowlistByKey = /* @__PURE__ */ new Map();
  const keep = (allowlist) => (allowlistByKey.set(allowlist.key, allowlist), allowlist);
  const globals = config.allowlists.map((allowlist, index) => ({
    targets: allowlist.targetRules,
    compiled: keep(compileAllowlist(allowlist, `global:${index}`))
  }));
  const ruleById = /* @__PURE__ */ new Map();
  const engineRules = rules.map((rule, index) => {
    if (ruleById.has(rule.id)) throw new ConfigError(`${rule.source}: rule id "${rule.id}" is defined twice`);
    const flags = rule.regex.flags.replace(/[gyd]/g, "");
    let scanner;
    const engineRule = {
      rule,
      index,
      get scanner() {
        return scanner ??= new RegExp(rule.regex.source, `${flags}g`);
      },
      allowlists: [
        ...rule.allowlists.map((allowlist, n) => keep(compileAllowlist(allowlist, `rule:${rule.id}:${n}`))),
        ...globals.filter(({ targets }) => targets?.includes(rule.id)).map(({ compiled: compiled2 }) => compiled2)
      ],
      bypass: rule.bypassAllowlists === true,
      specificity: rule.tags.includes("generic") ? 0 : 1,
      guarded: rule.untrusted === true && RuleGuard.available()
    };
    const paths = compilePathMatcher(rule.paths, rule.pathRegexes);
    if (paths) {
      engineRule.paths = paths;
      engineRule.specificity = 0;
    }
    if (anchored.has(index)) {
      let anchor;
      Object.defineProperty(engineRule, "anchor", { enumerable: true, configurable: true, get: () => anchor ??= new RegExp(rule.regex.source, `${flags}y`) });
      const casedStarts = plan.casedStarts[index];
      if (casedStarts) engineRule.casedStarts = casedStarts;
    }
    ruleById.set(rule.id, engineRule);
    return engineRule;
  });
  const { keywords, keywordIdsByRule, inlineAllowIds } = indexKeywords(rules);
  const rulesByKeyword = keywords.map(() => []);
  keywordIdsByRule.forEach((ids, index) => ids.forEach((id) => rulesByKeyword[id].push(index)));
  const alwaysRun = rules.flatMap((rule, index) => rule.keywords.length === 0 ? [index] : []);
  const guarded = engineRules.filter((rule) => rule.guarded).map((rule) => ({
    index: rule.index,
    source: rule.scanner.source,
    flags: rule.scanner.flags.replace("g", ""),
    anchored: rule.anchor !== void 0,
    secretGroup: rule.rule.secretGroup
  }));
  return {
    rules: engineRules,
    ruleById,
    ...guarded.length > 0 ? { guard: new RuleGuard(guarded) } : {},
    prefilter: prefilterFromTables(plan.prefilter),
    rulesByKeyword,
    keywordIdsByRule,
    alwaysRun,
    inlineAllowIds,
    allowlists: globals.filter(({ targets }) => !targets?.length).map(({ compiled: compiled2 }) => compiled2),
    allowlistByKey,
    version: engineVersion(config, extraRules),
    maxFileSize: config.maxFileSize,
    fingerprintKey
  };
}
function engineVersion(config, extraRules) {
  if (extraRules.length === 0) return config.rulesetVersion;
  const hash = createHash("sha256").update(config.rulesetVersion);
  for (const rule of extraRules) {
    hash.update(JSON.stringify([
      rule.id,
      rule.regex.source,
      rule.regex.flags,
      rule.secretGroup,
      rule.keywords,
      rule.entropy,
      rule.checksum ?? null,
      rule.paths,
      rule.bypassAllowlists ?? false,
      rule.allowlists.length
    ]));
  }
  return hash.digest("hex");
}

// src/detect/detect-content.ts
init_types();
init_encoded_segments();
init_inline_allow();
init_count_below();
init_line_index();

// src/detect/list-cap.ts
var MAX_LISTED_PER_RULE = 1e3;
function capListed(items, keyOf2) {
  const listed = [];
  const notListed = /* @__PURE__ */ new Map();
  const counts2 = /* @__PURE__ */ new Map();
  const summaries = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = keyOf2(item);
    if (key === void 0) {
      listed.push(item);
      continue;
    }
    const summary = summaries.get(key);
    if (summary !== void 0) {
      notListed.set(summary, notListed.get(summary) + 1);
      continue;
    }
    const count = (counts2.get(key) ?? 0) + 1;
    counts2.set(key, count);
    if (count > MAX_LISTED_PER_RULE) {
      summaries.set(key, item);
      notListed.set(item, 1);
    }
    listed.push(item);
  }
  return { listed, notListed };
}
function summaryDescription(description, notListed) {
  return `${description}: ${notListed} more in this file from here on, not listed (at most ${MAX_LISTED_PER_RULE} per file and rule)`;
}

// src/detect/judge-candidate.ts
init_checksum();

// src/detect/entropy.ts
var counts = new Uint32Array(65536);
function shannonEntropy(text) {
  const length = text.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) counts[text.charCodeAt(i)]++;
  let entropy = 0;
  for (let i = 0; i < length; i++) {
    const code2 = text.charCodeAt(i);
    const count = counts[code2];
    if (count === 0) continue;
    const p = count / length;
    entropy -= p * Math.log2(p);
    counts[code2] = 0;
  }
  return entropy;
}

// src/detect/judge-candidate.ts
init_line_index();

// src/detect/placeholder.ts
var TEMPLATE = /\$\{|\{\{|<[A-Za-z][\w .-]*>|%(?:\(\w+\))?[sv]|^\$\(?[A-Za-z_][\w.]*\)?$|^%[A-Za-z_]\w*%$|^@[A-Za-z_]\w*@$/;
var NON_VALUES = /* @__PURE__ */ new Set(["true", "false", "null", "nil", "none", "undefined", "empty", "secret", "password", "token"]);
var MASK = /([xX*•#.])\1{4,}|…/;
var PHRASE = new RegExp(
  [
    "your[-_. ]?(?:[a-z]+[-_. ]?){0,2}(?:key|token|secret|password|passwd|pass|pwd)",
    "(?:some|my)[-_. ]?(?:secret|password|passwd)",
    "(?:key|token|secret|password)[-_. ]?here",
    "change[-_. ]?(?:me|it|this)",
    "replace[-_. ]?(?:me|this|with)",
    "(?:insert|enter|put|paste)[-_. ]?(?:your|here|the)",
    "not[-_. ]?a[-_. ]?real",
    "placeholder",
    "redacted",
    "123456789",
    "abcdefghij",
    "qwerty"
  ].join("|"),
  "i"
);
var STOPWORDS_CASELESS = /example|sample/i;
var STOPWORDS = new RegExp([
  "test123|foobar|dummy|DUMMY|Dummy|lorem|LOREM|Lorem",
  "(?<![a-z])(?:fake|mock)(?![a-z])",
  "(?<![A-Z])(?:FAKE|MOCK)(?![A-Z])",
  "(?:Fake|Mock)(?![a-z])"
].join("|"));
var BLOCK_LENGTH = 200;
var DOCUMENTATION_BLOCK = /EXAMPLE[^]*EXAMPLE/;
function placeholderReason(secret) {
  if (TEMPLATE.test(secret)) return "placeholder";
  if (secret.length > BLOCK_LENGTH) return DOCUMENTATION_BLOCK.test(secret) ? "stopword" : void 0;
  if (NON_VALUES.has(secret.toLowerCase())) return "placeholder";
  if (MASK.test(secret) || PHRASE.test(secret) || mostlyOneCharacter(secret) || digitsCountUp(secret)) return "placeholder";
  if (STOPWORDS.test(secret) || STOPWORDS_CASELESS.test(secret)) return "stopword";
  return void 0;
}
function mostlyOneCharacter(secret) {
  if (secret.length < 8) return false;
  const counts2 = /* @__PURE__ */ new Map();
  for (const ch of secret) {
    const count = (counts2.get(ch) ?? 0) + 1;
    if (count * 2 >= secret.length) return true;
    counts2.set(ch, count);
  }
  return false;
}
var COUNTING_DIGITS = 12;
function digitsCountUp(secret) {
  const digits = secret.replace(/[^0-9]/g, "");
  if (digits.length < COUNTING_DIGITS) return false;
  let successive = 0;
  for (let index = 1; index < digits.length; index++) {
    if ((Number(digits[index - 1]) + 1) % 10 === Number(digits[index])) successive++;
  }
  return successive >= 0.9 * (digits.length - 1);
}

// src/detect/structure.ts
function jsonObjectSegment(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
var PRINTABLE = /^[^\p{Cc}\uFFFD]+$/u;
function structuredValue(kind, secret) {
  switch (kind) {
    case "jwt": {
      const [header, payload] = secret.split(".");
      const decoded = header === void 0 ? void 0 : jsonObjectSegment(header);
      return typeof decoded?.alg === "string" && payload !== void 0 && jsonObjectSegment(payload) !== void 0 ? secret : void 0;
    }
    case "basic-credentials": {
      const text = Buffer.from(secret, "base64").toString("utf8");
      const colon = text.indexOf(":");
      if (colon < 0 || !PRINTABLE.test(text)) return void 0;
      const password = text.slice(colon + 1);
      return password !== "" ? password : text.slice(0, colon) || void 0;
    }
  }
}

// src/detect/judge-candidate.ts
function judgeCandidate(engine, rule, match2, text) {
  const { secret } = match2;
  const kind = rule.rule.checksum;
  const checksumValid = kind !== void 0 && hasValidChecksum(kind, secret);
  if (kind !== void 0 && !checksumValid) return { kept: false, reason: "checksum" };
  const structure = rule.rule.structure;
  const carried = structure === void 0 ? secret : structuredValue(structure, secret);
  if (carried === void 0) return { kept: false, reason: "structure" };
  const entropy = shannonEntropy(secret);
  if (rule.bypass) return { kept: true, entropy, checksumValid };
  if (entropy < rule.rule.entropy) return { kept: false, reason: "entropy" };
  const placeholder = checksumValid ? void 0 : placeholderReason(carried);
  if (placeholder) return { kept: false, reason: placeholder };
  let pending;
  if (engine.allowlists.length > 0 || rule.allowlists.length > 0) {
    const candidate = {
      secret,
      match: () => text.slice(match2.matchStart, match2.matchEnd),
      line: () => linesAround(text, match2.matchStart, match2.matchEnd)
    };
    for (const allowlist of [...engine.allowlists, ...rule.allowlists]) {
      const verdict = contentVerdict(allowlist, candidate);
      if (verdict === "pending") (pending ??= []).push(allowlist.key);
      else if (verdict !== void 0) return { kept: false, reason: verdict };
    }
  }
  return pending ? { kept: true, entropy, checksumValid, pending } : { kept: true, entropy, checksumValid };
}

// src/detect/line-local.ts
var MAX_REACH = 256;
var HEX = /^[0-9a-fA-F]+$/;
var NotLocal = class extends Error {
};
var Parser = class {
  constructor(source, dotAll) {
    this.source = source;
    this.dotAll = dotAll;
  }
  source;
  dotAll;
  #at = 0;
  /** Every lookaround reads at most the line break next to the match. */
  aroundLocal = true;
  /** The line breaks lookaheads and lookbehinds read, summed over them all (a bound). */
  ahead = 0;
  behind = 0;
  backReference = false;
  parse() {
    const alternatives = this.#alternatives();
    if (this.#at !== this.source.length) throw new NotLocal();
    return alternatives;
  }
  #alternatives() {
    const alternatives = [[]];
    while (this.#at < this.source.length) {
      const char = this.source[this.#at];
      if (char === ")") break;
      if (char === "|") {
        this.#at++;
        alternatives.push([]);
        continue;
      }
      const item = this.#item();
      if (item) alternatives.at(-1).push(item);
    }
    return alternatives;
  }
  /** One atom or group and its quantifier; undefined for an assertion that reads no character of its own. */
  #item() {
    const char = this.source[this.#at];
    let item;
    if (char === "(") item = this.#group();
    else if (char === "[") item = atom(this.#class());
    else if (char === "\\") item = this.#escape();
    else if (char === "^" || char === "$") {
      this.#at++;
      return void 0;
    } else if ("*+?{".includes(char)) throw new NotLocal();
    else {
      this.#at++;
      item = atom(char === "." ? this.dotAll : char === "\n");
    }
    const most = item && this.#quantifier();
    if (item && most !== void 0) {
      item.quantified = true;
      if (item.count > 0) item.count *= most;
    }
    return item;
  }
  /** The most repetitions the quantifier here allows, past it; undefined when there is none. */
  #quantifier() {
    const rest = this.source.slice(this.#at);
    const found = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (!found) return void 0;
    this.#at += found[0].length;
    const [, sign, exact, comma, upTo] = found;
    if (sign) return sign === "?" ? 1 : Infinity;
    return comma === void 0 ? Number(exact) : upTo ? Number(upTo) : Infinity;
  }
  #group() {
    const rest = this.source.slice(this.#at);
    const look = /^\(\?(<?[=!])/.exec(rest);
    const opening = look?.[0] ?? /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(rest)[0];
    this.#at += opening.length;
    const alternatives = this.#alternatives();
    if (this.source[this.#at] !== ")") throw new NotLocal();
    this.#at++;
    const count = Math.max(...alternatives.map(sumOfCounts));
    if (!look) return { breaks: count > 0, count, quantified: false, alternatives };
    const behind = look[1].startsWith("<");
    if (!alternatives.every((items) => readsOneBreakAtMost(behind ? [...items].reverse() : items, behind))) this.aroundLocal = false;
    if (behind) this.behind += count;
    else this.ahead += count;
    if (this.#quantifier() !== void 0) throw new NotLocal();
    return void 0;
  }
  /** A class; whether it matches a line break. */
  #class() {
    this.#at++;
    const negated = this.source[this.#at] === "^";
    if (negated) this.#at++;
    let holdsBreak = false;
    while (this.source[this.#at] !== "]") {
      if (this.#at >= this.source.length) throw new NotLocal();
      let code2;
      if (this.source[this.#at] === "\\") {
        const escaped = this.#escapedUnit();
        if (escaped === "break") holdsBreak = true;
        code2 = typeof escaped === "number" ? escaped : void 0;
      } else {
        code2 = this.source.charCodeAt(this.#at++);
      }
      if (this.source[this.#at] === "-" && this.source[this.#at + 1] !== "]" && code2 !== void 0) {
        this.#at++;
        const end = this.source[this.#at] === "\\" ? this.#escapedUnit() : this.source.charCodeAt(this.#at++);
        if (typeof end !== "number") throw new NotLocal();
        if (code2 <= 10 && end >= 10) holdsBreak = true;
        continue;
      }
      if (code2 === 10) holdsBreak = true;
    }
    this.#at++;
    return negated ? !holdsBreak : holdsBreak;
  }
  #escape() {
    const unit = this.#escapedUnit();
    return atom(unit === "break" || unit === 10);
  }
  /** The code unit an escape stands for, 'break' for a class holding the line break, 'other' for any other class or reference. */
  #escapedUnit() {
    const next = this.source[this.#at + 1];
    if (next === void 0) throw new NotLocal();
    this.#at += 2;
    if ("sWDpP".includes(next)) {
      if (next === "p" || next === "P") {
        const end = this.source.indexOf("}", this.#at);
        if (end < 0) throw new NotLocal();
        this.#at = end + 1;
      }
      return "break";
    }
    if ("SwdbB".includes(next)) return "other";
    if (next === "n") return 10;
    if (next === "r") return 13;
    if (next === "t") return 9;
    if (next === "f") return 12;
    if (next === "v") return 11;
    if (next === "x" || next === "u") {
      const braced = next === "u" && this.source[this.#at] === "{";
      const digits = braced ? this.source.slice(this.#at + 1, this.source.indexOf("}", this.#at)) : this.source.slice(this.#at, this.#at + (next === "x" ? 2 : 4));
      if (!HEX.test(digits)) throw new NotLocal();
      this.#at += digits.length + (braced ? 2 : 0);
      return parseInt(digits, 16);
    }
    if (next === "c") throw new NotLocal();
    if (next === "k") {
      const end = this.source.indexOf(">", this.#at);
      if (end < 0) throw new NotLocal();
      this.#at = end + 1;
      this.backReference = true;
      return "other";
    }
    if (/[0-9]/.test(next)) {
      if (next === "0" && !/[0-9]/.test(this.source[this.#at] ?? "")) return 0;
      while (/[0-9]/.test(this.source[this.#at] ?? "")) this.#at++;
      this.backReference = true;
      return "other";
    }
    return next.charCodeAt(0);
  }
};
function readsOneBreakAtMost(items, behind) {
  return items.every((item, i) => {
    if (!item.breaks) return true;
    if (i !== items.length - 1 || item.quantified) return false;
    if (!item.alternatives) return true;
    return item.alternatives.every((inner) => readsOneBreakAtMost(behind ? [...inner].reverse() : inner, behind));
  });
}
function atom(breaks) {
  return { breaks, count: breaks ? 1 : 0, quantified: false };
}
function sumOfCounts(items) {
  return items.reduce((sum, item) => sum + item.count, 0);
}
function lineReach(regex) {
  if (regex.flags.includes("v")) return void 0;
  let parser;
  let consumed;
  try {
    parser = new Parser(regex.source, regex.flags.includes("s"));
    consumed = Math.max(...parser.parse().map(sumOfCounts));
  } catch (error) {
    if (error instanceof NotLocal) return void 0;
    throw error;
  }
  if (consumed === 0 && parser.aroundLocal) return { forward: 0, backward: 0 };
  const forward = (consumed + parser.ahead) * (parser.backReference ? 2 : 1);
  return forward <= MAX_REACH && parser.behind <= MAX_REACH ? { forward, backward: parser.behind } : void 0;
}
function isLocalReach(reach) {
  return reach.forward === 0 && reach.backward === 0;
}

// src/detect/rule-matches.ts
var LEAD_IN = 1024;
var RUN_OUT = 16 * 1024;
function forEachRuleMatch(rule, text, visit, span) {
  const from = span ? Math.max(0, span.start - LEAD_IN) : 0;
  const subject = span ? text.slice(from, Math.min(text.length, span.end + RUN_OUT)) : text;
  const scanner = rule.scanner;
  scanner.lastIndex = span ? span.start - from : 0;
  for (let found = scanner.exec(subject); found !== null; found = scanner.exec(subject)) {
    if (found[0].length === 0) {
      scanner.lastIndex++;
      continue;
    }
    if (span && from + found.index >= span.end) break;
    visit(ruleMatch(rule, found, from));
  }
}
function forEachAnchoredMatch(rule, text, starts, visit, next = 0, stop) {
  const anchor = rule.anchor;
  const cased = rule.casedStarts;
  for (const start of starts) {
    if (stop?.(start, next)) return;
    if (start < next) continue;
    if (cased && !startsWithOneOf(text, cased, start)) continue;
    anchor.lastIndex = start;
    const found = anchor.exec(text);
    if (found === null || found[0].length === 0) continue;
    visit(ruleMatch(rule, found, 0));
    next = start + found[0].length;
  }
}
function startsWithOneOf(text, literals, at) {
  for (const literal of literals) if (text.startsWith(literal, at)) return true;
  return false;
}
function forEachSelectedMatch(rule, text, where3, visit) {
  if (where3.starts) forEachAnchoredMatch(rule, text, where3.starts, visit);
  else if (where3.spans) for (const span of where3.spans) forEachRuleMatch(rule, text, visit, span);
  else forEachRuleMatch(rule, text, visit);
}
function ruleMatch(rule, found, from) {
  const matchStart = from + found.index;
  const { secret, group } = secretOf(rule, found);
  const start = group === 0 ? matchStart : from + secretStart(rule, found, secret, group);
  return { secret, start, end: start + secret.length, matchStart, matchEnd: matchStart + found[0].length };
}
function secretOf(rule, found) {
  const group = rule.rule.secretGroup;
  if (group === 0) return { secret: found[0], group: 0 };
  const value = typeof group === "string" ? found.groups?.[group] : found[group];
  if (value) return { secret: value, group };
  for (let i = 1; i < found.length; i++) if (found[i]) return { secret: found[i], group: i };
  return { secret: found[0], group: 0 };
}
function secretStart(rule, found, secret, group) {
  const at = found[0].indexOf(secret);
  if (at >= 0 && found[0].indexOf(secret, at + 1) < 0) return found.index + at;
  const withIndices = rule.withIndices ??= new RegExp(rule.scanner.source, `${rule.scanner.flags}d`);
  withIndices.lastIndex = found.index;
  const indices = withIndices.exec(found.input).indices;
  const span = typeof group === "string" ? indices.groups[group] : indices[group];
  return span[0];
}

// src/detect/rule-carry.ts
init_count_below();
var reaches = /* @__PURE__ */ new WeakMap();
function carryReach(rule) {
  if (rule.guarded) return void 0;
  let reach = reaches.get(rule);
  if (reach === void 0) reaches.set(rule, reach = lineReach(rule.scanner) ?? null);
  return reach ?? void 0;
}
function findingsBefore(earlier, changed) {
  return earlier.matches.filter((match2) => match2.matchStart < changed.start);
}
function findingsAfter(earlier, changed) {
  const from = changed.end + changed.shift;
  return earlier.matches.filter((match2) => match2.matchStart >= from).map((match2) => shifted(match2, changed.shift));
}
function carryAnchored(rule, text, starts, earlier, dirty, changed, visit, take) {
  const { start, end } = dirty;
  const old = earlier.matches;
  let k = 0;
  for (; k < old.length && old[k].matchStart < start; k++) take(old[k]);
  let inStep = -1;
  forEachAnchoredMatch(rule, text, starts.slice(countBelow(starts, start)), visit, k > 0 ? old[k - 1].matchEnd : 0, (at, next) => {
    if (at < end || at < next) return false;
    const earlierAt = at + changed.shift;
    while (k < old.length && old[k].matchStart < earlierAt) k++;
    if (k > 0 && old[k - 1].matchEnd > earlierAt) return false;
    inStep = k;
    return true;
  });
  if (inStep >= 0) for (let j = inStep; j < old.length; j++) take(shifted(old[j], changed.shift));
}
function dirtyRegions(text, changed) {
  const regions = /* @__PURE__ */ new Map();
  return (reach) => {
    const key = `${reach.forward} ${reach.backward}`;
    let region = regions.get(key);
    if (!region) regions.set(key, region = dirtyRegion(text, changed, reach));
    return region;
  };
}
function dirtyRegion(text, changed, reach) {
  let start = changed.start;
  for (let line = 0; line < reach.forward && start > 0; line++) start = text.lastIndexOf("\n", start - 2) + 1;
  let end = changed.end;
  for (let line = 0; line < reach.backward && end < text.length; line++) {
    const lineBreak = text.indexOf("\n", end);
    end = lineBreak < 0 ? text.length : lineBreak + 1;
  }
  return { start, end };
}
function shifted(match2, shift) {
  const { matchStart, matchEnd, candidate, shadow } = match2;
  const moved = { matchStart: matchStart - shift, matchEnd: matchEnd - shift };
  if (candidate) {
    moved.candidate = { ...candidate, start: candidate.start - shift, end: candidate.end - shift, spanStart: candidate.spanStart - shift, spanEnd: candidate.spanEnd - shift };
  }
  if (shadow) moved.shadow = { ...shadow, start: shadow.start - shift, end: shadow.end - shift };
  return moved;
}

// src/detect/select-rules.ts
init_keyword_prefilter();
function selectRules(engine, prefiltered, length) {
  const selected = new Uint8Array(engine.rules.length);
  const indexes = [];
  for (const index of engine.alwaysRun) {
    selected[index] = 2;
    indexes.push(index);
  }
  for (const id of prefiltered.foundIds) {
    for (const index of engine.rulesByKeyword[id]) {
      if (selected[index] !== 0) continue;
      selected[index] = 1;
      indexes.push(index);
    }
  }
  indexes.sort((a, b) => a - b);
  const { regions } = prefiltered;
  const rules = [];
  for (const index of indexes) {
    const starts = engine.rules[index].anchor ? anchorStarts(engine, index, prefiltered, length) : void 0;
    if (starts) {
      rules.push({ index, starts });
      continue;
    }
    const spans = regions && selected[index] === 1 ? ruleSpans(engine, index, regions, length) : void 0;
    rules.push(spans ? { index, spans } : { index });
  }
  return rules;
}
function ruleSpans(engine, index, regions, length) {
  const ids = engine.keywordIdsByRule[index];
  const near = new Uint8Array(regions.length);
  regions.forEach((here, region) => {
    if (!ids.some((id) => here[id] === 1)) return;
    near[region] = 1;
    if (region > 0) near[region - 1] = 1;
    if (region + 1 < regions.length) near[region + 1] = 1;
  });
  if (near.every((flag) => flag === 1)) return void 0;
  const spans = [];
  for (let region = 0; region < near.length; region++) {
    if (near[region] === 0) continue;
    const start = region * REGION_SIZE;
    while (region + 1 < near.length && near[region + 1] === 1) region++;
    spans.push({ start, end: Math.min(length, (region + 1) * REGION_SIZE) });
  }
  return spans;
}
var ANCHOR_SPACING = 24;
function anchorStarts(engine, index, prefiltered, length) {
  const lists = [];
  let count = 0;
  for (const id of engine.keywordIdsByRule[index]) {
    const starts = prefiltered.starts[id];
    if (starts) lists.push(starts), count += starts.length;
  }
  if (count * ANCHOR_SPACING > length) return void 0;
  return lists.length === 1 ? lists[0] : lists.reduce(mergeAscending);
}
function mergeAscending(a, b) {
  const merged = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

// src/detect/run-rules.ts
var RECOGNISED = /* @__PURE__ */ new Set(["checksum", "structure", "placeholder", "stopword", "allowlist-stopword"]);
function runRules(text, prefiltered, engine, drops, carry) {
  const candidates = [];
  const shadows = [];
  const stopped = [];
  const carried = carry && { carriable: /* @__PURE__ */ new Map(), ran: /* @__PURE__ */ new Set() };
  const basis = carry?.basis;
  const dirtyRegionOf = basis && dirtyRegions(text, basis.changed);
  for (const selected of selectRules(engine, prefiltered, text.length)) {
    const { index } = selected;
    carried?.ran.add(index);
    const rule = engine.rules[index];
    const reach = carried !== void 0 && !drops && !selected.spans ? carryReach(rule) : void 0;
    const found = reach && [];
    const casts = !rule.bypass && rule.specificity > 0;
    const take = (match2) => {
      if (match2.candidate) candidates.push(match2.candidate);
      if (match2.shadow) shadows.push(match2.shadow);
      found?.push(match2);
    };
    const visit = (match2) => {
      const { matchStart, matchEnd } = match2;
      const judgement = judgeCandidate(engine, rule, match2, text);
      if (!judgement.kept) {
        drops?.push({ ruleIndex: index, offset: match2.start, reason: judgement.reason, secret: match2.secret });
        const shadow = casts && RECOGNISED.has(judgement.reason) ? { ruleIndex: index, secret: match2.secret, start: match2.start, end: match2.end } : void 0;
        take(shadow ? { matchStart, matchEnd, shadow } : { matchStart, matchEnd });
        return;
      }
      const candidate = {
        ruleIndex: index,
        secret: match2.secret,
        start: match2.start,
        end: match2.end,
        spanStart: matchStart,
        spanEnd: matchEnd,
        entropy: judgement.entropy,
        checksumValid: judgement.checksumValid,
        decodedFrom: []
      };
      if (judgement.pending) candidate.pending = judgement.pending;
      take({ matchStart, matchEnd, candidate });
    };
    const earlier = reach && basis ? basis.earlier.get(index) ?? (rule.anchor && !basis.ran.has(index) ? NONE : void 0) : void 0;
    if (earlier && reach && basis && dirtyRegionOf && selected.starts) {
      carryAnchored(rule, text, selected.starts, earlier, dirtyRegionOf(reach), basis.changed, visit, take);
    } else if (earlier && reach && basis && isLocalReach(reach)) {
      for (const match2 of findingsBefore(earlier, basis.changed)) take(match2);
      forEachRuleMatch(rule, text, visit, basis.changed);
      for (const match2 of findingsAfter(earlier, basis.changed)) take(match2);
    } else if (!rule.guarded || !engine.guard) {
      forEachSelectedMatch(rule, text, selected, visit);
    } else {
      const guarded = engine.guard.matches(text, selected);
      if (guarded.ok) for (const match2 of guarded.matches) visit(match2);
      else stopped.push({ ruleIndex: index, reason: guarded.reason });
    }
    if (found) carried?.carriable.set(index, { matches: found });
  }
  return carried ? { candidates, shadows, stopped, carried } : { candidates, shadows, stopped };
}
var NONE = { matches: [] };

// src/detect/supersede.ts
init_count_below();
init_literal_prefixes();
var SpanIndex = class {
  #starts;
  #furthestEnds;
  constructor(spans) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.#starts = sorted.map((span) => span.start);
    this.#furthestEnds = [];
    let furthest = -1;
    for (const span of sorted) this.#furthestEnds.push(furthest = Math.max(furthest, span.end));
  }
  overlaps(start, end) {
    const before = countBelow(this.#starts, end);
    return before > 0 && this.#furthestEnds[before - 1] > start;
  }
};
function withoutSuperseded(candidates, shadows, engine, drops) {
  const ruleOf = (candidate) => engine.rules[candidate.ruleIndex];
  const superseding = [];
  for (const candidate of candidates) {
    const rule = ruleOf(candidate);
    if (!rule.bypass && rule.specificity > 0) superseding.push(candidate);
  }
  const above = /* @__PURE__ */ new Map();
  const moreSpecific = (specificity) => {
    let index = above.get(specificity);
    if (!index) above.set(specificity, index = new SpanIndex(superseding.filter((other) => ruleOf(other).specificity > specificity)));
    return index;
  };
  const shadowsAt = /* @__PURE__ */ new Map();
  for (const shadow of shadows) {
    const here = shadowsAt.get(shadow.start) ?? /* @__PURE__ */ new Map();
    shadowsAt.set(shadow.start, here);
    here.set(shadow.secret, Math.max(here.get(shadow.secret) ?? 0, ruleOf(shadow).specificity));
  }
  const shadowed = (candidate, specificity) => (shadowsAt.get(candidate.start)?.get(candidate.secret) ?? 0) > specificity;
  const dropped = new Uint8Array(candidates.length);
  const drop = (at, reason = "superseded") => {
    dropped[at] = 1;
    const { ruleIndex, start, secret } = candidates[at];
    drops?.push({ ruleIndex, offset: start, reason, secret });
  };
  for (let first = 0, next = 0; first < candidates.length; first = next) {
    const samePlace = [];
    for (next = first; next < candidates.length && candidates[next].start === candidates[first].start; next++) {
      const candidate = candidates[next];
      const rule = ruleOf(candidate);
      if (rule.bypass || rule.paths) continue;
      if (superseding.length > 0 && moreSpecific(rule.specificity).overlaps(candidate.start, candidate.end)) drop(next);
      else if (rule.specificity === 0 && shadowsAt.size > 0 && shadowed(candidate, 0)) drop(next, "rejected-by-specific-rule");
      else samePlace.push(next);
    }
    if (samePlace.length > 1) keepOnePerPlace(candidates, samePlace, engine, drop);
  }
  return candidates.filter((_, at) => dropped[at] === 0);
}
function keepOnePerPlace(candidates, starting, engine, drop) {
  const place = (at) => candidates[at];
  starting.sort((a, b) => place(a).end - place(b).end || (place(a).secret < place(b).secret ? -1 : place(a).secret > place(b).secret ? 1 : 0));
  let best = starting[0];
  for (let i = 1; i < starting.length; i++) {
    const at = starting[i];
    if (place(at).end !== place(best).end || place(at).secret !== place(best).secret) {
      best = at;
    } else if (better(place(at), place(best), engine)) {
      drop(best);
      best = at;
    } else {
      drop(at);
    }
  }
}
var FORM_LITERALS = /* @__PURE__ */ new WeakMap();
function formLiterals(rule) {
  let literals = FORM_LITERALS.get(rule);
  if (!literals) {
    literals = rule.assignment ? (literalPrefixes(rule.assignment.value.replace(/^\(\?i\)/, "")) ?? []).map((literal) => literal.toLowerCase()) : rule.keywords;
    FORM_LITERALS.set(rule, literals);
  }
  return literals;
}
function better(candidate, other, engine) {
  const rule = engine.rules[candidate.ruleIndex];
  const otherRule = engine.rules[other.ruleIndex];
  if (rule.specificity !== otherRule.specificity) return rule.specificity > otherRule.specificity;
  if (candidate.checksumValid !== other.checksumValid) return candidate.checksumValid;
  const secret = candidate.secret.toLowerCase();
  const byForm = (literals) => literals.some((literal) => secret.includes(literal));
  const form = byForm(formLiterals(rule.rule));
  if (form !== byForm(formLiterals(otherRule.rule))) return form;
  const evidence = candidate.spanEnd - candidate.spanStart - (other.spanEnd - other.spanStart);
  if (evidence !== 0) return evidence > 0;
  return candidate.ruleIndex < other.ruleIndex;
}

// src/detect/detect-content.ts
var MAX_DECODE_DEPTH = 2;
function detectContent(text, engine, options = {}) {
  const { onDrop, lines } = options;
  const source = text.includes("\r\n") ? text.replaceAll("\r\n", "\n") : text;
  const drops = onDrop ? [] : void 0;
  const prefiltered = options.lineage ? options.lineage.prefilter(source, engine.prefilter) : engine.prefilter.scan(source);
  const lineage = drops ? void 0 : options.lineage;
  const { candidates, shadows, stopped } = scanLevel(source, prefiltered, engine, 1, { remaining: DECODE_BUDGET }, drops, lineage);
  const told = /* @__PURE__ */ new Set();
  for (const { ruleIndex, reason } of stopped) {
    if (!told.has(ruleIndex)) options.onRuleStopped?.(engine.rules[ruleIndex].rule.id, reason);
    told.add(ruleIndex);
  }
  const inlineMarkers = engine.inlineAllowIds.some((id) => prefiltered.found[id] === 1);
  const index = new LineIndex(source);
  const reportable = [];
  for (const candidate of withoutSuperseded(sortAndDedupe(candidates), shadows, engine, drops)) {
    const rule = engine.rules[candidate.ruleIndex];
    if (inlineMarkers && !rule.bypass && hasInlineAllow(source, candidate.spanStart, candidate.spanEnd)) {
      drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: "inline-allow" });
      continue;
    }
    const start = index.position(candidate.start);
    if (!lines || lines.has(start.line)) reportable.push({ candidate, start });
  }
  const { listed, notListed } = capListed(reportable, ({ candidate }) => engine.rules[candidate.ruleIndex].bypass || candidate.pending ? void 0 : candidate.ruleIndex);
  const matches = listed.map((item) => {
    const { candidate, start } = item;
    const end = index.position(candidate.end);
    const match2 = {
      ruleId: engine.rules[candidate.ruleIndex].rule.id,
      secret: new Secret(candidate.secret),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      entropy: candidate.entropy,
      checksumValid: candidate.checksumValid,
      decodedFrom: candidate.decodedFrom
    };
    if (candidate.pending) match2.pendingAllowlists = candidate.pending;
    const more = notListed.get(item);
    if (more !== void 0) match2.notListed = more;
    return match2;
  });
  if (onDrop && drops) {
    for (const drop of drops) {
      const dropped = { ruleId: engine.rules[drop.ruleIndex].rule.id, line: index.position(drop.offset).line, reason: drop.reason };
      if (drop.secret !== void 0) dropped.secret = new Secret(drop.secret);
      onDrop(dropped);
    }
  }
  return matches;
}
function scanLevel(text, prefiltered, engine, depth, budget, drops, lineage) {
  const found = runRules(text, prefiltered, engine, drops, lineage && { basis: lineage.basis });
  if (found.carried) lineage?.remember(found.carried);
  if (depth > MAX_DECODE_DEPTH || budget.remaining <= 0) return found;
  const segments = findEncodedSegments(text, prefiltered.base64Runs, budget);
  if (segments.length === 0) return found;
  const decoded = segments.map((segment) => segment.decoded).join("\n");
  const offsets = [];
  let offset = 0;
  for (const segment of segments) {
    offsets.push(offset);
    offset += segment.decoded.length + 1;
  }
  const segmentAt = (at) => segments[countBelow(offsets, at + 1) - 1];
  const innerDrops = drops ? [] : void 0;
  const inner = scanLevel(decoded, engine.prefilter.scan(decoded), engine, depth + 1, budget, innerDrops);
  const { candidates, shadows } = found;
  const direct = inner.candidates.length > 0 ? directPlaces(candidates) : void 0;
  for (const candidate of inner.candidates) {
    const segment = segmentAt(candidate.start);
    if (foundDirectly(direct, candidate, segment)) continue;
    candidates.push({
      ...candidate,
      start: segment.start,
      end: segment.end,
      spanStart: segment.start,
      spanEnd: segment.end,
      decodedFrom: [segment.encoding, ...candidate.decodedFrom]
    });
  }
  for (const shadow of inner.shadows) {
    const segment = segmentAt(shadow.start);
    shadows.push({ ...shadow, start: segment.start, end: segment.end });
  }
  for (const stop of inner.stopped) found.stopped.push(stop);
  for (const drop of innerDrops ?? []) drops.push({ ...drop, offset: segmentAt(drop.offset).start });
  return found;
}
function directPlaces(candidates) {
  const places = /* @__PURE__ */ new Map();
  for (const { ruleIndex, secret, start } of candidates) {
    const key = `${ruleIndex}:${secret}`;
    const starts = places.get(key);
    if (starts) starts.push(start);
    else places.set(key, [start]);
  }
  for (const starts of places.values()) starts.sort((a, b) => a - b);
  return places;
}
function foundDirectly(direct, decoded, segment) {
  const starts = direct.get(`${decoded.ruleIndex}:${decoded.secret}`);
  if (!starts) return false;
  const first = starts[countBelow(starts, segment.start)];
  return first !== void 0 && first + decoded.secret.length <= segment.end;
}
function sortAndDedupe(candidates) {
  candidates.sort((a, b) => a.start - b.start || a.ruleIndex - b.ruleIndex || a.end - b.end);
  const samePlace = (a, b) => a.start === b.start && a.ruleIndex === b.ruleIndex && a.end === b.end;
  const unique = [];
  let secrets;
  for (const candidate of candidates) {
    const previous = unique.at(-1);
    if (!previous || !samePlace(previous, candidate)) {
      secrets = void 0;
      unique.push(candidate);
      continue;
    }
    secrets ??= /* @__PURE__ */ new Set([previous.secret]);
    if (secrets.has(candidate.secret)) continue;
    secrets.add(candidate.secret);
    unique.push(candidate);
  }
  return unique;
}

// src/detect/place-matches.ts
import { createHash as createHash3 } from "node:crypto";
init_secret_hash();
var identities = /* @__PURE__ */ new WeakMap();
function placeMatches(matches, origin, engine) {
  const path14 = normalizePath(origin.path);
  const findings = [];
  for (const match2 of matches) {
    const rule = engine.ruleById.get(match2.ruleId);
    if (!rule) continue;
    if (rule.paths && !rule.paths(path14)) continue;
    if (!rule.bypass && allowedHere(engine, rule, match2, path14, origin.commit)) continue;
    findings.push(toFinding(match2, rule, origin, path14, engine));
  }
  return withoutGenericTwins(findings, engine);
}
function withoutGenericTwins(findings, engine) {
  const ruleOf = (finding) => engine.ruleById.get(finding.ruleId);
  const where3 = (finding) => `${finding.line}:${finding.column}:${finding.secretHash}`;
  const placed = new Set(findings.filter((finding) => ruleOf(finding).paths).map(where3));
  if (placed.size === 0) return findings;
  return findings.filter((finding) => ruleOf(finding).specificity > 0 || ruleOf(finding).paths !== void 0 || !placed.has(where3(finding)));
}
function allowedHere(engine, rule, match2, path14, commit) {
  for (const allowlist of engine.allowlists) {
    if (!allowlist.and && hasPlaceCriteria(allowlist) && placeAllows(allowlist, path14, commit)) return true;
  }
  for (const allowlist of rule.allowlists) {
    if (!allowlist.and && hasPlaceCriteria(allowlist) && placeAllows(allowlist, path14, commit)) return true;
  }
  for (const key of match2.pendingAllowlists ?? []) {
    const allowlist = engine.allowlistByKey.get(key);
    if (allowlist && placeAllows(allowlist, path14, commit)) return true;
  }
  return false;
}
function identityOf(secret, engine) {
  let identity = identities.get(secret);
  if (identity === void 0) {
    const plaintext = secret.reveal();
    identity = { hash: secretHash(plaintext), fingerprint: engine.fingerprintKey.fingerprint(plaintext) };
    identities.set(secret, identity);
  }
  return identity;
}
function toFinding(match2, rule, origin, path14, engine) {
  const { hash, fingerprint } = identityOf(match2.secret, engine);
  const { id, description, severity, tags, guidance } = rule.rule;
  const finding = {
    ruleId: id,
    description: match2.notListed === void 0 ? description : summaryDescription(description, match2.notListed),
    severity,
    tags,
    path: path14,
    line: match2.line,
    column: match2.column,
    endLine: match2.endLine,
    endColumn: match2.endColumn,
    secret: match2.secret,
    secretRedacted: match2.secret.redacted,
    secretHash: hash,
    secretFingerprint: fingerprint,
    entropy: match2.entropy,
    checksumValid: match2.checksumValid,
    decodedFrom: match2.decodedFrom,
    fingerprint: createHash3("sha256").update(`${id}:${path14}:${fingerprint}`).digest("hex"),
    registry: { match: false }
  };
  if (guidance !== void 0) finding.guidance = guidance;
  if (match2.notListed !== void 0) finding.notListed = match2.notListed;
  for (const key of ["repo", "commit", "within", "author", "email", "date", "message"]) {
    if (origin[key] !== void 0) finding[key] = origin[key];
  }
  return finding;
}

// src/registry/match-registry.ts
init_redact();
var fromRegistryShape = (finding) => finding.tags.includes("registry");
var placeOf = (finding) => [finding.commit ?? "", finding.path, finding.line, finding.column, finding.secretHash].join("\0");
async function matchRegistry(findings, registry) {
  if (findings.length === 0) return [];
  const records = await registry.lookup(findings.map((finding) => finding.secretHash));
  for (const finding of findings) {
    const key = records.get(finding.secretHash);
    if (!key) continue;
    finding.registry = { match: true, keyId: key.id, owner: key.owner, label: key.label, status: key.status };
    finding.secretRedacted = keyHint(key);
  }
  const registered = new Set(findings.filter((f) => fromRegistryShape(f) && f.registry.match).map(placeOf));
  const ruleFound = new Set(findings.filter((f) => !fromRegistryShape(f)).map(placeOf));
  const kept = findings.filter((finding) => {
    if (!fromRegistryShape(finding)) return !registered.has(placeOf(finding));
    return finding.registry.match || finding.checksumValid && !ruleFound.has(placeOf(finding));
  });
  const { listed, notListed } = capListed(kept, (finding) => fromRegistryShape(finding) && !finding.registry.match ? `${finding.commit ?? ""}\0${finding.path}\0${finding.ruleId}` : void 0);
  for (const [summary, count] of notListed) {
    summary.notListed = count;
    summary.description = summaryDescription(summary.description, count);
  }
  return listed;
}

// src/registry/shape-rules.ts
var CLASSES2 = {
  base62: "0-9A-Za-z",
  base64url: "0-9A-Za-z_\\-",
  hex: "0-9a-fA-F",
  base32: "A-Z2-7"
};
var TEMPLATES = { base62: "base62", base64url: "base64url", hex: "hex", base32: "base32" };
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function shapeRegex(shape) {
  const body = CLASSES2[shape.alphabet];
  const before = shape.prefix ? "" : `(?:(?<![${body}])|(?<=%[0-9A-Fa-f]{2}|\\\\[nrt]))`;
  return new RegExp(`${before}${shapePattern(shape)}(?![${body}])`);
}
function shapePattern(shape) {
  return `${escapeRegex(shape.prefix)}[${CLASSES2[shape.alphabet]}]{${shape.bodyLength}}`;
}
function exampleBody(shape) {
  return shape.checksum ? `{crc32:${shape.bodyLength - 6}}` : `{${TEMPLATES[shape.alphabet]}:${shape.bodyLength}}`;
}
function baseId(shape) {
  const name = shape.prefix.replace(/[^A-Za-z0-9._-]/g, "").replace(/[^A-Za-z0-9]+$/, "");
  return `registry-${name || `${shape.alphabet}${shape.bodyLength}`}`;
}
function rulesFromShapes(shapes) {
  const ids = /* @__PURE__ */ new Map();
  return shapes.map((shape) => {
    const base = baseId(shape);
    const seen = ids.get(base) ?? 0;
    ids.set(base, seen + 1);
    const rule = {
      id: seen === 0 ? base : `${base}-${seen + 1}`,
      description: `Registered key (${shape.prefix ? `${shape.prefix} + ` : ""}${shape.bodyLength} ${shape.alphabet} characters)`,
      provider: "Leakstop registry",
      regex: shapeRegex(shape),
      secretGroup: 0,
      keywords: shape.prefix ? [shape.prefix.toLowerCase()] : [],
      entropy: 0,
      paths: [],
      allowlists: [],
      tags: ["registry"],
      severity: "critical",
      guidance: "A key from our registry: `leakstop registry show KEY_ID` names its owner; revoke it with `leakstop revoke KEY_ID --reason \u2026 --replace`.",
      examples: { match: [{ text: `key = "\xAB${shape.prefix}${exampleBody(shape)}\xBB"` }], noMatch: [] },
      source: "registry",
      bypassAllowlists: true
    };
    if (shape.checksum) rule.checksum = shape.checksum;
    return rule;
  });
}

// src/sources/scan-stats.ts
function emptyStats() {
  return { files: 0, bytes: 0, skippedBinary: [], skippedLarge: [], skippedSpecial: [], unreadable: [], durationMs: 0 };
}

// src/pipeline/engine-cache.ts
import { createHash as createHash5 } from "node:crypto";
import fs8 from "node:fs";
import path6 from "node:path";
import v8 from "node:v8";

// src/cache-dir.ts
import os2 from "node:os";
import path3 from "node:path";
function defaultCacheDir(env = process.env) {
  const base = env.XDG_CACHE_HOME?.trim() || path3.join(os2.homedir(), ".cache");
  return path3.join(base, "leakstop");
}

// src/pipeline/engine-cache.ts
init_package_root();
init_ruleset_version();
var FORMAT = "leakstop-engine-cache 4";
var ENGINE_CACHE_FILE = "engine-cache.bin";
var SHIPPED_PLAN_FILE = path6.join(PACKAGE_ROOT, "dist", "engine-plan.bin");
async function loadPlannedConfig(options) {
  const file = path6.join(options.cacheDir ?? defaultCacheDir(), ENGINE_CACHE_FILE);
  const key = options.configPath === void 0 ? cacheKey(options.extraRules) : void 0;
  const cached = key === void 0 ? void 0 : readCache(file, key);
  if (cached) return cached;
  const planned = (key !== void 0 && options.extraRules.length === 0 ? readShippedPlan() : void 0) ?? await planAfresh(options.configPath, options.extraRules, options.onNotice);
  if (key !== void 0) writeCache(file, key, planned);
  return planned;
}
async function planAfresh(configPath, extraRules, onNotice) {
  const [{ loadConfig: loadConfig2 }, { planEngine: planEngine2 }] = await Promise.all([Promise.resolve().then(() => (init_load_config(), load_config_exports)), Promise.resolve().then(() => (init_plan_engine(), plan_engine_exports))]);
  const config = loadConfig2({ configPath, onNotice });
  return { config, plan: planEngine2([...config.rules, ...extraRules]) };
}
function readShippedPlan() {
  let key;
  try {
    key = contentKey();
  } catch {
    return void 0;
  }
  const shipped = readCache(SHIPPED_PLAN_FILE, key);
  if (!shipped) return void 0;
  const sources = shipped.config.sources.map((file) => path6.join(BUILT_IN_RULES_DIR, path6.basename(file)));
  return { ...shipped, config: { ...shipped.config, sources } };
}
var ruleFiles = () => fs8.readdirSync(BUILT_IN_RULES_DIR).filter((name) => name.endsWith(".toml")).sort();
var contentKey = () => keyOf(ruleFiles().map((name) => ({ name, text: fs8.readFileSync(path6.join(BUILT_IN_RULES_DIR, name), "utf8") })), []);
function keyOf(sources, extraRules) {
  const { version } = JSON.parse(fs8.readFileSync(path6.join(PACKAGE_ROOT, "package.json"), "utf8"));
  return createHash5("sha256").update(`leakstop ${version}\0${rulesetVersion(sources)}\0`).update(serialize(extraRules)).digest("hex");
}
function cacheKey(extraRules) {
  try {
    return keyOf(ruleFiles().map((name) => {
      const { size, mtimeNs } = fs8.statSync(path6.join(BUILT_IN_RULES_DIR, name), { bigint: true });
      return { name, text: `${size} ${mtimeNs}` };
    }), extraRules);
  } catch {
    return void 0;
  }
}
function readCache(file, key) {
  let bytes;
  try {
    bytes = fs8.readFileSync(file);
  } catch {
    return void 0;
  }
  let headerEnd = -1;
  for (let line = 0; line < 3; line++) {
    headerEnd = bytes.indexOf(10, headerEnd + 1);
    if (headerEnd < 0) return void 0;
  }
  const [format, storedKey, digest] = bytes.toString("latin1", 0, headerEnd).split("\n");
  if (format !== FORMAT || storedKey !== key) return void 0;
  const payload = bytes.subarray(headerEnd + 1);
  if (createHash5("sha256").update(payload).digest("hex") !== digest) return void 0;
  try {
    return v8.deserialize(payload);
  } catch {
    return void 0;
  }
}
function writeCache(file, key, planned) {
  try {
    writeCacheFile(file, key, planned, 384);
  } catch {
  }
}
function writeCacheFile(file, key, planned, mode) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const payload = v8.serialize({ ...planned, config: { ...planned.config, rules: planned.config.rules.map(withoutExamples) } });
    const digest = createHash5("sha256").update(payload).digest("hex");
    fs8.mkdirSync(path6.dirname(file), { recursive: true, mode: 448 });
    fs8.writeFileSync(temporary, Buffer.concat([Buffer.from(`${FORMAT}
${key}
${digest}
`, "latin1"), payload]), { mode });
    fs8.renameSync(temporary, file);
  } catch (error) {
    fs8.rmSync(temporary, { force: true });
    throw error;
  }
}
var withoutExamples = (rule) => ({ ...rule, examples: { match: [], noMatch: [] } });
function serialize(value) {
  return JSON.stringify(value, (_key, item) => item instanceof RegExp ? { $regex: [item.source, item.flags] } : item);
}

// src/pipeline/run-scan.ts
async function prepareScan(options) {
  const registryRules = options.registry ? rulesFromShapes(await options.registry.shapes()) : [];
  const { config: loaded, plan } = await loadPlannedConfig({ configPath: options.configPath, extraRules: registryRules, cacheDir: options.cacheDir, onNotice: options.onNotice });
  const config = options.maxFileSize === void 0 ? loaded : { ...loaded, maxFileSize: options.maxFileSize };
  return { config, registryRules, engine: assembleEngine(config, registryRules, plan, options.fingerprintKey), plan, registry: options.registry };
}
async function attachRegistry(result2, prepared) {
  if (!prepared.registry) return result2;
  return { ...result2, findings: await matchRegistry(result2.findings, prepared.registry) };
}

// src/pipeline/scan-history.ts
import os4 from "node:os";
init_plan_engine();

// src/sources/git-command.ts
init_errors();
import { spawnSync } from "node:child_process";
function askGit(cwd, args, input2) {
  const result2 = spawnSync("git", args, { cwd, input: input2, maxBuffer: 1 << 30 });
  if (result2.error) throw new SourceError(`cannot run git: ${result2.error.message}`);
  return result2.status === 0 ? { ok: true, stdout: result2.stdout } : { ok: false, reason: result2.stderr.toString().trim().split("\n")[0] ?? "" };
}
function runGit(cwd, args, input2) {
  const answer = askGit(cwd, args, input2);
  if (!answer.ok) throw new SourceError(`git ${args[0]} failed in ${cwd}: ${answer.reason}`);
  return answer.stdout;
}

// src/sources/history/display-path.ts
function displayPath(raw) {
  if (!/[^\x00-\x7f]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let shown = "";
    for (const byte of bytes) shown += byte < 128 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return shown;
  }
}

// src/sources/history/select-revs.ts
init_errors();
import fs9 from "node:fs";
import path7 from "node:path";
function openRepository(repoPath) {
  const dir = path7.resolve(repoPath);
  if (!fs9.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SourceError(`${repoPath} is not a directory; give the path of a git work tree or bare repository`);
  }
  const answer = askGit(dir, ["rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--is-shallow-repository", "--git-common-dir"]);
  if (!answer.ok && !/not a git repository/i.test(answer.reason)) throw new SourceError(`${repoPath}: ${answer.reason}`);
  const [bare, inWorkTree, shallow, commonDir = ""] = answer.ok ? answer.stdout.toString().split("\n") : [];
  if (bare !== "true" && inWorkTree !== "true") {
    throw new SourceError(`${repoPath} is not a git repository; give the path of a work tree or bare repository`);
  }
  return { dir, commonDir: path7.resolve(dir, commonDir), shallow: shallow === "true" };
}
var ALL_BUT_NOTES = ["--exclude=refs/notes/*", "--all"];
function walksAllRefs(selection) {
  return selection.args.includes(ALL_BUT_NOTES[1]);
}
function checkedRev(rev, what) {
  if (rev === "" || rev.startsWith("-") || /[\s\0]/.test(rev)) throw new UsageError(`${what} "${rev}" is not a revision`);
  return rev;
}
function commitOf(repo, name) {
  const answer = askGit(repo.dir, ["rev-parse", "--verify", "--quiet", `${name}^{commit}`]);
  return answer.ok && answer.stdout.toString().trim() || void 0;
}
function resolveCommit(repo, rev, what) {
  const commit = commitOf(repo, checkedRev(rev, what));
  if (commit) return commit;
  throw new SourceError(`${what} "${rev}" is not a commit in ${repo.dir}; check the name with git log`);
}
function branchCommit(repo, branch) {
  checkedRev(branch, "--branch");
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/${branch}`]) {
    const commit = commitOf(repo, ref);
    if (commit) return commit;
  }
  throw new SourceError(`--branch "${branch}" is not a branch of ${repo.dir}; see git branch -a`);
}
function stashCommits(repo) {
  const listing = askGit(repo.dir, ["reflog", "show", "--format=%H", "refs/stash", "--"]);
  return listing.ok ? listing.stdout.toString().split("\n").filter((line) => /^[0-9a-f]{40,64}$/.test(line)) : [];
}
function selectRevs(repo, narrowing2) {
  const exclusive = [narrowing2.range && "--range", narrowing2.branch && "--branch", narrowing2.revs && "a revision list"].filter(Boolean);
  if (exclusive.length > 1) throw new UsageError(`choose one of ${exclusive.join(" and ")}`);
  if (narrowing2.range && narrowing2.since) throw new UsageError("--range already has a start; drop --since");
  if (narrowing2.revs) {
    for (const rev of narrowing2.revs) checkedRev(rev.startsWith("^") ? rev.slice(1) : rev, "revision");
    return { args: [], stdin: narrowing2.revs };
  }
  const excluded = narrowing2.since ? [`^${resolveCommit(repo, narrowing2.since, "--since")}`] : [];
  if (narrowing2.range) {
    const parts2 = narrowing2.range.split("..");
    if (parts2.length !== 2 || !parts2[0] || !parts2[1]) throw new UsageError(`--range must be A..B, not "${narrowing2.range}"`);
    const [from, to] = [resolveCommit(repo, parts2[0], "--range start"), resolveCommit(repo, parts2[1], "--range end")];
    return { args: [], stdin: [to, `^${from}`] };
  }
  if (narrowing2.branch) return { args: [], stdin: [branchCommit(repo, narrowing2.branch), ...excluded] };
  return { args: [...ALL_BUT_NOTES], stdin: [...stashCommits(repo), ...excluded] };
}

// src/sources/history/commit-texts.ts
var TEXT_MARK = "\0";
function readRefs(repoDir) {
  const listing = runGit(repoDir, ["for-each-ref", "--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)"]);
  return listing.toString("latin1").split("\n").filter(Boolean).map((line) => {
    const [name = "", type = "", id = "", peeledType = "", peeled = ""] = line.split("\0");
    return { name, type, id, peeledType, peeled };
  });
}
function listNotes(repoDir, ref) {
  const listing = runGit(repoDir, ["notes", `--ref=${ref}`, "list"]).toString("latin1");
  return listing.split("\n").filter(Boolean).map((line) => {
    const [blob = "", annotated = ""] = line.split(" ");
    return { blob, annotated };
  });
}
function unlistedTags(repoDir, revs) {
  if (revs.length === 0) return [];
  const types3 = runGit(repoDir, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], Buffer.from(`${revs.join("\n")}
`)).toString("latin1");
  const tags = [];
  for (const line of types3.split("\n")) {
    const [id = "", type] = line.split(" ");
    if (type !== "tag") continue;
    const header = runGit(repoDir, ["cat-file", "tag", id]).toString("latin1").split("\n\n")[0];
    const field = (name) => header.split("\n").find((row2) => row2.startsWith(`${name} `))?.slice(name.length + 1);
    const commit = field("object");
    if (field("type") === "commit" && commit) tags.push({ object: id, within: `tag ${field("tag") ?? id.slice(0, 12)}`, commit, always: true });
  }
  return tags;
}
function attachedTexts(repoDir, selection) {
  const pushed = new Set(selection.stdin.filter((rev) => !rev.startsWith("^")));
  const everyRef = walksAllRefs(selection);
  const texts = [];
  for (const ref of readRefs(repoDir)) {
    if (ref.name.startsWith("refs/notes/")) {
      if (ref.type !== "commit") continue;
      for (const note of listNotes(repoDir, ref.name)) texts.push({ object: note.blob, within: `note ${ref.name}`, commit: note.annotated, always: everyRef });
    } else if (ref.type === "tag" && ref.peeledType === "commit") {
      texts.push({ object: ref.id, within: `tag ${ref.name.replace(/^refs\/tags\//, "")}`, commit: ref.peeled, always: pushed.has(ref.id) });
    }
  }
  const attached = new Set(texts.map((text) => text.object));
  texts.push(...unlistedTags(repoDir, [...pushed].filter((id) => !attached.has(id))));
  return texts;
}
function commitNumbers(index, wanted) {
  const numbers = /* @__PURE__ */ new Map();
  for (let commit = 0; commit < index.commitCount && numbers.size < wanted.size; commit++) {
    const sha = index.commitSha(commit);
    if (wanted.has(sha)) numbers.set(sha, commit);
  }
  return numbers;
}
function addCommitTexts(repoDir, index, selection) {
  const walked = index.commitCount;
  for (let commit = 0; commit < walked; commit++) index.addPlace(index.commitSha(commit), `${TEXT_MARK}message`, commit);
  const texts = attachedTexts(repoDir, selection);
  if (texts.length === 0) return;
  const numbers = commitNumbers(index, new Set(texts.map((text) => text.commit)));
  for (const text of texts) {
    let commit = numbers.get(text.commit);
    if (commit === void 0) {
      if (!text.always) continue;
      commit = index.addCommit(text.commit);
      numbers.set(text.commit, commit);
    }
    index.addPlace(text.object, `${TEXT_MARK}${text.within}`, commit);
  }
}
function shownPlace(index, place) {
  if (!place.path.startsWith(TEXT_MARK)) return { path: displayPath(place.path) };
  return { path: `commit:${index.commitSha(place.commit)}`, within: displayPath(place.path.slice(TEXT_MARK.length)) };
}

// src/pipeline/history/attribute-findings.ts
var byPosition = (a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
function placeAll(found, index, engine, repo) {
  const placed = [];
  for (const { blob, matches } of found) {
    for (const place of index.placesOf(blob)) {
      const { path: path14, within } = shownPlace(index, place);
      const origin = { repo, commit: index.commitSha(place.commit), path: path14, ...within === void 0 ? {} : { within } };
      const findings = placeMatches(matches, origin, engine).sort(byPosition);
      const occurrences = /* @__PURE__ */ new Map();
      for (const finding of findings) {
        const secret = `${finding.ruleId}\0${finding.secretHash}`;
        const nth = occurrences.get(secret) ?? 0;
        occurrences.set(secret, nth + 1);
        placed.push({ finding, commit: place.commit, occurrence: `${path14}\0${within ?? ""}\0${secret}\0${nth}` });
      }
    }
  }
  return placed;
}
function attributeFindings(found, index, engine, repo) {
  const oldest = /* @__PURE__ */ new Map();
  for (const placed of placeAll(found, index, engine, repo)) {
    const kept = oldest.get(placed.occurrence);
    if (!kept || placed.commit > kept.commit) oldest.set(placed.occurrence, placed);
  }
  return [...oldest.values()].sort((a, b) => a.commit - b.commit || (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : 0) || byPosition(a.finding, b.finding)).map(({ finding, commit }) => ({ finding, commit }));
}

// src/sources/read-text.ts
import { isAscii } from "node:buffer";

// node_modules/binary-extensions/binary-extensions.json
var binary_extensions_default = [
  "3dm",
  "3ds",
  "3g2",
  "3gp",
  "7z",
  "a",
  "aac",
  "adp",
  "afdesign",
  "afphoto",
  "afpub",
  "ai",
  "aif",
  "aiff",
  "alz",
  "ape",
  "apk",
  "appimage",
  "ar",
  "arj",
  "asf",
  "au",
  "avi",
  "bak",
  "baml",
  "bh",
  "bin",
  "bk",
  "bmp",
  "btif",
  "bz2",
  "bzip2",
  "cab",
  "caf",
  "cgm",
  "class",
  "cmx",
  "cpio",
  "cr2",
  "cr3",
  "cur",
  "dat",
  "dcm",
  "dds",
  "deb",
  "dex",
  "djvu",
  "dll",
  "dmg",
  "dng",
  "doc",
  "docm",
  "docx",
  "dot",
  "dotm",
  "dra",
  "DS_Store",
  "dsk",
  "dts",
  "dtshd",
  "dvb",
  "dwg",
  "dxf",
  "dylib",
  "ecelp4800",
  "ecelp7470",
  "ecelp9600",
  "egg",
  "eol",
  "eot",
  "epub",
  "exe",
  "f4v",
  "fbs",
  "fh",
  "fla",
  "flac",
  "flatpak",
  "fli",
  "flv",
  "fpx",
  "fst",
  "fvt",
  "g3",
  "gh",
  "gif",
  "graffle",
  "gz",
  "gzip",
  "h261",
  "h263",
  "h264",
  "icns",
  "ico",
  "ief",
  "img",
  "ipa",
  "iso",
  "jar",
  "jpeg",
  "jpg",
  "jpgv",
  "jpm",
  "jxr",
  "key",
  "ktx",
  "lha",
  "lib",
  "lvp",
  "lz",
  "lzh",
  "lzma",
  "lzo",
  "m3u",
  "m4a",
  "m4v",
  "mar",
  "mdi",
  "mht",
  "mid",
  "midi",
  "mj2",
  "mka",
  "mkv",
  "mmr",
  "mng",
  "mobi",
  "mov",
  "movie",
  "mp3",
  "mp4",
  "mp4a",
  "mpeg",
  "mpg",
  "mpga",
  "msi",
  "msp",
  "mxu",
  "nef",
  "npx",
  "numbers",
  "nupkg",
  "o",
  "odp",
  "ods",
  "odt",
  "oga",
  "ogg",
  "ogv",
  "otf",
  "ott",
  "p12",
  "pages",
  "pbm",
  "pcx",
  "pdb",
  "pdf",
  "pea",
  "pfx",
  "pgm",
  "pic",
  "png",
  "pnm",
  "pot",
  "potm",
  "potx",
  "ppa",
  "ppam",
  "ppm",
  "pps",
  "ppsm",
  "ppsx",
  "ppt",
  "pptm",
  "pptx",
  "psd",
  "pya",
  "pyc",
  "pyo",
  "pyv",
  "qt",
  "rar",
  "ras",
  "raw",
  "resources",
  "rgb",
  "rip",
  "rlc",
  "rmf",
  "rmvb",
  "rpm",
  "rtf",
  "rz",
  "s3m",
  "s7z",
  "scpt",
  "sgi",
  "shar",
  "snap",
  "sil",
  "sketch",
  "slk",
  "smv",
  "snk",
  "so",
  "sqlite",
  "sqlite3",
  "stl",
  "suo",
  "sub",
  "swf",
  "tar",
  "tbz",
  "tbz2",
  "tga",
  "tgz",
  "thmx",
  "tif",
  "tiff",
  "tlz",
  "ttc",
  "ttf",
  "txz",
  "udf",
  "uvh",
  "uvi",
  "uvm",
  "uvp",
  "uvs",
  "uvu",
  "viv",
  "vob",
  "war",
  "wasm",
  "wav",
  "wax",
  "wbmp",
  "wdp",
  "weba",
  "webm",
  "webp",
  "whl",
  "wim",
  "wm",
  "wma",
  "wmv",
  "wmx",
  "woff",
  "woff2",
  "wrm",
  "wvx",
  "xbm",
  "xif",
  "xla",
  "xlam",
  "xls",
  "xlsb",
  "xlsm",
  "xlsx",
  "xlt",
  "xltm",
  "xltx",
  "xm",
  "xmind",
  "xpi",
  "xpm",
  "xwd",
  "xz",
  "z",
  "zip",
  "zipx"
];

// node_modules/binary-extensions/index.js
var binary_extensions_default2 = binary_extensions_default;

// src/sources/read-text.ts
var BINARY_EXTENSIONS = new Set(binary_extensions_default2.map((extension) => `.${extension}`));
var SNIFF_BYTES = 8e3;
var TEXT_CONTROLS = /* @__PURE__ */ new Set([9, 10, 12, 13]);
function detectEncoding(bytes) {
  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  const bom = bytes[0] === 255 && bytes[1] === 254 ? "utf-16le" : bytes[0] === 254 && bytes[1] === 255 ? "utf-16be" : void 0;
  if (!sniffed.includes(0)) {
    return bom && !sniffed.includes(10) ? bom : "utf-8";
  }
  const pairs = Math.floor(sniffed.byteLength / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (sniffed[2 * pair] === 0) zeroEven++;
    if (sniffed[2 * pair + 1] === 0) zeroOdd++;
  }
  const mostly = (count) => count >= pairs * 0.5;
  const hardly = (count) => count <= pairs * 0.02;
  const candidate = bom ?? (mostly(zeroOdd) && hardly(zeroEven) ? "utf-16le" : mostly(zeroEven) && hardly(zeroOdd) ? "utf-16be" : void 0);
  if (!candidate) return "binary";
  const high = candidate === "utf-16le" ? 1 : 0;
  let controls = 0;
  for (let pair = 0; pair < pairs; pair++) {
    const unit = sniffed[2 * pair + high] << 8 | sniffed[2 * pair + 1 - high];
    if (unit < 32 && !TEXT_CONTROLS.has(unit)) controls++;
  }
  return hardly(controls) ? candidate : "binary";
}
var UTF8_BLOCK = 16 * 1024;
function decodeUtf8(bytes) {
  if (isAscii(bytes)) return bytes.toString("latin1");
  const parts2 = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(bytes.length, start + UTF8_BLOCK);
    while (end < bytes.length && (bytes[end] & 192) === 128) end++;
    parts2.push(bytes.toString(isAscii(bytes.subarray(start, end)) ? "latin1" : "utf8", start, end));
    start = end;
  }
  return parts2.join("");
}
function decode(bytes, encoding) {
  if (encoding === "utf-8") return decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return new TextDecoder(encoding).decode(bytes);
}
function decodeText(bytes) {
  const encoding = detectEncoding(bytes);
  return decode(bytes, encoding === "binary" ? "utf-8" : encoding);
}
function toText(bytes, maxSize) {
  if (bytes.byteLength > maxSize) return { kind: "large", size: bytes.byteLength };
  const encoding = detectEncoding(bytes);
  if (encoding === "binary") return { kind: "binary" };
  return { kind: "text", text: decode(bytes, encoding) };
}

// src/pipeline/history/cached-matches.ts
function toCachedMatches(matches, key) {
  if (matches.some((match2) => match2.decodedFrom.length > 0)) return void 0;
  return matches.map(({ secret, ...place }) => ({ ...place, secretFingerprint: key.fingerprint(secret) }));
}
function lineStarts(text, lines) {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0 && starts.length < lines; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}
function rebuildMatches(bytes, cached, key) {
  const decoded = decodeText(bytes);
  const text = decoded.includes("\r\n") ? decoded.replaceAll("\r\n", "\n") : decoded;
  const starts = lineStarts(text, cached.reduce((last, match2) => Math.max(last, match2.endLine), 0));
  const rebuilt = [];
  for (const { secretFingerprint, ...place } of cached) {
    const from = starts[place.line - 1];
    const to = starts[place.endLine - 1];
    if (from === void 0 || to === void 0) return void 0;
    const secret = text.slice(from + place.column - 1, to + place.endColumn - 1);
    if (key.fingerprint(secret) !== secretFingerprint) return void 0;
    rebuilt.push({ ...place, secret });
  }
  return rebuilt;
}

// src/sources/history/commit-info.ts
var FIELD = "";
function readCommitInfo(repoDir, shas) {
  const info = /* @__PURE__ */ new Map();
  if (shas.length === 0) return info;
  const format = ["%H", "%an", "%ae", "%aI", "%s"].join("%x1f");
  const input2 = Buffer.from(shas.map((sha) => `${sha}
`).join(""));
  const output = runGit(repoDir, ["log", "--no-walk=unsorted", "--stdin", "-z", "--no-color", `--format=${format}`], input2).toString("utf8");
  for (const record of output.split("\0")) {
    const [sha, author = "", email = "", date = "", message = ""] = record.split(FIELD);
    if (sha) info.set(sha, { author, email, date, message });
  }
  return info;
}

// src/pipeline/detect-blob.ts
init_types();
function detectBlob(bytes, engine, lineage) {
  const text = toText(bytes, Number.POSITIVE_INFINITY);
  if (text.kind !== "text") return { kind: "binary" };
  const stopped = [];
  const matches = detectContent(text.text, engine, { onRuleStopped: (ruleId, reason) => stopped.push({ ruleId, reason }), lineage });
  const incomplete = stopped.length > 0 ? { stopped } : {};
  if (matches.length === 0) return { kind: "clean", ...incomplete };
  return { kind: "matches", matches: matches.map((match2) => ({ ...match2, secret: match2.secret.reveal() })), ...incomplete };
}
function wrapMatches(matches) {
  return matches.map((match2) => ({ ...match2, secret: new Secret(match2.secret) }));
}

// src/pipeline/detect-pool.ts
init_errors();
import fs11 from "node:fs";
import os3 from "node:os";
import { fileURLToPath as fileURLToPath3 } from "node:url";
import { Worker } from "node:worker_threads";

// src/sources/read-file-bytes.ts
init_errno_text();
import fs10 from "node:fs";
function readFileBytes(file, maxSize, allocate = Buffer.allocUnsafe) {
  let fd;
  try {
    fd = fs10.openSync(file, "r");
  } catch (error) {
    return unreadable(error);
  }
  try {
    const size = fs10.fstatSync(fd).size;
    if (size > maxSize) return { kind: "large", size };
    const bytes = allocate(size);
    let read = 0;
    while (read < size) {
      const n = fs10.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { kind: "bytes", bytes: bytes.subarray(0, read) };
  } catch (error) {
    return unreadable(error);
  } finally {
    fs10.closeSync(fd);
  }
}
function unreadable(error) {
  return { kind: "unreadable", reason: errnoText(error) };
}

// src/sources/read-stream.ts
init_errno_text();

// src/pipeline/detect-file.ts
function detectBytes(read, engine) {
  if (read.kind !== "bytes") return read;
  return { ...detectBlob(read.bytes, engine), size: read.bytes.byteLength };
}
var REUSED_BYTES = 1 << 20;
var scratch2;
function reusedBuffer(size) {
  if (size > REUSED_BYTES) return Buffer.allocUnsafe(size);
  scratch2 ??= Buffer.allocUnsafeSlow(REUSED_BYTES);
  return scratch2.subarray(0, size);
}
function detectFile(file, engine) {
  return detectBytes(readFileBytes(file, engine.maxFileSize, reusedBuffer), engine);
}

// src/detect/file-lineage.ts
var FileLineage = class {
  #trace;
  /** Holds the last version's code units: reused from version to version, not a string kept per version. */
  #buffer = new Uint16Array(0);
  /** What the rules found on the version before the one just prefiltered (none: they were not remembered), and on this one. */
  #earlier;
  #latest;
  #changed;
  /** The prefilter's result for `text`, the next version of this file; remembered for the one after. */
  prefilter(text, prefilter) {
    const { result: result2, trace } = prefilter.scanTraced(text, this.#trace);
    if (this.#buffer.length < trace.units.length) this.#buffer = new Uint16Array(Math.max(trace.units.length, 2 * this.#buffer.length));
    const units = this.#buffer.subarray(0, trace.units.length);
    units.set(trace.units);
    this.#trace = { ...trace, units };
    this.#earlier = this.#latest;
    this.#latest = void 0;
    this.#changed = trace.unchanged && changedLines(text, trace.unchanged);
    return result2;
  }
  /** What the rules may carry from the earlier version to the one just prefiltered; undefined: they all run whole. */
  get basis() {
    if (!this.#changed || !this.#earlier) return void 0;
    return { earlier: this.#earlier.carriable, ran: this.#earlier.ran, changed: this.#changed };
  }
  /** Keeps what the rules found on the version just prefiltered, for the next. */
  remember(run) {
    this.#latest = run;
  }
  /** Code units this lineage holds on to. */
  get size() {
    return this.#buffer.length;
  }
};
function changedLines(text, unchanged) {
  const start = unchanged.prefix === 0 ? 0 : text.lastIndexOf("\n", unchanged.prefix - 1) + 1;
  const lineBreak = text.indexOf("\n", text.length - unchanged.suffix);
  return { start, end: lineBreak < 0 ? text.length : lineBreak + 1, shift: unchanged.shift };
}

// src/pipeline/file-lineages.ts
var KEPT_UNITS = 2 << 20;
var FileLineages = class {
  #byPath = /* @__PURE__ */ new Map();
  #units = 0;
  /** Runs `detect` with the lineage of `path` (none: without one), which then remembers this version. */
  detect(path14, detect) {
    if (path14 === void 0) return detect();
    const lineage = this.#byPath.get(path14) ?? new FileLineage();
    this.#byPath.delete(path14);
    this.#units -= lineage.size;
    try {
      return detect(lineage);
    } finally {
      this.#byPath.set(path14, lineage);
      this.#units += lineage.size;
      for (const [oldest, kept] of this.#byPath) {
        if (this.#units <= KEPT_UNITS) break;
        this.#byPath.delete(oldest);
        this.#units -= kept.size;
      }
    }
  }
};

// src/pipeline/detect-pool.ts
function fewCores() {
  return os3.availableParallelism() <= 2;
}
var INLINE_BYTES_BETWEEN_YIELDS = 64 << 10;
function inlineDetector(engine) {
  const lineages = new FileLineages();
  return {
    parallelism: 1,
    threads: 1,
    ready: true,
    detect: (contents, versions) => mapYielding(
      contents,
      (content, i) => lineages.detect(versions?.paths[i], (lineage) => detectBlob(content, engine, lineage)),
      (content) => content.byteLength
    ),
    detectFiles: (files) => mapYielding(
      files,
      (file) => detectFile(file, engine),
      (_file, verdict) => verdict.kind === "large" || verdict.kind === "unreadable" ? 0 : verdict.size
    ),
    close: async () => void 0
  };
}
async function mapYielding(items, run, bytesOf2) {
  const verdicts = [];
  let sinceYield = 0;
  for (const [i, item] of items.entries()) {
    const verdict = run(item, i);
    verdicts.push(verdict);
    sinceYield += bytesOf2(item, verdict);
    if (sinceYield < INLINE_BYTES_BETWEEN_YIELDS) continue;
    sinceYield = 0;
    await new Promise(setImmediate);
  }
  return verdicts;
}
var MAIN_THREAD_SHARE = 0.7;
function mainThreadAndWorkers(engine, workers) {
  const inline = inlineDetector(engine);
  const threads = workers.threads + 1;
  let turn = 0;
  return {
    parallelism: workers.parallelism + 1,
    threads,
    // The main thread also reads git's output and hands the batches on.
    shares: [MAIN_THREAD_SHARE, ...new Array(workers.threads).fill(1)],
    get ready() {
      return workers.ready;
    },
    detect(contents, versions) {
      const thread = versions ? versions.thread : turn++ % threads;
      return thread === 0 ? inline.detect(contents, versions) : workers.detect(contents, versions && { ...versions, thread: thread - 1 });
    },
    detectFiles: (files) => workers.detectFiles(files),
    close: () => workers.close()
  };
}
var WORKER_FILE2 = new URL("./detect-worker.js", import.meta.url);
function workersAvailable() {
  return fs11.existsSync(fileURLToPath3(WORKER_FILE2));
}
function workerLimits(maxFileSize) {
  return { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: Math.max(160, Math.ceil(12 * maxFileSize / 2 ** 20)) };
}
var REUSED_BUFFER_BYTES = 2 << 20;
var OWN_TASKS_POSTED = 2;
var WorkerDetector = class {
  #workers;
  /** Tasks posted to each worker and not yet answered. */
  #posted;
  #queue = [];
  /** Tasks for one worker only (the versions of files it keeps), by worker. */
  #queueOf;
  #waiting = /* @__PURE__ */ new Map();
  /** Batch buffers the workers gave back, to be filled again. */
  #spare = [];
  #nextId = 0;
  #failure;
  /** Workers that have said their engine is assembled. */
  #readyWorkers = 0;
  constructor(count, data) {
    this.#workers = Array.from({ length: count }, () => new Worker(WORKER_FILE2, { workerData: data, resourceLimits: workerLimits(data.config.maxFileSize) }));
    this.#posted = this.#workers.map(() => 0);
    this.#queueOf = this.#workers.map(() => []);
    this.#workers.forEach((worker, index) => {
      worker.on("message", (reply) => {
        if ("ready" in reply) {
          this.#readyWorkers++;
          return;
        }
        if (reply.buffer) this.#spare.push(reply.buffer);
        this.#waiting.get(reply.id)?.resolve(reply.verdicts);
        this.#waiting.delete(reply.id);
        this.#posted[index]--;
        this.#post();
      });
      worker.on("error", (error) => this.#fail(error));
    });
  }
  get parallelism() {
    return this.#workers.length * 2;
  }
  get threads() {
    return this.#workers.length;
  }
  get ready() {
    return this.#readyWorkers === this.#workers.length;
  }
  detect(contents, versions) {
    const total = contents.reduce((sum, content) => sum + content.byteLength, 0);
    const spare = this.#spare.findIndex((buffer2) => buffer2.byteLength >= total);
    const buffer = spare >= 0 ? this.#spare.splice(spare, 1)[0] : new ArrayBuffer(Math.max(total, REUSED_BUFFER_BYTES));
    const bytes = new Uint8Array(buffer);
    const ends = [];
    let offset = 0;
    for (const content of contents) {
      bytes.set(content, offset);
      offset += content.byteLength;
      ends.push(offset);
    }
    const task = { id: this.#nextId++, buffer: bytes.buffer, ends };
    if (!versions) return this.#submit(task);
    return this.#submit({ ...task, paths: [...versions.paths] }, this.#workers[versions.thread]);
  }
  detectFiles(files) {
    return this.#submit({ id: this.#nextId++, files: [...files] });
  }
  /** `worker`: the one worker that must run the task. */
  #submit(task, worker) {
    if (this.#failure) return Promise.reject(this.#failure);
    const verdicts = new Promise((resolve, reject) => this.#waiting.set(task.id, { resolve: (found) => resolve(found), reject }));
    if (worker) this.#queueOf[this.#workers.indexOf(worker)].push(task);
    else this.#queue.push(task);
    this.#post();
    return verdicts;
  }
  /**
   * Hands each worker what it may take: its own tasks (the versions of files it keeps) up to
   * OWN_TASKS_POSTED at once, so its next one waits in its message queue, not on a main thread
   * busy detecting (mainThreadAndWorkers); any task when it has none.
   */
  #post() {
    this.#workers.forEach((worker, index) => {
      for (; ; ) {
        const own = this.#queueOf[index];
        const posted = this.#posted[index];
        const task = own.length > 0 && posted < OWN_TASKS_POSTED ? own.shift() : posted === 0 ? this.#queue.shift() : void 0;
        if (!task) return;
        this.#posted[index]++;
        worker.postMessage(task, "buffer" in task ? [task.buffer] : []);
      }
    });
  }
  #fail(error) {
    this.#failure = new SourceError(`a detection worker failed: ${error.message.split("\n")[0]}`);
    for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
    this.#waiting.clear();
  }
  async close() {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
};
function workerDetector(count, data) {
  return new WorkerDetector(count, data);
}

// src/pipeline/history/history-progress.ts
var SILENT = { advance: () => void 0, stop: () => void 0 };
async function startProgress(enabled, total, done) {
  if (!enabled || !process.stderr.isTTY || total === 0) return SILENT;
  const { default: cliProgress } = await Promise.resolve().then(() => __toESM(require_cli_progress(), 1));
  const bar = new cliProgress.SingleBar(
    {
      format: "history |{bar}| {value}/{total} blobs | {mbps} MB/s | ETA {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50
    },
    cliProgress.Presets.shades_classic
  );
  const started = performance.now();
  let bytes = 0;
  bar.start(total, done, { mbps: "0.0" });
  return {
    advance(blobs, read) {
      bytes += read;
      const seconds = (performance.now() - started) / 1e3;
      bar.increment(blobs, { mbps: (seconds > 0 ? bytes / 1024 / 1024 / seconds : 0).toFixed(1) });
    },
    stop() {
      bar.stop();
    }
  };
}

// src/sources/history/history-walk.ts
init_errors();

// src/sources/history/blob-index.ts
var INITIAL = 1024;
function grown(array, needed, make) {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
var int32s = (size) => new Int32Array(size);
var BlobIndex = class {
  #blobNumbers = /* @__PURE__ */ new Map();
  #blobShas = [];
  #pathNumbers = /* @__PURE__ */ new Map();
  #paths = [];
  /** SHA-1 (20 bytes) or SHA-256 (32) repositories; fixed by the first commit. */
  #shaBytes = 0;
  #commitShas = Buffer.alloc(0);
  #commits = 0;
  /** Per blob: its first place, or -1. Places of one blob form a linked list through #placeNext. */
  #firstPlace = int32s(INITIAL);
  #placePath = int32s(INITIAL);
  #placeCommit = int32s(INITIAL);
  #placeNext = int32s(INITIAL);
  #places = 0;
  /** Numbers the commits of the walk; they must come newest first (`git rev-list --date-order`). */
  addCommit(sha) {
    if (this.#shaBytes === 0) this.#shaBytes = sha.length / 2;
    const number = this.#commits++;
    this.#commitShas = grown(this.#commitShas, this.#commits * this.#shaBytes, (size) => Buffer.alloc(size));
    this.#commitShas.write(sha, number * this.#shaBytes, this.#shaBytes, "hex");
    return number;
  }
  /** Numbers the commits of an earlier walk, as its commitList() gave them. */
  addCommitList({ list, shaBytes }) {
    this.#shaBytes ||= shaBytes;
    if (shaBytes !== this.#shaBytes) throw new Error("a commit list of another SHA length");
    this.#commitShas = Buffer.concat([this.#commitShas.subarray(0, this.#commits * shaBytes), list]);
    this.#commits += list.length / shaBytes;
  }
  /** The walk's commits in order, binary, with the length of one (addCommitList takes them back). */
  commitList() {
    return { list: Buffer.from(this.#commitShas.subarray(0, this.#commits * this.#shaBytes)), shaBytes: this.#shaBytes };
  }
  /** Records that `commit` introduced `blob` at `path`; of several, the oldest commit is kept. */
  addPlace(blob, path14, commit) {
    let blobNumber = this.#blobNumbers.get(blob);
    if (blobNumber === void 0) {
      blobNumber = this.#blobShas.length;
      this.#blobNumbers.set(blob, blobNumber);
      this.#blobShas.push(blob);
      this.#firstPlace = grown(this.#firstPlace, blobNumber + 1, int32s);
      this.#firstPlace[blobNumber] = -1;
    }
    let pathNumber = this.#pathNumbers.get(path14);
    if (pathNumber === void 0) {
      pathNumber = this.#paths.length;
      this.#pathNumbers.set(path14, pathNumber);
      this.#paths.push(path14);
    }
    for (let place2 = this.#firstPlace[blobNumber]; place2 >= 0; place2 = this.#placeNext[place2]) {
      if (this.#placePath[place2] === pathNumber) {
        if (commit > this.#placeCommit[place2]) this.#placeCommit[place2] = commit;
        return;
      }
    }
    const place = this.#places++;
    this.#placePath = grown(this.#placePath, this.#places, int32s);
    this.#placeCommit = grown(this.#placeCommit, this.#places, int32s);
    this.#placeNext = grown(this.#placeNext, this.#places, int32s);
    this.#placePath[place] = pathNumber;
    this.#placeCommit[place] = commit;
    this.#placeNext[place] = this.#firstPlace[blobNumber];
    this.#firstPlace[blobNumber] = place;
  }
  get blobCount() {
    return this.#blobShas.length;
  }
  get commitCount() {
    return this.#commits;
  }
  /** Blob SHA by number; numbers follow discovery order. */
  blobSha(blob) {
    return this.#blobShas[blob];
  }
  blobNumber(sha) {
    return this.#blobNumbers.get(sha);
  }
  commitSha(commit) {
    return this.#commitShas.toString("hex", commit * this.#shaBytes, (commit + 1) * this.#shaBytes);
  }
  /** Every place of a blob, ordered by raw path. */
  placesOf(blob) {
    const places = [];
    for (let place = this.#firstPlace[blob]; place >= 0; place = this.#placeNext[place]) {
      places.push({ path: this.#paths[this.#placePath[place]], commit: this.#placeCommit[place] });
    }
    return places.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  }
};

// src/sources/history/git-stream.ts
init_errors();
import { spawn } from "node:child_process";
import { once } from "node:events";
function startGit(repoDir, args, signal) {
  const child = spawn("git", args, { cwd: repoDir, stdio: ["pipe", "pipe", "pipe"] });
  const onAbort = () => child.kill();
  if (signal?.aborted) child.kill();
  else signal?.addEventListener("abort", onAbort, { once: true });
  child.on("close", () => signal?.removeEventListener("abort", onAbort));
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text) => {
    if (stderr.length < 4096) stderr += text;
  });
  child.stdin.on("error", () => void 0);
  const command = args.find((arg) => !arg.startsWith("-") && !arg.includes("=")) ?? "git";
  const exited = new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new SourceError(`cannot run git: ${error.message}`)));
    child.on("close", resolve);
  });
  const finished = exited.then((status) => {
    signal?.throwIfAborted();
    if (status !== 0) throw new SourceError(`git ${command} failed in ${repoDir}: ${stderr.trim().split("\n")[0] ?? ""}`);
  });
  finished.catch(() => void 0);
  return {
    child,
    finished,
    stop: async () => {
      child.kill();
      await exited.catch(() => void 0);
    },
    throwIfAborted: () => signal?.throwIfAborted(),
    complaint: () => stderr
  };
}
async function writeLines(stdin, count, line) {
  const perWrite = 4096;
  try {
    for (let start = 0; start < count && !stdin.destroyed; start += perWrite) {
      let text = "";
      for (let i = start; i < Math.min(count, start + perWrite); i++) text += `${line(i)}
`;
      if (!stdin.write(text)) await once(stdin, "drain");
    }
    stdin.end();
  } catch {
  }
}

// src/sources/history/history-walk.ts
var COMMIT_MARK = "";
var GITLINK = "160000";
var NEWLINE = 10;
var COLON = 58;
var NUL = 0;
var SPACE = 32;
var FILE_KIND = 102;
var COMMIT_BYTE = COMMIT_MARK.charCodeAt(0);
function startOnSelection(repoDir, args, selection, signal) {
  const git = startGit(repoDir, [...args, ...selection.args, ...selection.stdin.length > 0 ? ["--stdin"] : []], signal);
  git.child.stdin.end(selection.stdin.map((rev) => `${rev}
`).join(""));
  return git;
}
var RecordSplitter = class {
  constructor(separator, onRecord) {
    this.separator = separator;
    this.onRecord = onRecord;
  }
  separator;
  onRecord;
  #rest = Buffer.alloc(0);
  push(chunk) {
    const data = this.#rest.length > 0 ? Buffer.concat([this.#rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(this.separator, start); end >= 0; end = data.indexOf(this.separator, start)) {
      this.onRecord(data, start, end);
      start = end + 1;
    }
    this.#rest = Buffer.from(data.subarray(start));
  }
  end() {
    if (this.#rest.length > 0) this.onRecord(this.#rest, 0, this.#rest.length);
    this.#rest = Buffer.alloc(0);
  }
};
async function readAll(git, splitter) {
  try {
    for await (const chunk of git.child.stdout) splitter.push(chunk);
  } catch (error) {
    await git.stop();
    throw error;
  }
  git.throwIfAborted();
  splitter.end();
  await git.finished;
}
async function listCommits(repoDir, selection, index, signal) {
  const git = startOnSelection(repoDir, ["rev-list", "--date-order"], selection, signal);
  await readAll(git, new RecordSplitter(NEWLINE, (data, start, end) => {
    if (end > start) index.addCommit(data.toString("latin1", start, end));
  }));
}
function applyEntries(index, submodules, commit, entries) {
  let start = 0;
  for (let end = entries.indexOf(NUL, start); end >= 0; end = entries.indexOf(NUL, start)) {
    const space = entries.indexOf(SPACE, start);
    const path14 = entries.toString("latin1", space + 1, end);
    if (entries[start] === FILE_KIND) index.addPlace(entries.toString("latin1", start + 1, space), path14, commit);
    else submodules.add(path14);
    start = end + 1;
  }
}
var LOG_RAW = [
  "-c",
  "core.quotePath=false",
  "-c",
  "log.showSignature=false",
  "-c",
  "diff.ignoreSubmodules=none",
  "log",
  "--no-renames",
  "--raw",
  "-c",
  "--root",
  "-z",
  "--no-abbrev",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  `--format=${COMMIT_MARK}%H`
];
var DIFF_ARGS = [...LOG_RAW, "--no-walk=unsorted", "--stdin"];
var RawDiffParser = class {
  constructor(onCommit) {
    this.onCommit = onCommit;
  }
  onCommit;
  #commit;
  #entries = [];
  /** Result mode and SHA of the entry whose path is the next token. */
  #pending;
  token(data, start, end) {
    const entry = this.#pending;
    if (entry) {
      this.#pending = void 0;
      const kind = entry.mode === GITLINK ? "g" : entry.mode.startsWith("100") ? "f" : void 0;
      if (kind) this.#entries.push(`${kind}${entry.sha} ${data.toString("latin1", start, end)}\0`);
      return;
    }
    if (data[start] === NEWLINE) start++;
    if (data[start] === COMMIT_BYTE) {
      this.end();
      this.#commit = data.toString("latin1", start + 1, end).trim();
    } else if (data[start] === COLON) {
      const line = data.toString("latin1", start, end);
      let parents = 0;
      while (line[parents] === ":") parents++;
      const fields = line.slice(parents).split(" ");
      this.#pending = { mode: fields[parents], sha: fields[2 * parents + 1] };
    }
  }
  end() {
    if (this.#commit !== void 0) this.onCommit(this.#commit, Buffer.from(this.#entries.join(""), "latin1"));
    this.#commit = void 0;
    this.#entries = [];
  }
};
async function readRawDiff(git, parser) {
  await readAll(git, new RecordSplitter(NUL, (data, start, end) => parser.token(data, start, end)));
  parser.end();
}
async function diffCommits(repoDir, index, commits, onCommit, signal) {
  if (commits.length === 0) return;
  const git = startGit(repoDir, DIFF_ARGS, signal);
  let next = 0;
  const parser = new RawDiffParser((sha, entries) => {
    const commit = commits[next++];
    if (index.commitSha(commit) !== sha) throw new SourceError(`git log answered ${sha} for ${index.commitSha(commit)}; is the repository being rewritten?`);
    onCommit(commit, entries);
  });
  const writing = writeLines(git.child.stdin, commits.length, (i) => index.commitSha(commits[i]));
  await readRawDiff(git, parser);
  await writing;
}
async function walkAndDiff(repoDir, selection, index, onCommit, onCommits, signal) {
  const git = startOnSelection(repoDir, [...LOG_RAW, "--date-order"], selection, signal);
  let told = 1;
  const parser = new RawDiffParser((sha, entries) => {
    onCommit(index.addCommit(sha), entries);
    if (index.commitCount < 2 * told) return;
    told = index.commitCount;
    onCommits?.(told);
  });
  await readRawDiff(git, parser);
}
async function walkHistory(repoDir, selection, cache, signal, onDiffing, key) {
  const index = new BlobIndex();
  const submodules = /* @__PURE__ */ new Set();
  const record = (commit, entries) => {
    applyEntries(index, submodules, commit, entries);
    cache?.recordEntries(index.commitSha(commit), entries);
  };
  const walked = key === void 0 ? void 0 : cache?.walkOf(key);
  if (cache && (walked || cache.holdsCommits)) {
    if (walked) index.addCommitList(walked);
    else await listCommits(repoDir, selection, index, signal);
    const known = new Uint8Array(index.commitCount);
    cache.entriesOf(index.commitCount, (commit) => index.commitSha(commit), (commit, entries) => {
      applyEntries(index, submodules, commit, entries);
      known[commit] = 1;
    });
    const uncached = [];
    for (let commit = 0; commit < index.commitCount; commit++) if (!known[commit]) uncached.push(commit);
    onDiffing?.(uncached.length);
    await diffCommits(repoDir, index, uncached, record, signal);
  } else {
    await walkAndDiff(repoDir, selection, index, record, onDiffing, signal);
  }
  if (!walked && key !== void 0) cache?.recordWalk(key, index.commitList());
  return { index, commits: index.commitCount, submodules: [...submodules].sort() };
}

// src/sources/history/walk-key.ts
import { createHash as createHash6 } from "node:crypto";
import fs12 from "node:fs";
import path8 from "node:path";
var COMMIT_ID = /^\^?[0-9a-f]{40}([0-9a-f]{24})?$/;
function walkKey(repo, selection) {
  if (repo.shallow || fs12.existsSync(path8.join(repo.commonDir, "info", "grafts"))) return void 0;
  if (!selection.stdin.every((rev) => COMMIT_ID.test(rev))) return void 0;
  const refs = askGit(repo.dir, ["show-ref", "--head"]);
  if (!refs.ok) return void 0;
  return createHash6("sha256").update(JSON.stringify({
    walk: 1,
    args: selection.args,
    stdin: selection.stdin,
    refs: refs.stdout.toString("latin1"),
    replace: [process.env.GIT_REPLACE_REF_BASE ?? null, process.env.GIT_NO_REPLACE_OBJECTS ?? null]
  })).digest("hex");
}

// src/pipeline/history/scan-blobs.ts
init_errors();

// src/sources/history/git-object-stream.ts
init_errors();
import { spawnSync as spawnSync2 } from "node:child_process";
import { PassThrough } from "node:stream";
var GIT_MEMORY_BOUNDS = ["-c", "core.deltaBaseCacheLimit=16m", "-c", "core.packedGitWindowSize=4m", "-c", "core.packedGitLimit=16m"];
var READ_AHEAD_BYTES = 1 << 20;
var BatchParser = class {
  constructor(maxSize) {
    this.maxSize = maxSize;
  }
  maxSize;
  #header = [];
  #pending;
  *push(chunk) {
    let offset = 0;
    while (offset < chunk.length) {
      const pending = this.#pending;
      if (pending) {
        const take = Math.min(pending.remaining, chunk.length - offset);
        const contentLeft = pending.remaining - 1;
        const copy = Math.min(take, contentLeft);
        if (pending.content && copy > 0) chunk.copy(pending.content, pending.size - contentLeft, offset, offset + copy);
        pending.remaining -= take;
        offset += take;
        if (pending.remaining === 0) {
          this.#pending = void 0;
          yield pending.content ? { sha: pending.sha, kind: "content", type: pending.type, size: pending.size, content: pending.content } : { sha: pending.sha, kind: "large", size: pending.size };
        }
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      if (newline < 0) {
        this.#header.push(chunk.subarray(offset));
        return;
      }
      this.#header.push(chunk.subarray(offset, newline));
      const header = Buffer.concat(this.#header).toString("latin1");
      this.#header = [];
      offset = newline + 1;
      const [sha = "", type = "", sizeText] = header.split(" ");
      if (type === "missing") {
        yield { sha, kind: "missing" };
        continue;
      }
      const size = Number(sizeText);
      if (!Number.isSafeInteger(size)) throw new SourceError(`git cat-file gave an unreadable header "${header.slice(0, 80)}"`);
      if (size <= this.maxSize && chunk.length - offset > size) {
        yield { sha, kind: "content", type, size, content: chunk.subarray(offset, offset + size) };
        offset += size + 1;
        continue;
      }
      this.#pending = { sha, type, size, content: size <= this.maxSize ? Buffer.allocUnsafeSlow(size) : void 0, remaining: size + 1 };
    }
  }
};
function gitReason(stderr) {
  return (stderr.trim().split("\n")[0] ?? "").replace(/^(error|fatal): /, "") || "unreadable";
}
function missingOrCorrupt(repoDir, sha) {
  const check = spawnSync2("git", ["cat-file", "-e", sha], { cwd: repoDir, encoding: "utf8", env: { ...process.env, GIT_NO_LAZY_FETCH: "1" } });
  return check.status === 0 ? { sha, kind: "corrupt", reason: gitReason(check.stderr) } : { sha, kind: "missing" };
}
async function* streamBlobs(repoDir, shas, maxSize, signal) {
  let next = 0;
  while (next < shas.length) {
    const first = next;
    const git = startGit(repoDir, [...GIT_MEMORY_BOUNDS, "cat-file", "--batch", "--buffer"], signal);
    const writing = writeLines(git.child.stdin, shas.length - first, (i) => shas[first + i]);
    const parser = new BatchParser(maxSize);
    let exited = false;
    const output = git.child.stdout.pipe(new PassThrough({ highWaterMark: READ_AHEAD_BYTES }));
    git.child.stdout.on("error", (error) => output.destroy(error));
    try {
      for await (const chunk of output) {
        git.throwIfAborted();
        for (const blob of parser.push(chunk)) {
          next++;
          yield blob.kind === "missing" ? missingOrCorrupt(repoDir, blob.sha) : blob;
        }
      }
      await writing;
      const failure = await git.finished.then(() => void 0, (error) => error);
      exited = true;
      if (failure === void 0) return;
      git.throwIfAborted();
      const culprit = shas[next];
      if (culprit === void 0 || !git.complaint().includes(culprit)) throw failure;
      next++;
      yield { sha: culprit, kind: "corrupt", reason: gitReason(git.complaint()) };
    } finally {
      if (!exited) await git.stop();
    }
  }
}

// src/sources/history/object-text.ts
var HEADER_END = Buffer.from("\n\n");
var TAG_SIGNATURE = /\n-----BEGIN (?:PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----\n/;
function objectText(type, content) {
  if (type !== "commit" && type !== "tag") return content;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const end = bytes.indexOf(HEADER_END);
  if (end < 0) return new Uint8Array(0);
  const message = bytes.subarray(end + HEADER_END.length);
  if (type === "commit") return message;
  const signature = TAG_SIGNATURE.exec(`
${message.toString("latin1")}`);
  return signature ? message.subarray(0, Math.max(0, signature.index)) : message;
}

// src/pipeline/history/scan-blobs.ts
var BATCH_BYTES = 1 << 20;
var BATCH_BLOBS = 128;
async function scanBlobs(repoDir, index, toRead, maxFileSize, detector, knownMatches, fingerprintKey, onOutcome, signal, versionOf) {
  const paths = versionOf && byFile(toRead, versionOf);
  if (paths) toRead = [...paths.keys()];
  const shas = toRead.map((blob) => index.blobSha(blob));
  const threads = versionOf ? detector.threads : 1;
  const batches = Array.from({ length: threads }, () => newBatch());
  const threadOf = versionOf && threadChooser(threads, detector.shares);
  const inFlight = [];
  const dispatch = async (thread) => {
    const { blobs, contents, paths: paths2 } = batches[thread];
    if (blobs.length === 0) return;
    batches[thread] = newBatch();
    const done = detector.detect(contents, versionOf && { paths: paths2, thread }).then((verdicts) => {
      verdicts.forEach((verdict, i) => onOutcome({ blob: blobs[i], size: contents[i].byteLength, ...verdict }));
    });
    done.catch(() => void 0);
    inFlight.push(done);
    while (inFlight.length >= detector.parallelism) await inFlight.shift();
  };
  let next = 0;
  for await (const item of streamBlobs(repoDir, shas, maxFileSize, signal)) {
    const blob = toRead[next];
    if (item.sha !== shas[next]) throw new SourceError(`git cat-file answered ${item.sha} for ${shas[next]}; is the repository being rewritten?`);
    next++;
    if (item.kind !== "content") {
      onOutcome({ blob, ...item });
      continue;
    }
    const content = objectText(item.type, item.content);
    const known = knownMatches.get(blob);
    const rebuilt = known && rebuildMatches(content, known, fingerprintKey);
    if (rebuilt) {
      onOutcome({ blob, kind: "matches", size: content.byteLength, matches: rebuilt, rebuilt: true });
      continue;
    }
    const path14 = paths?.get(blob);
    const thread = threadOf && path14 !== void 0 ? threadOf(path14, content.byteLength) : 0;
    const batch2 = batches[thread];
    batch2.blobs.push(blob);
    batch2.contents.push(content);
    batch2.paths.push(path14);
    batch2.bytes += content.byteLength;
    if (batch2.bytes >= BATCH_BYTES || batch2.blobs.length >= BATCH_BLOBS) await dispatch(thread);
  }
  for (let thread = 0; thread < threads; thread++) await dispatch(thread);
  await Promise.all(inFlight);
}
function byFile(blobs, versionOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const blob of blobs) {
    const path14 = versionOf(blob);
    const group = groups.get(path14);
    if (group) group.push(blob);
    else groups.set(path14, [blob]);
  }
  const texts = groups.get(void 0) ?? [];
  groups.delete(void 0);
  const paths = /* @__PURE__ */ new Map();
  for (const [path14, group] of groups) for (const blob of group) paths.set(blob, path14);
  for (const blob of texts) paths.set(blob, void 0);
  return paths;
}
function newBatch() {
  return { blobs: [], contents: [], paths: [], bytes: 0 };
}
var FILE_SHARE_BYTES = 1 << 20;
function threadChooser(threads, shares) {
  const load = new Array(threads).fill(0);
  let current;
  return (path14, bytes) => {
    if (current?.path !== path14 || current.bytes >= FILE_SHARE_BYTES) {
      current = { path: path14, thread: load.indexOf(Math.min(...load)), bytes: 0 };
    }
    current.bytes += bytes;
    load[current.thread] += bytes / (shares?.[current.thread] ?? 1);
    return current.thread;
  };
}

// src/pipeline/history/scan-cache.ts
init_no_sqlite();
import fs13 from "node:fs";
import path9 from "node:path";
var VERDICT_CODES = { clean: 0, binary: 1, large: 2, matches: 3 };
var VERDICT_KINDS = ["clean", "binary", "large", "matches"];
var SCHEMA = 3;
var RULESET_TTL_MS = 90 * 24 * 3600 * 1e3;
var FLUSH_EVERY = 2e3;
var LOOKUP_BATCH = 500;
var WHOLE_READ_FACTOR = 4;
var WALKS_KEPT = 32;
var toKey = (sha) => Buffer.from(sha, "hex");
function* keyBatches(count, shaOf) {
  for (let start = 0; start < count; start += LOOKUP_BATCH) {
    const shas = [];
    for (let position = start; position < Math.min(count, start + LOOKUP_BATCH); position++) shas.push(shaOf(position));
    const keys = shas.map(toKey);
    while (keys.length < LOOKUP_BATCH) keys.push(Buffer.alloc(0));
    yield { start, shas, keys };
  }
}
var ScanCache = class _ScanCache {
  #db;
  #ruleset;
  #lookupBatch;
  #countRuleset;
  #verdictsOfRuleset;
  #matchedOfRuleset;
  #insertBlob;
  #commitEntries;
  #insertCommit;
  holdsCommits;
  #walkOf;
  #useWalk;
  #insertWalk;
  #pruneWalks;
  #pendingBlobs = [];
  #pendingCommits = [];
  constructor(db, rulesetKey) {
    this.#db = db;
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.pragma("synchronous = NORMAL");
    db.transaction(() => {
      if (db.pragma("user_version", { simple: true }) === SCHEMA) return;
      db.exec("DROP TABLE IF EXISTS blobs; DROP TABLE IF EXISTS commits; DROP TABLE IF EXISTS rulesets;");
      db.pragma(`user_version = ${SCHEMA}`);
    }).immediate();
    db.exec(`
      CREATE TABLE IF NOT EXISTS rulesets (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, last_used INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS blobs (
        ruleset INTEGER NOT NULL, blob BLOB NOT NULL, verdict INTEGER NOT NULL, size INTEGER NOT NULL, matches TEXT,
        PRIMARY KEY (ruleset, blob)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS commits (sha BLOB PRIMARY KEY, entries BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS walks (key TEXT PRIMARY KEY, sha_bytes INTEGER NOT NULL, commits BLOB NOT NULL, used INTEGER NOT NULL);`);
    const now2 = Date.now();
    this.#ruleset = db.transaction(() => {
      const stale = db.prepare("SELECT id FROM rulesets WHERE last_used < ?").all(now2 - RULESET_TTL_MS);
      for (const { id } of stale) {
        db.prepare("DELETE FROM blobs WHERE ruleset = ?").run(id);
        db.prepare("DELETE FROM rulesets WHERE id = ?").run(id);
      }
      db.prepare("INSERT INTO rulesets (key, last_used) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET last_used = excluded.last_used").run(rulesetKey, now2);
      return db.prepare("SELECT id FROM rulesets WHERE key = ?").get(rulesetKey).id;
    }).immediate();
    const placeholders2 = Array.from({ length: LOOKUP_BATCH }, () => "?").join(",");
    this.#lookupBatch = db.prepare(`SELECT blob, verdict, size, matches FROM blobs WHERE ruleset = ? AND blob IN (${placeholders2})`);
    this.#countRuleset = db.prepare("SELECT count(*) AS rows FROM blobs WHERE ruleset = ?");
    this.#verdictsOfRuleset = db.prepare("SELECT group_concat(lower(hex(blob)) || verdict || ':' || size, ',') FROM blobs WHERE ruleset = ? AND matches IS NULL").pluck(true);
    this.#matchedOfRuleset = db.prepare("SELECT lower(hex(blob)), verdict, size, matches FROM blobs WHERE ruleset = ? AND matches IS NOT NULL").raw(true);
    this.#insertBlob = db.prepare("INSERT OR REPLACE INTO blobs (ruleset, blob, verdict, size, matches) VALUES (?, ?, ?, ?, ?)");
    this.#commitEntries = db.prepare(`SELECT sha, entries FROM commits WHERE sha IN (${placeholders2})`).raw(true);
    this.#insertCommit = db.prepare("INSERT OR REPLACE INTO commits (sha, entries) VALUES (?, ?)");
    this.holdsCommits = db.prepare("SELECT 1 FROM commits LIMIT 1").get() !== void 0;
    this.#walkOf = db.prepare("SELECT sha_bytes AS shaBytes, commits FROM walks WHERE key = ?");
    this.#useWalk = db.prepare("UPDATE walks SET used = ? WHERE key = ?");
    this.#insertWalk = db.prepare("INSERT OR REPLACE INTO walks (key, sha_bytes, commits, used) VALUES (?, ?, ?, ?)");
    this.#pruneWalks = db.prepare("DELETE FROM walks WHERE key NOT IN (SELECT key FROM walks ORDER BY used DESC LIMIT ?)");
  }
  /**
   * Opens (creating) the cache file in `dir` for one rule set (`rulesetKey`: what decides a
   * blob's verdict). A cache that cannot be opened is not fatal to a scan, so this says why.
   */
  static open(dir, rulesetKey) {
    const file = path9.join(dir, "history-cache.sqlite");
    try {
      fs13.mkdirSync(dir, { recursive: true });
      return { ok: true, cache: new _ScanCache(new NoSqlite(file), rulesetKey) };
    } catch (error) {
      return { ok: false, file, error: error.message.split("\n")[0] ?? "unknown error" };
    }
  }
  /**
   * Hands on the verdict of each blob of `blobs` this rule set has seen, by blob number; memory
   * stays with the caller's index (no map of every SHA is built here).
   */
  lookup(blobs, onKnown) {
    const verdict = (code2, size, matches) => {
      const kind = VERDICT_KINDS[code2];
      if (kind !== "matches") return kind && { kind, size };
      return matches === null ? void 0 : { kind, size, matches: JSON.parse(matches) };
    };
    const hand = (sha, code2, size, matches) => {
      const blob = blobs.blobNumber(sha);
      const known = blob === void 0 ? void 0 : verdict(code2, size, matches);
      if (known) onKnown(blob, known);
    };
    if (this.#countRuleset.get(this.#ruleset).rows <= blobs.blobCount * WHOLE_READ_FACTOR) {
      const verdicts = this.#verdictsOfRuleset.get(this.#ruleset) ?? "";
      for (let at = 0; at < verdicts.length; ) {
        const colon = verdicts.indexOf(":", at + 40);
        const comma = verdicts.indexOf(",", colon);
        const end = comma < 0 ? verdicts.length : comma;
        hand(verdicts.slice(at, at + 40), Number(verdicts.slice(at + 40, colon)), Number(verdicts.slice(colon + 1, end)), null);
        at = end + 1;
      }
      for (const [sha, code2, size, matches] of this.#matchedOfRuleset.iterate(this.#ruleset)) hand(sha, code2, size, matches);
      return;
    }
    for (const { keys } of keyBatches(blobs.blobCount, (blob) => blobs.blobSha(blob))) {
      for (const row2 of this.#lookupBatch.all(this.#ruleset, ...keys)) hand(row2.blob.toString("hex"), row2.verdict, row2.size, row2.matches);
    }
  }
  record(blobSha, verdict) {
    const matches = verdict.kind === "matches" ? JSON.stringify(verdict.matches) : null;
    this.#pendingBlobs.push([toKey(blobSha), VERDICT_CODES[verdict.kind], verdict.size, matches]);
    if (this.#pendingBlobs.length >= FLUSH_EVERY) this.flush();
  }
  entriesOf(count, shaOf, onKnown) {
    for (const { start, shas, keys } of keyBatches(count, shaOf)) {
      const positions = new Map(shas.map((sha, i) => [sha, start + i]));
      for (const [sha, entries] of this.#commitEntries.all(...keys)) onKnown(positions.get(sha.toString("hex")), entries);
    }
  }
  walkOf(key) {
    const row2 = this.#walkOf.get(key);
    if (!row2 || row2.commits.length % row2.shaBytes !== 0) return void 0;
    this.#useWalk.run(Date.now(), key);
    return { list: row2.commits, shaBytes: row2.shaBytes };
  }
  recordWalk(key, walk) {
    this.#insertWalk.run(key, walk.shaBytes, walk.list, Date.now());
    this.#pruneWalks.run(WALKS_KEPT);
  }
  recordEntries(commit, entries) {
    this.#pendingCommits.push([toKey(commit), entries]);
    if (this.#pendingCommits.length >= FLUSH_EVERY) this.flush();
  }
  flush() {
    const blobs = this.#pendingBlobs;
    const commits = this.#pendingCommits;
    this.#pendingBlobs = [];
    this.#pendingCommits = [];
    this.#db.transaction(() => {
      for (const [blob, verdict, size, matches] of blobs) this.#insertBlob.run(this.#ruleset, blob, verdict, size, matches);
      for (const [sha, entries] of commits) this.#insertCommit.run(sha, entries);
    }).immediate();
  }
  close() {
    this.flush();
    this.#db.close();
  }
};

// src/pipeline/scan-history.ts
var WORKER_THRESHOLD = 256;
var FEW_CORES_WORKER_THRESHOLD = 2e4;
function startWorkers(options, engine, plan, expected) {
  const threads = options.concurrency ?? (expected >= (fewCores() ? FEW_CORES_WORKER_THRESHOLD : WORKER_THRESHOLD) ? os4.availableParallelism() : 1);
  if (threads <= 1 || !workersAvailable()) return void 0;
  const data = { config: options.config, extraRules: options.extraRules ?? [], plan };
  return fewCores() ? mainThreadAndWorkers(engine, workerDetector(threads - 1, data)) : workerDetector(threads, data);
}
function openCache(options, engine, stats) {
  if (!options.cache) return void 0;
  const opened = ScanCache.open(options.cacheDir ?? defaultCacheDir(), engine.version);
  if (opened.ok) return opened.cache;
  stats.unreadable.push({ path: opened.file, reason: `scan cache unavailable, scanning without it (${opened.error})` });
  return void 0;
}
function firstPlace(index, blob) {
  const place = index.placesOf(blob)[0];
  if (!place) return index.blobSha(blob);
  const { path: path14, within } = shownPlace(index, place);
  return within === void 0 ? `${path14}@${index.commitSha(place.commit).slice(0, 12)}` : `${path14} (${within})`;
}
function fillCommitInfo(repoDir, findings) {
  const info = readCommitInfo(repoDir, [...new Set(findings.map((finding) => finding.commit))]);
  for (const finding of findings) {
    const commit = info.get(finding.commit);
    if (!commit) continue;
    finding.author = commit.author;
    finding.email = commit.email;
    finding.date = commit.date;
    finding.message = commit.message;
  }
}
async function scanHistory(options) {
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const repo = openRepository(options.repoPath);
  const selection = selectRevs(repo, options);
  const stats = { ...emptyStats(), shallow: repo.shallow, commits: 0, blobs: 0, blobsFromCache: 0, submodules: [] };
  if (selection.args.length === 0 && selection.stdin.length === 0) {
    stats.durationMs = performance.now() - started;
    return { findings: [], stats };
  }
  const extraRules = options.extraRules ?? [];
  const plan = options.plan ?? planEngine([...options.config.rules, ...extraRules]);
  const engine = options.engine ?? assembleEngine(options.config, extraRules, plan, options.fingerprintKey);
  const cache = openCache(options, engine, stats);
  const found = [];
  let index;
  let workers;
  try {
    const key = cache && walkKey(repo, selection);
    const walk = await walkHistory(repo.dir, selection, cache, signal, (uncached) => workers ??= startWorkers(options, engine, plan, uncached), key);
    index = walk.index;
    stats.commits = walk.commits;
    stats.blobs = index.blobCount;
    stats.submodules = walk.submodules.map(displayPath);
    addCommitTexts(repo.dir, index, selection);
    await scanIndex(repo.dir, index, options, engine, cache, stats, found, (toRead) => (workers ??= startWorkers(options, engine, plan, toRead)) ?? inlineDetector(engine));
  } finally {
    cache?.close();
    await workers?.close();
  }
  signal?.throwIfAborted();
  const findings = attributeFindings(found, index, engine, options.repo).map(({ finding }) => finding);
  fillCommitInfo(repo.dir, findings);
  stats.skippedLarge.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  stats.skippedBinary.sort();
  stats.durationMs = performance.now() - started;
  return { findings, stats };
}
async function scanIndex(repoDir, index, options, engine, cache, stats, found, detectorFor) {
  const { maxFileSize } = options.config;
  const fileBlobs = stats.blobs;
  const counted = (blob) => blob < fileBlobs;
  const account = (outcome, cached) => {
    const sha = index.blobSha(outcome.blob);
    switch (outcome.kind) {
      case "clean":
      case "matches":
        if (counted(outcome.blob)) {
          stats.files++;
          stats.bytes += outcome.size;
        }
        for (const { ruleId, reason } of outcome.stopped ?? []) {
          (stats.rulesStopped ??= []).push({ path: firstPlace(index, outcome.blob), ruleId, reason });
        }
        if (outcome.kind === "clean") {
          if (!cached && !outcome.stopped) cache?.record(sha, { kind: "clean", size: outcome.size });
          break;
        }
        found.push({ blob: outcome.blob, matches: wrapMatches(outcome.matches) });
        if (!outcome.rebuilt && !outcome.stopped) {
          const matches = cache && toCachedMatches(outcome.matches, engine.fingerprintKey);
          if (matches) cache?.record(sha, { kind: "matches", size: outcome.size, matches });
        }
        break;
      case "binary":
        if (counted(outcome.blob)) stats.skippedBinary.push(firstPlace(index, outcome.blob));
        if (!cached) cache?.record(sha, { kind: "binary", size: outcome.size });
        break;
      case "large":
        stats.skippedLarge.push({ path: firstPlace(index, outcome.blob), size: outcome.size });
        if (!cached) cache?.record(sha, { kind: "large", size: outcome.size });
        break;
      case "missing":
        stats.unreadable.push({ path: firstPlace(index, outcome.blob), reason: `blob ${sha} is missing from the object database`, blob: "missing" });
        break;
      case "corrupt":
        stats.unreadable.push({ path: firstPlace(index, outcome.blob), reason: `blob ${sha} is corrupt (${outcome.reason})`, blob: "corrupt" });
        break;
    }
  };
  const answered = new Uint8Array(index.blobCount);
  const knownMatches = /* @__PURE__ */ new Map();
  let fromCache = 0;
  cache?.lookup(index, (blob, cached) => {
    if (cached.kind === "matches") knownMatches.set(blob, cached.matches);
    else if (cached.kind !== "large" || cached.size > maxFileSize) {
      answered[blob] = 1;
      if (counted(blob)) fromCache++;
      account({ blob, ...cached }, true);
    }
  });
  stats.blobsFromCache = fromCache;
  const toRead = [];
  for (let blob = 0; blob < index.blobCount; blob++) if (!answered[blob]) toRead.push(blob);
  const progress = await startProgress(options.progress, fileBlobs, fromCache);
  const detector = detectorFor(toRead.length - knownMatches.size);
  try {
    await scanBlobs(
      repoDir,
      index,
      toRead,
      maxFileSize,
      detector,
      knownMatches,
      engine.fingerprintKey,
      (outcome) => {
        account(outcome, false);
        if (counted(outcome.blob)) progress.advance(1, "size" in outcome ? outcome.size : 0);
      },
      options.signal,
      options.fullBlobs ? void 0 : (blob) => counted(blob) ? index.placesOf(blob)[0]?.path : void 0
    );
  } finally {
    progress.stop();
  }
}

// src/report/finding-guidance.ts
var GENERAL_REMEDY = "Revoke the secret at its provider, replace it, and remove it from the history.";
function guidanceFor(finding) {
  return finding.guidance ?? GENERAL_REMEDY;
}

// src/report/finding-link.ts
function findingLink(web, finding) {
  const commit = finding.commit ?? web?.commit;
  if (!web || !commit || !/^[0-9a-f]{7,64}$/.test(commit)) return void 0;
  const base = web.url.replace(/\/+$/, "");
  const sep2 = web.host === "gitlab" ? "/-/" : "/";
  if (finding.within !== void 0) return `${base}${sep2}commit/${commit}`;
  const file = finding.path.split("/").map(encodeURIComponent).join("/");
  return `${base}${sep2}blob/${commit}/${file}#L${finding.line}`;
}

// src/report/summary.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function unreadableBlobs(unreadable2) {
  const missing = unreadable2.filter((entry) => entry.blob === "missing").length;
  const corrupt = unreadable2.filter((entry) => entry.blob === "corrupt").length;
  if (missing + corrupt === 0) return void 0;
  const kinds = [missing && `${missing} missing`, corrupt && `${corrupt} corrupt`].filter(Boolean).join(", ");
  return `Warning: ${plural(missing + corrupt, "blob")} could not be read (${kinds}): their content was not scanned; \`git fsck\` shows the damage.`;
}
function summaryLines(result2, extra = {}) {
  const { stats, findings } = result2;
  const scanned = [];
  if (stats.commits !== void 0) scanned.push(plural(stats.commits, "commit"));
  if (stats.blobs !== void 0) {
    scanned.push(plural(stats.blobs, "blob"));
    if (stats.blobsFromCache) scanned.push(`${stats.blobsFromCache} from cache`);
  } else {
    scanned.push(plural(stats.files, "file"));
  }
  scanned.push(formatBytes(stats.bytes));
  const hits = findings.filter((f) => f.registry.match).length;
  const seconds = (stats.durationMs / 1e3).toFixed(2);
  const lines = [
    `Scanned ${scanned.join(", ")} in ${seconds}s: ${plural(findings.length, "finding")}` + (hits ? ` (${plural(hits, "registered key")})` : "")
  ];
  if (stats.shallow) lines.push("Warning: shallow clone \u2014 history before the shallow boundary was not scanned.");
  const binary = stats.skippedBinary.length;
  if (binary && extra.verbose) lines.push(`Skipped ${plural(binary, "binary file")}:`, ...stats.skippedBinary.map((file) => `  ${file}`));
  else if (binary) lines.push(`Skipped ${plural(binary, "binary file")}.`);
  if (stats.skippedLarge.length) {
    lines.push(`Skipped ${plural(stats.skippedLarge.length, "file")} over the size limit:`);
    for (const skipped of stats.skippedLarge) lines.push(`  ${skipped.path} (${formatBytes(skipped.size)})`);
  }
  if (stats.skippedSpecial.length) {
    lines.push(`Skipped ${plural(stats.skippedSpecial.length, "special file")} (not regular files):`);
    for (const special of stats.skippedSpecial) lines.push(`  ${special.path} (${special.kind})`);
  }
  if (stats.submodules?.length) lines.push(`Submodules not followed: ${stats.submodules.join(", ")}`);
  for (const unreadable2 of stats.unreadable) lines.push(`Warning: cannot read ${unreadable2.path}: ${unreadable2.reason}`);
  const blobs = unreadableBlobs(stats.unreadable);
  if (blobs) lines.push(blobs);
  for (const stopped of stats.rulesStopped ?? []) {
    lines.push(`Warning: rule "${stopped.ruleId}" ${stopped.reason} on ${stopped.path} and was skipped there; simplify its regex`);
  }
  if (extra.suppressed) lines.push(`${plural(extra.suppressed, "finding")} suppressed by the baseline.`);
  if (extra.staleBaseline) {
    const n = extra.staleBaseline;
    lines.push(`${n} baseline ${n === 1 ? "entry no longer matches" : "entries no longer match"} anything (stale).`);
  }
  return lines;
}

// src/report/markdown.ts
function cell(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|#!~&]/g, (c) => `\\${c}`);
}
function code(text) {
  return `\`${text.replace(/[\r\n]+/g, " ").replaceAll("`", "'").replaceAll("|", "\\|")}\``;
}
function where(finding, web) {
  const place = code(`${finding.path}:${finding.line}`);
  const link = findingLink(web, finding);
  const shown = link ? `[${place}](${link.replace(/[()\s]/g, encodeURIComponent)})` : place;
  const within = finding.within === void 0 ? "" : ` (${cell(finding.within)})`;
  const commit = finding.commit ? ` in ${code(finding.commit.slice(0, 7))}` : "";
  return `${shown}${within}${commit}`;
}
function row(finding, web, reveal) {
  const registry = finding.registry.match ? ` \u2014 registered key ${cell(finding.registry.keyId)} (${finding.registry.status})` : "";
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  return `| ${cell(finding.ruleId)} | ${where(finding, web)} | ${code(secret)}${registry} | ${cell(guidanceFor(finding))} |`;
}
function renderMarkdown(result2, web, reveal) {
  const { findings } = result2;
  const heading = findings.length === 0 ? "### Leakstop: no secrets found" : `### Leakstop: ${findings.length} secret${findings.length === 1 ? "" : "s"} found`;
  const lines = [heading, ""];
  if (findings.length > 0) {
    lines.push("| rule | where | secret (redacted) | what to do |", "| --- | --- | --- | --- |");
    for (const finding of findings) lines.push(row(finding, web, reveal));
    lines.push("");
  }
  for (const line of summaryLines(result2)) lines.push(`${cell(line)}  `);
  return `${lines.join("\n")}
`;
}

// src/report/report-redactor.ts
init_line_index();
init_redact();
var MEMO_LIMIT = 1e4;
var MIN_PIECE = 8;
var ReportRedactor = class {
  #engine;
  #memo = /* @__PURE__ */ new Map();
  /** `engine`: the scan's rules (built-in, config and registry shapes). */
  constructor(engine) {
    this.#engine = engine;
  }
  /** The text with every secret the engine finds in it redacted (CRLF read as LF, as detection reads it). */
  text(value) {
    const known = this.#memo.get(value);
    if (known !== void 0) return known;
    const source = value.includes("\r\n") ? value.replaceAll("\r\n", "\n") : value;
    const lines = new LineIndex(source);
    const spans = detectContent(source, this.#engine).map((match2) => [lines.offset(match2), lines.offset({ line: match2.endLine, column: match2.endColumn })]).sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
    }
    let redacted = "";
    let at = 0;
    for (const [start, end] of merged) {
      redacted += source.slice(at, start) + redact(source.slice(start, end));
      at = end;
    }
    redacted += source.slice(at);
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
    this.#memo.set(value, redacted);
    return redacted;
  }
  /**
   * The result with every git text field of its findings and stats redacted; the secrets
   * themselves stay in memory as they were (`--reveal`, registry matching).
   */
  scanResult(result2) {
    return { findings: this.#findings(result2.findings), stats: this.#stats(result2.stats) };
  }
  #findings(findings) {
    const cutsOfCommit = commitTextCuts(findings);
    return findings.map((finding) => {
      const shown = { ...finding, path: this.text(finding.path) };
      if (finding.within !== void 0) shown.within = this.text(finding.within);
      if (finding.author !== void 0) shown.author = this.text(finding.author);
      if (finding.email !== void 0) shown.email = this.text(finding.email);
      if (finding.message !== void 0) shown.message = cutOut(this.text(finding.message), cutsOfCommit.get(finding.commit ?? ""));
      return shown;
    });
  }
  #stats(stats) {
    const shown = {
      ...stats,
      skippedLarge: stats.skippedLarge.map((skipped) => ({ ...skipped, path: this.text(skipped.path) })),
      unreadable: stats.unreadable.map((unreadable2) => ({ ...unreadable2, path: this.text(unreadable2.path), reason: this.text(unreadable2.reason) })),
      skippedBinary: stats.skippedBinary.map((path14) => this.text(path14)),
      skippedSpecial: stats.skippedSpecial.map((special) => ({ ...special, path: this.text(special.path) }))
    };
    if (stats.submodules) shown.submodules = stats.submodules.map((submodule) => this.text(submodule));
    if (stats.rulesStopped) shown.rulesStopped = stats.rulesStopped.map((stopped) => ({ ...stopped, path: this.text(stopped.path) }));
    return shown;
  }
};
function commitTextCuts(findings) {
  const cuts = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (finding.within === void 0 || finding.commit === void 0) continue;
    const ofCommit = cuts.get(finding.commit) ?? /* @__PURE__ */ new Map();
    const secret = finding.secret.reveal();
    const lines = secret.split("\n").map((line) => line.trim()).filter((line) => line.length >= MIN_PIECE);
    ofCommit.set(secret, finding.secretRedacted);
    if (lines.length > 1) {
      ofCommit.set(lines.join(" "), finding.secretRedacted);
      for (const line of lines) if (!ofCommit.has(line)) ofCommit.set(line, "\u2026");
    }
    cuts.set(finding.commit, ofCommit);
  }
  return new Map([...cuts].map(([commit, ofCommit]) => [commit, [...ofCommit].map(([text, shown]) => ({ text, shown })).sort((a, b) => b.text.length - a.text.length)]));
}
function cutOut(text, cuts) {
  let shown = text;
  for (const cut of cuts ?? []) if (shown.includes(cut.text)) shown = shown.replaceAll(cut.text, cut.shown);
  return shown;
}

// src/report/sarif.ts
import path10 from "node:path";
import { pathToFileURL } from "node:url";

// src/report/secret-identity.ts
function secretIdentity(finding) {
  const registered = finding.registry.match || fromRegistryShape(finding);
  return registered ? { secretHash: finding.secretHash, secretFingerprint: finding.secretFingerprint } : { secretFingerprint: finding.secretFingerprint };
}
function shortSecretIdentity(finding) {
  const { secretHash: secretHash2 } = secretIdentity(finding);
  return secretHash2 ? { label: "sha256", prefix: `${secretHash2.slice(0, 12)}\u2026` } : { label: "fingerprint", prefix: `${finding.secretFingerprint.slice(0, 12)}\u2026` };
}

// src/report/sarif.ts
var SRCROOT = "%SRCROOT%";
var LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note"
};
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "1.0"
};
function descriptor(rule) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.guidance ?? "Revoke the secret at its provider, replace it, and remove it from the history." },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ["security", "secret", ...rule.tags], "security-severity": SECURITY_SEVERITY[rule.severity] }
  };
}
function artifactLocation(file) {
  return path10.isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: SRCROOT };
}
function result(finding, ruleIndex, reveal) {
  const registry = finding.registry.match ? ` Registered key ${finding.registry.keyId} (${finding.registry.status}).` : "";
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.description}: ${reveal ? finding.secret.reveal() : finding.secretRedacted}.${registry}` },
    locations: [
      {
        physicalLocation: {
          // A commit's own text (its message, a tag, a note) has no file: `commit:<sha>` is an absolute URI.
          artifactLocation: finding.within === void 0 ? artifactLocation(finding.path) : { uri: encodeURI(finding.path) },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn
          }
        }
      }
    ],
    partialFingerprints: { "leakstop/v1": finding.fingerprint },
    properties: {
      ...secretIdentity(finding),
      ...finding.commit ? { commit: finding.commit, author: finding.author, date: finding.date } : {},
      ...finding.within === void 0 ? {} : { within: finding.within },
      ...finding.registry.match ? { registry: finding.registry } : {}
    }
  };
}
function renderSarif(findings, rules, stats, reveal, srcRoot) {
  const used = /* @__PURE__ */ new Map();
  const descriptors = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const finding of findings) {
    if (used.has(finding.ruleId)) continue;
    used.set(finding.ruleId, descriptors.length);
    descriptors.push(descriptor(byId.get(finding.ruleId) ?? { ...finding, id: finding.ruleId }));
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Leakstop",
            semanticVersion: "0.1.0",
            rules: descriptors
          }
        },
        ...findings.some((finding) => !path10.isAbsolute(finding.path)) ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(path10.join(srcRoot, path10.sep)).href } } } : {},
        results: findings.map((finding) => result(finding, used.get(finding.ruleId), reveal)),
        properties: { stats: { files: stats.files, bytes: stats.bytes, commits: stats.commits, blobs: stats.blobs } }
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/sources/history/push-range.ts
init_errors();
var OBJECT_ID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
var isNull = (sha) => /^0+$/.test(sha);
function checkedId(sha, field) {
  if (!OBJECT_ID.test(sha)) throw new UsageError(`push ${field} "${sha.slice(0, 80)}" is not a commit id`);
  return sha;
}
function otherRefCommits(repoDir, ...pushed) {
  const listing = runGit(repoDir, [
    "for-each-ref",
    "--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)"
  ]).toString("utf8");
  const commits = /* @__PURE__ */ new Set();
  for (const line of listing.split("\n")) {
    const [name, type, id, peeledType, peeledId] = line.split("\0");
    if (!name || pushed.includes(name)) continue;
    if (type === "commit") commits.add(id);
    else if (peeledType === "commit") commits.add(peeledId);
  }
  return [...commits];
}
function isAncestor(repoDir, older, newer) {
  try {
    runGit(repoDir, ["cat-file", "-e", `${older}^{commit}`]);
    runGit(repoDir, ["merge-base", "--is-ancestor", older, newer]);
    return true;
  } catch {
    return false;
  }
}
async function pushRange(repoDir, push, sameRefs = []) {
  if (isNull(checkedId(push.after, "after"))) return { kind: "deleted" };
  const before = checkedId(push.before, "before");
  if (!isNull(before) && isAncestor(repoDir, before, push.after)) {
    return { kind: "fast-forward", revs: [push.after, `^${before}`] };
  }
  const others = otherRefCommits(repoDir, push.ref, ...sameRefs);
  return { kind: isNull(before) ? "new-ref" : "force-push", revs: [push.after, ...others.map((sha) => `^${sha}`)] };
}

// src/cli/ci-environment.ts
import { spawnSync as spawnSync3 } from "node:child_process";
function headCommit(cwd) {
  const result2 = spawnSync3("git", ["rev-parse", "--verify", "--quiet", "HEAD"], { cwd, encoding: "utf8" });
  return result2.status === 0 ? result2.stdout.trim() || void 0 : void 0;
}
function ciContext(env, cwd) {
  const commit = env.GITHUB_SHA || env.CI_COMMIT_SHA || headCommit(cwd);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    return { commit, web: { url: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`, host: "github", commit } };
  }
  if (env.CI_PROJECT_URL) return { commit, web: { url: env.CI_PROJECT_URL, host: "gitlab", commit } };
  return { commit };
}

// src/report/finding-json.ts
function findingToJson(finding, reveal) {
  return {
    ruleId: finding.ruleId,
    description: finding.description,
    severity: finding.severity,
    tags: finding.tags,
    ...finding.repo === void 0 ? {} : { repo: finding.repo },
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    commit: finding.commit ?? null,
    ...finding.within === void 0 ? {} : { within: finding.within },
    author: finding.author ?? null,
    email: finding.email ?? null,
    date: finding.date ?? null,
    message: finding.message ?? null,
    secretRedacted: finding.secretRedacted,
    ...secretIdentity(finding),
    entropy: Math.round(finding.entropy * 1e3) / 1e3,
    checksumValid: finding.checksumValid,
    decodedFrom: finding.decodedFrom,
    fingerprint: finding.fingerprint,
    registry: finding.registry,
    ...finding.notListed === void 0 ? {} : { notListed: finding.notListed },
    ...finding.guidance === void 0 ? {} : { guidance: finding.guidance },
    ...reveal ? { secret: finding.secret.reveal() } : {}
  };
}
function renderJson(findings, reveal) {
  return `${JSON.stringify(findings.map((f) => findingToJson(f, reveal)), null, 2)}
`;
}

// src/report/gitlab-secret-detection.ts
import { createHash as createHash7 } from "node:crypto";
var GITLAB_SCHEMA_VERSION = "15.2.1";
var SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;
var NO_COMMIT = "0000000";
var SEVERITY = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
var TOOL = { id: "leakstop", name: "Leakstop", version: "0.1.0", vendor: { name: "Leakstop" } };
var schemaTime = (date) => date.toISOString().slice(0, 19);
function vulnerabilityId(finding, commit) {
  const hex2 = createHash7("sha256").update(`${finding.fingerprint}:${commit}`).digest("hex");
  return `${hex2.slice(0, 8)}-${hex2.slice(8, 12)}-${hex2.slice(12, 16)}-${hex2.slice(16, 20)}-${hex2.slice(20, 32)}`;
}
function vulnerability(finding, fallbackCommit, reveal) {
  const commit = finding.commit ?? fallbackCommit ?? NO_COMMIT;
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  const registry = finding.registry.match ? ` It is registered key ${finding.registry.keyId} (${finding.registry.status}).` : "";
  return {
    id: vulnerabilityId(finding, commit),
    category: "secret_detection",
    name: finding.description.slice(0, 255),
    description: `${finding.description}: ${secret}${finding.within === void 0 ? "" : ` (in the commit's ${finding.within})`}.${registry}`,
    severity: SEVERITY[finding.severity],
    solution: guidanceFor(finding).slice(0, 7e3),
    identifiers: [{ type: "leakstop_rule_id", name: `Leakstop rule ${finding.ruleId}`, value: finding.ruleId }],
    location: {
      file: finding.path,
      start_line: finding.line,
      end_line: Math.max(finding.line, finding.endLine),
      commit: {
        sha: commit,
        ...finding.author === void 0 ? {} : { author: finding.author },
        ...finding.date === void 0 ? {} : { date: finding.date },
        ...finding.message === void 0 ? {} : { message: finding.message }
      }
    }
  };
}
function renderGitlab(findings, stats, endedAt, fallbackCommit, reveal) {
  const startedAt = new Date(endedAt.getTime() - stats.durationMs);
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan: {
      analyzer: TOOL,
      scanner: TOOL,
      type: "secret_detection",
      start_time: schemaTime(startedAt),
      end_time: schemaTime(endedAt),
      status: "success"
    },
    vulnerabilities: findings.map((finding) => vulnerability(finding, fallbackCommit, reveal))
  };
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/junit.ts
var NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function xml(text) {
  return text.replace(NOT_XML, "\uFFFD").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}
function testCase(finding, reveal) {
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  const place = `${finding.path}:${finding.line}`;
  const details = [
    `${finding.description} at ${place}${finding.within === void 0 ? "" : ` (in the commit's ${finding.within})`}`,
    `secret: ${secret}`,
    ...finding.commit ? [`commit: ${finding.commit}${finding.author ? ` by ${finding.author}` : ""}`] : [],
    ...finding.registry.match ? [`registered key ${finding.registry.keyId} (${finding.registry.status})`] : [],
    `fix: ${guidanceFor(finding)}`
  ].join("\n");
  return [
    `    <testcase classname="leakstop.${xml(finding.ruleId)}" name="${xml(`${finding.ruleId} at ${place}`)}" file="${xml(finding.path)}" line="${finding.line}" time="0">`,
    `      <failure type="${xml(finding.ruleId)}" message="${xml(`${finding.ruleId}: ${secret} at ${place}`)}">${xml(details)}</failure>`,
    "    </testcase>"
  ].join("\n");
}
function renderJunit(result2, endedAt, reveal) {
  const { findings, stats } = result2;
  const seconds = (stats.durationMs / 1e3).toFixed(3);
  const tests = Math.max(1, findings.length);
  const cases = findings.length ? findings.map((finding) => testCase(finding, reveal)) : [`    <testcase classname="leakstop" name="no secrets found" time="${seconds}"/>`];
  const startedAt = new Date(endedAt.getTime() - stats.durationMs).toISOString().slice(0, 19);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Leakstop" tests="${tests}" failures="${findings.length}" errors="0" time="${seconds}">`,
    `  <testsuite name="leakstop" tests="${tests}" failures="${findings.length}" errors="0" skipped="0" time="${seconds}" timestamp="${startedAt}">`,
    ...cases,
    `    <system-out>${xml(summaryLines(result2).join("\n"))}</system-out>`,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n");
}

// src/report/text.ts
function where2(finding) {
  const place = `${finding.path}:${finding.line}:${finding.column}`;
  return finding.within === void 0 ? place : `${place} (${finding.within})`;
}
function registryNote(finding) {
  const match2 = finding.registry;
  if (!match2.match) return void 0;
  return `REGISTERED KEY ${match2.keyId} (owner ${match2.owner}, "${match2.label}", ${match2.status})`;
}
function renderText(findings, reveal) {
  const lines = [];
  for (const finding of findings) {
    const identity = shortSecretIdentity(finding);
    lines.push(`${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${where2(finding)}`);
    lines.push(`         ${finding.description}`);
    lines.push(`         secret: ${reveal ? finding.secret.reveal() : finding.secretRedacted}` + (finding.decodedFrom.length ? ` (decoded from ${finding.decodedFrom.join(" \u2192 ")})` : "") + `  ${identity.label}: ${identity.prefix}`);
    if (finding.commit) {
      lines.push(`         commit: ${finding.commit.slice(0, 12)} ${finding.author ?? ""} <${finding.email ?? ""}> ${finding.date ?? ""}`.trimEnd());
      if (finding.message) lines.push(`         message: ${finding.message}`);
    }
    const note = registryNote(finding);
    if (note) lines.push(`         ${note}`);
    if (finding.guidance) lines.push(`         fix: ${finding.guidance}`);
    lines.push("");
  }
  return lines.length ? `${lines.join("\n")}
` : "";
}

// src/cli/scan-output.ts
init_errors();

// src/private-file.ts
init_errors();
init_errno_text();

// src/cli/scan-output.ts
var OUTPUT_FORMATS = ["text", "json", "sarif", "gitlab", "junit", "markdown"];
function parseFormat(value) {
  const format = OUTPUT_FORMATS.find((known) => known === value);
  if (format) return format;
  throw new UsageError(`--format must be ${OUTPUT_FORMATS.slice(0, -1).join(", ")} or ${OUTPUT_FORMATS.at(-1)}, not "${value}"`);
}
function renderReport(result2, rules, options) {
  const { reveal } = options;
  switch (options.format) {
    case "json":
      return renderJson(result2.findings, reveal);
    case "sarif":
      return renderSarif(result2.findings, rules, result2.stats, reveal, options.srcRoot);
    case "gitlab":
      return renderGitlab(result2.findings, result2.stats, /* @__PURE__ */ new Date(), options.ci?.commit, reveal);
    case "junit":
      return renderJunit(result2, /* @__PURE__ */ new Date(), reveal);
    case "markdown":
      return renderMarkdown(result2, options.ci?.web, reveal);
    case "text":
      return renderText(result2.findings, reveal);
  }
}

// src/action/action-inputs.ts
init_errors();
function input(env, name) {
  return env[`INPUT_${name.replaceAll(" ", "_").toUpperCase()}`]?.trim() || void 0;
}
function readInputs(env) {
  const failOn = input(env, "fail-on") ?? "any";
  if (failOn !== "any" && failOn !== "new" && failOn !== "none") throw new UsageError(`input fail-on must be any, new or none, not "${failOn}"`);
  return {
    config: input(env, "config"),
    baseline: input(env, "baseline"),
    failOn,
    format: parseFormat(input(env, "format") ?? "text"),
    sarifFile: input(env, "sarif-file") ?? "leakstop.sarif",
    registry: input(env, "registry")
  };
}

// src/action/event-scope.ts
var short = (sha) => sha.slice(0, 7);
function eventScope(eventName, payload) {
  const pull = payload.pull_request;
  if ((eventName === "pull_request" || eventName === "pull_request_target") && pull?.base?.sha && pull.head?.sha) {
    const { base, head } = { base: pull.base.sha, head: pull.head.sha };
    return { kind: "pull-request", base, head, what: `pull request #${pull.number ?? "?"} (${short(base)}..${short(head)})` };
  }
  if (eventName === "push" && payload.ref && payload.before && payload.after) {
    const push = { ref: payload.ref, before: payload.before, after: payload.after };
    const name = push.ref.replace(/^refs\/(heads|tags)\//, "");
    if (payload.deleted || isNull(push.after)) return { kind: "nothing", what: `the deletion of ${name} (nothing to scan)` };
    const what = isNull(push.before) ? `the new ${push.ref.startsWith("refs/tags/") ? "tag" : "branch"} ${name} (${short(push.after)})` : `the push to ${name} (${short(push.before)}..${short(push.after)})`;
    return { kind: "push", push, what };
  }
  return { kind: "full", what: `the whole history (${eventName || "no event"})` };
}

// src/action/fetch-history.ts
var REMOTE = "origin";
var BRANCHES = "+refs/heads/*:refs/remotes/origin/*";
var TAGS = "+refs/tags/*:refs/tags/*";
var hasCommit = (repoDir, sha) => {
  try {
    runGit(repoDir, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
};
function neededCommits(scope) {
  if (scope.kind === "pull-request") return [scope.base, scope.head];
  if (scope.kind === "push") return [scope.push.after, scope.push.before].filter((sha) => !/^0+$/.test(sha));
  return [];
}
function fetchHistory(repoDir, scope) {
  if (scope.kind === "nothing") return [];
  const shallow = runGit(repoDir, ["rev-parse", "--is-shallow-repository"]).toString().trim() === "true";
  const refspecs = scope.kind === "full" ? [BRANCHES, TAGS] : scope.kind === "push" ? [BRANCHES] : [];
  const missing = neededCommits(scope).filter((sha) => !hasCommit(repoDir, sha));
  if (shallow) {
    runGit(repoDir, ["fetch", "--quiet", "--no-tags", "--unshallow", REMOTE, ...refspecs, ...neededCommits(scope)]);
    return [`The checkout was shallow: fetched the history it lacked (git fetch --unshallow ${REMOTE}) to scan ${scope.what}.`];
  }
  if (missing.length === 0) return [];
  runGit(repoDir, ["fetch", "--quiet", "--no-tags", REMOTE, ...refspecs, ...missing]);
  return [`Fetched ${missing.length} commit${missing.length === 1 ? "" : "s"} the checkout lacked (${missing.map((sha) => sha.slice(0, 7)).join(", ")}).`];
}

// src/action/run-action.ts
async function narrowing(repoDir, scope) {
  switch (scope.kind) {
    case "full":
      return {};
    case "pull-request":
      return { range: `${scope.base}..${scope.head}` };
    case "nothing":
      return void 0;
    case "push": {
      const branch = scope.push.ref.startsWith("refs/heads/") ? scope.push.ref.slice("refs/heads/".length) : void 0;
      const range2 = await pushRange(repoDir, scope.push, branch ? [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`] : []);
      return range2.kind === "deleted" ? void 0 : { revs: range2.revs };
    }
  }
}
function annotation(finding) {
  const registry = finding.registry.match ? ` Registered key ${finding.registry.keyId} (${finding.registry.status}).` : "";
  const message = `${finding.description}: ${finding.secretRedacted}${finding.commit ? ` (commit ${finding.commit.slice(0, 7)})` : ""}.${registry} ${guidanceFor(finding)}`;
  const title = `Leaked secret: ${finding.ruleId}`;
  if (finding.within !== void 0) return annotationCommand({ level: "error", title: `${title} in the ${finding.within} of ${finding.commit?.slice(0, 7)}`, message });
  const sameLine = finding.endLine === finding.line;
  return annotationCommand({
    level: "error",
    title,
    file: finding.path,
    line: finding.line,
    endLine: Math.max(finding.line, finding.endLine),
    ...sameLine ? { col: finding.column, endColumn: Math.max(finding.column, finding.endColumn - 1) } : {},
    message
  });
}
async function runAction(env) {
  const inputs = readInputs(env);
  const workspace = path13.resolve(env.GITHUB_WORKSPACE ?? ".");
  const payload = env.GITHUB_EVENT_PATH ? JSON.parse(fs15.readFileSync(env.GITHUB_EVENT_PATH, "utf8")) : {};
  const scope = eventScope(env.GITHUB_EVENT_NAME ?? "", payload);
  const notes = fetchHistory(workspace, scope);
  for (const note of notes) process.stdout.write(`Leakstop: ${note}
`);
  const fingerprintKey = loadFingerprintKey();
  const baseline = inputs.baseline ? readBaseline(path13.resolve(workspace, inputs.baseline), fingerprintKey) : void 0;
  const registry = inputs.registry ? await (await Promise.resolve().then(() => (init_open_registry(), open_registry_exports))).openRegistry(inputs.registry) : void 0;
  try {
    const prepared = await prepareScan({ configPath: inputs.config && path13.resolve(workspace, inputs.config), registry, fingerprintKey });
    const revs = await narrowing(workspace, scope);
    const scanned = revs ? await scanHistory({ repoPath: workspace, ...revs, config: prepared.config, extraRules: prepared.registryRules, plan: prepared.plan, engine: prepared.engine, fingerprintKey, cache: false, progress: false }) : { findings: [], stats: emptyStats() };
    const safe = new ReportRedactor(prepared.engine).scanResult(await attachRegistry(scanned, prepared));
    const filtered = baseline ? applyBaseline(safe.findings, baseline) : void 0;
    const kept = filtered ? { ...safe, findings: filtered.findings } : safe;
    const rules = [...prepared.config.rules, ...prepared.registryRules];
    const ci = ciContext(env, workspace);
    process.stdout.write(`Leakstop scanned ${scope.what}.
`);
    process.stdout.write(withoutCommands(renderReport(kept, rules, { format: inputs.format, reveal: false, srcRoot: workspace, ci })));
    process.stdout.write(`${summaryLines(kept, { suppressed: filtered?.suppressed, staleBaseline: filtered?.stale.length }).join("\n")}
`);
    for (const finding of kept.findings) process.stdout.write(annotation(finding));
    const sarifFile = path13.resolve(workspace, inputs.sarifFile);
    fs15.mkdirSync(path13.dirname(sarifFile), { recursive: true });
    fs15.writeFileSync(sarifFile, renderSarif(kept.findings, rules, kept.stats, false, workspace));
    appendSummary(env.GITHUB_STEP_SUMMARY, `Leakstop scanned ${scope.what}.

${notes.map((note) => `${note}

`).join("")}${renderMarkdown(kept, ci.web, false)}`);
    setOutput(env.GITHUB_OUTPUT, "findings", String(kept.findings.length));
    setOutput(env.GITHUB_OUTPUT, "sarif-file", sarifFile);
    const failing = inputs.failOn === "any" ? safe.findings.length : inputs.failOn === "new" ? kept.findings.length : 0;
    if (failing === 0) return 0;
    process.stdout.write(annotationCommand({ level: "error", message: `Leakstop found ${failing} secret${failing === 1 ? "" : "s"} in ${scope.what} (fail-on: ${inputs.failOn}).` }));
    return 1;
  } finally {
    await registry?.close();
  }
}

// src/action/main.ts
runAction(process.env).then(
  (code2) => {
    process.exitCode = code2;
  },
  (error) => {
    const message = error instanceof LeakstopError ? error.message : `unexpected error: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`;
    process.stdout.write(annotationCommand({ level: "error", message: `leakstop: ${message}` }));
    process.exitCode = 2;
  }
);
/*! Bundled license information:

smol-toml/dist/error.js:
smol-toml/dist/primitive.js:
smol-toml/dist/date.js:
smol-toml/dist/extract.js:
smol-toml/dist/util.js:
smol-toml/dist/struct.js:
smol-toml/dist/parse.js:
smol-toml/dist/stringify.js:
smol-toml/dist/index.js:
  (*!
   * Copyright (c) Squirrel Chat et al., All rights reserved.
   * SPDX-License-Identifier: BSD-3-Clause
   *
   * Redistribution and use in source and binary forms, with or without
   * modification, are permitted provided that the following conditions are met:
   *
   * 1. Redistributions of source code must retain the above copyright notice, this
   *    list of conditions and the following disclaimer.
   * 2. Redistributions in binary form must reproduce the above copyright notice,
   *    this list of conditions and the following disclaimer in the
   *    documentation and/or other materials provided with the distribution.
   * 3. Neither the name of the copyright holder nor the names of its contributors
   *    may be used to endorse or promote products derived from this software without
   *    specific prior written permission.
   *
   * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
   * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
   * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
   * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
   * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
   * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
   * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
   * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
   * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
   * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
   *)
*/
