import { createRequire as leakstopCreateRequire } from 'node:module';
const require = leakstopCreateRequire(import.meta.url);

// src/pipeline/detect-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/detect/compile-engine.ts
import { createHash } from "node:crypto";

// src/errors.ts
var LeakstopError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var ConfigError = class extends LeakstopError {
};

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
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
      result = [left, right];
    }
  }
  return result;
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
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
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
  push(...parts) {
    for (const p of parts) {
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
    const parts = [];
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
        parts.push(part);
        part = new _a(null, ast);
        continue;
      }
      if (c === ")") {
        if (acc === "" && ast.#parts.length === 0) {
          ast.#emptyExt = true;
        }
        part.push(acc);
        acc = "";
        ast.push(...parts, part);
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
var path = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
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
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      parts = parts.reduce((set, part) => {
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
      return parts.length === 0 ? [""] : parts;
    });
  }
  levelTwoFileOptimize(parts) {
    if (!Array.isArray(parts)) {
      parts = this.slashSplit(parts);
    }
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      let dd = 0;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd -= 2;
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
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
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        let dd = 0;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
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
    let result = [];
    let which = "";
    while (ai < a.length && bi < b.length) {
      if (a[ai] === b[bi]) {
        result.push(which === "b" ? b[bi] : a[ai]);
        ai++;
        bi++;
      } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
        result.push(a[ai]);
        ai++;
      } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
        result.push(b[bi]);
        bi++;
      } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
        if (which === "b")
          return false;
        which = "a";
        result.push(a[ai]);
        ai++;
        bi++;
      } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
        if (which === "a")
          return false;
        which = "b";
        result.push(b[bi]);
        ai++;
        bi++;
      } else {
        return false;
      }
    }
    return a.length === b.length && result;
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
function normalizePath(path2) {
  return path2.replaceAll("\\", "/").replace(/^(?:\.\/)+/, "");
}
function compilePathMatcher(globs, regexes = []) {
  if (globs.length === 0 && regexes.length === 0) return void 0;
  let matcher;
  return (path2) => (matcher ??= buildMatcher(globs, regexes))(path2);
}
function buildMatcher(globs, regexes) {
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, matchBase: true, nocomment: true }));
  const tests = regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, "")));
  return (path2) => {
    const normalized = normalizePath(path2);
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
function targetText(target, candidate) {
  return target === "secret" ? candidate.secret : target === "match" ? candidate.match() : candidate.line();
}
function containsStopword(secret, stopwords) {
  const lower = secret.toLowerCase();
  return stopwords.some((word) => lower.includes(word));
}

// src/detect/fingerprint-key.ts
import { createHmac, randomBytes } from "node:crypto";
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
    return new _FingerprintKey(randomBytes(32));
  }
  /** 64 hex characters; undefined when the text is not that. */
  static fromHex(text) {
    const hex = text.trim();
    return HEX_KEY.test(hex) ? new _FingerprintKey(Buffer.from(hex, "hex")) : void 0;
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

// src/detect/line-index.ts
var LineIndex = class {
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
function linesAround(text, start, end) {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", Math.max(start, end - 1));
  return text.slice(from, newline < 0 ? text.length : newline);
}

// src/detect/inline-allow.ts
var INLINE_ALLOW_MARKERS = ["leakstop:allow", "gitleaks:allow", "pragma: allowlist secret"];
var REACH = 1024;
function hasInlineAllow(text, start, end) {
  const from = Math.max(0, start - REACH);
  const lines = linesAround(text.slice(from, Math.min(text.length, end + REACH)), start - from, end - from).toLowerCase();
  return INLINE_ALLOW_MARKERS.some((marker) => lines.includes(marker));
}

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

// src/detect/encoded-segments.ts
var DECODE_BUDGET = 1024 * 1024;
var MIN_BASE64_RUN = 16;
var BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
var MAX_URL_SEGMENT = 64 * 1024;
var MIN_DECODED_LENGTH = 8;
var BASE64_VALUES = (() => {
  const values = new Int8Array(65536).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) values[BASE64_ALPHABET.charCodeAt(i)] = i;
  return values;
})();
var HEX_DIGIT = (() => {
  const table = new Uint8Array(65536);
  for (const ch of "0123456789abcdefABCDEF") table[ch.charCodeAt(0)] = 1;
  return table;
})();
var URL_DELIMITERS = (() => {
  const table = new Uint8Array(65536);
  for (const ch of " 	\n\r\f\v\"'`<>(){}[],") table[ch.charCodeAt(0)] = 1;
  return table;
})();
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
var scratch = Buffer.allocUnsafe(4096);
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

// src/detect/dfa-scanner.ts
var CLASSES = 16;
var TABLE = CLASSES + 65536 * 2;
var EVENT_BYTES = 8;
var EVENT_CAPACITY = 4096;
var PAGE = 65536;
var BASE64_BIT = 32768;
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
var sized = (bytes) => [...leb(bytes.length), ...bytes];
var emit = (a, b) => [
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
var BODY = [
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
var MODULE_BYTES = new Uint8Array([
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
var wasm = globalThis.WebAssembly;
var compiled;
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
          const grown = new Int32Array(Math.max(2 * found.length, count + list.length));
          grown.set(found.subarray(0, count));
          found = grown;
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

// src/detect/common-ends.ts
var CHUNKS = [2048, 128, 8];
var bytesOf = (units) => Buffer.from(units.buffer, units.byteOffset, units.byteLength);
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

// src/detect/shared-blocks.ts
var SEARCHED = 4096;
var WINDOW = 64;
var KEPT = 1024;
var NEAR = 8192;
var TRIED_AT = [0.5, 0.25, 0.75];
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

// src/detect/prefilter-trace.ts
var BASE64 = new Uint8Array(65536);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64[BASE64_ALPHABET.charCodeAt(i)] = 1;
var WORTH_COMPOSING = 0.25;
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

// src/detect/keyword-prefilter.ts
var REGION_SIZE = 32 * 1024;
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
      const code = keyword.charCodeAt(i);
      if (!classOf.has(code)) classOf.set(code, classOf.size + 1);
    }
  }
  const classCount = classOf.size + 1;
  const classes = new Uint16Array(65536);
  for (const [code, cls] of classOf) {
    classes[code] = cls;
    const ch = String.fromCharCode(code);
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
    const row = renumbered[old] * classCount;
    accepting[renumbered[old]] = outputs[old];
    for (let cls = 0; cls < classCount; cls++) table[row + cls] = renumbered[delta[old * classCount + cls]] * rowBytes;
  }
  const firstAccepting = order.findIndex((old) => outputs[old].length > 0);
  const acceptFrom = firstAccepting < 0 ? table.byteLength : firstAccepting * rowBytes;
  const start = renumbered[0] * rowBytes;
  const recordedAt = accepting.map((ids) => ids.filter((id) => recorded.has(id)).flatMap((id) => [id, lower[id].length]));
  const classOf16 = [];
  classes.forEach((cls, code) => cls !== 0 && classOf16.push([code, cls]));
  const { from: acceptingFrom, values: acceptingIds } = flatten(accepting);
  const { from: recordedFrom, values: recordedIds } = flatten(recordedAt);
  return { keywords: lower, classOf: classOf16, table, rowBytes, start, acceptFrom, acceptingFrom, acceptingIds, recordedFrom, recordedIds };
}
function prefilterFromTables(tables) {
  const { keywords: lower, table, rowBytes, start, acceptFrom, acceptingFrom, acceptingIds, recordedFrom, recordedIds } = tables;
  const classes = new Uint16Array(65536);
  for (const [code, cls] of tables.classOf) classes[code] = cls;
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
      const row = events[k + 1] / rowBytes;
      for (let w = recordedFrom[row]; w < recordedFrom[row + 1]; w += 2) (starts[recordedIds[w]] ??= []).push(end - recordedIds[w + 1]);
      const regionIndex = regions ? Math.floor((end - 1) / REGION_SIZE) : 0;
      if (metIn[row] === pass && metInRegion[row] === regionIndex) continue;
      metIn[row] = pass;
      metInRegion[row] = regionIndex;
      const region = regions?.[regionIndex];
      for (let a = acceptingFrom[row]; a < acceptingFrom[row + 1]; a++) {
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

// src/detect/rule-guard.ts
import fs from "node:fs";
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
    return fs.existsSync(fileURLToPath(WORKER_FILE));
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
    const { MessageChannel, Worker } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const worker = new Worker(WORKER_FILE, {
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
var CONTROL_ESCAPES = { t: "	", n: "\n", r: "\r", f: "\f", v: "\v" };
function readLiteral(source, pos) {
  const char = source[pos];
  if (char !== "\\") return "[.(*+?{$".includes(char) ? void 0 : { chars: [char], end: pos + 1 };
  const next = source[pos + 1];
  if (next === void 0) return void 0;
  if (CONTROL_ESCAPES[next]) return { chars: [CONTROL_ESCAPES[next]], end: pos + 2 };
  const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(source.slice(pos + 1, pos + 6));
  if (hex) return { chars: [String.fromCharCode(parseInt(hex[1] ?? hex[2], 16))], end: pos + 1 + hex[0].length };
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
  const caseless = chars.filter((char, i) => chars.findIndex((other) => other.toLowerCase() === char.toLowerCase()) === i);
  if (exact && caseless.length < chars.length) return void 0;
  return at < source.length && chars.length > 0 && chars.length <= 8 ? { chars: caseless, end: at + 1 } : void 0;
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

// src/detect/plan-engine.ts
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

// src/detect/compile-engine.ts
function compileEngine(config2, extraRules2 = [], fingerprintKey = FingerprintKey.random()) {
  return assembleEngine(config2, extraRules2, planEngine([...config2.rules, ...extraRules2]), fingerprintKey);
}
function assembleEngine(config2, extraRules2, plan2, fingerprintKey = FingerprintKey.random()) {
  const rules = [...config2.rules, ...extraRules2];
  const anchored = new Set(plan2.anchored);
  const allowlistByKey = /* @__PURE__ */ new Map();
  const keep = (allowlist) => (allowlistByKey.set(allowlist.key, allowlist), allowlist);
  const globals = config2.allowlists.map((allowlist, index) => ({
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
      const casedStarts = plan2.casedStarts[index];
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
    prefilter: prefilterFromTables(plan2.prefilter),
    rulesByKeyword,
    keywordIdsByRule,
    alwaysRun,
    inlineAllowIds,
    allowlists: globals.filter(({ targets }) => !targets?.length).map(({ compiled: compiled2 }) => compiled2),
    allowlistByKey,
    version: engineVersion(config2, extraRules2),
    maxFileSize: config2.maxFileSize,
    fingerprintKey
  };
}
function engineVersion(config2, extraRules2) {
  if (extraRules2.length === 0) return config2.rulesetVersion;
  const hash = createHash("sha256").update(config2.rulesetVersion);
  for (const rule of extraRules2) {
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

// src/types.ts
import { inspect as inspect2 } from "node:util";

// src/detect/checksum.ts
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
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

// src/redact.ts
var PREFIX = /^[A-Za-z][A-Za-z0-9]{0,10}(?:[_-][A-Za-z0-9]{1,8})?[_-]/;
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

// src/types.ts
var Secret = class {
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

// src/detect/list-cap.ts
var MAX_LISTED_PER_RULE = 1e3;
function capListed(items, keyOf) {
  const listed = [];
  const notListed = /* @__PURE__ */ new Map();
  const counts2 = /* @__PURE__ */ new Map();
  const summaries = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = keyOf(item);
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

// src/detect/entropy.ts
var counts = new Uint32Array(65536);
function shannonEntropy(text) {
  const length = text.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) counts[text.charCodeAt(i)]++;
  let entropy = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const count = counts[code];
    if (count === 0) continue;
    const p = count / length;
    entropy -= p * Math.log2(p);
    counts[code] = 0;
  }
  return entropy;
}

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
function judgeCandidate(engine2, rule, match2, text) {
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
  if (engine2.allowlists.length > 0 || rule.allowlists.length > 0) {
    const candidate = {
      secret,
      match: () => text.slice(match2.matchStart, match2.matchEnd),
      line: () => linesAround(text, match2.matchStart, match2.matchEnd)
    };
    for (const allowlist of [...engine2.allowlists, ...rule.allowlists]) {
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
      let code;
      if (this.source[this.#at] === "\\") {
        const escaped = this.#escapedUnit();
        if (escaped === "break") holdsBreak = true;
        code = typeof escaped === "number" ? escaped : void 0;
      } else {
        code = this.source.charCodeAt(this.#at++);
      }
      if (this.source[this.#at] === "-" && this.source[this.#at + 1] !== "]" && code !== void 0) {
        this.#at++;
        const end = this.source[this.#at] === "\\" ? this.#escapedUnit() : this.source.charCodeAt(this.#at++);
        if (typeof end !== "number") throw new NotLocal();
        if (code <= 10 && end >= 10) holdsBreak = true;
        continue;
      }
      if (code === 10) holdsBreak = true;
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
function forEachSelectedMatch(rule, text, where, visit) {
  if (where.starts) forEachAnchoredMatch(rule, text, where.starts, visit);
  else if (where.spans) for (const span of where.spans) forEachRuleMatch(rule, text, visit, span);
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
function selectRules(engine2, prefiltered, length) {
  const selected = new Uint8Array(engine2.rules.length);
  const indexes = [];
  for (const index of engine2.alwaysRun) {
    selected[index] = 2;
    indexes.push(index);
  }
  for (const id of prefiltered.foundIds) {
    for (const index of engine2.rulesByKeyword[id]) {
      if (selected[index] !== 0) continue;
      selected[index] = 1;
      indexes.push(index);
    }
  }
  indexes.sort((a, b) => a - b);
  const { regions } = prefiltered;
  const rules = [];
  for (const index of indexes) {
    const starts = engine2.rules[index].anchor ? anchorStarts(engine2, index, prefiltered, length) : void 0;
    if (starts) {
      rules.push({ index, starts });
      continue;
    }
    const spans = regions && selected[index] === 1 ? ruleSpans(engine2, index, regions, length) : void 0;
    rules.push(spans ? { index, spans } : { index });
  }
  return rules;
}
function ruleSpans(engine2, index, regions, length) {
  const ids = engine2.keywordIdsByRule[index];
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
function anchorStarts(engine2, index, prefiltered, length) {
  const lists = [];
  let count = 0;
  for (const id of engine2.keywordIdsByRule[index]) {
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
function runRules(text, prefiltered, engine2, drops, carry) {
  const candidates = [];
  const shadows = [];
  const stopped = [];
  const carried = carry && { carriable: /* @__PURE__ */ new Map(), ran: /* @__PURE__ */ new Set() };
  const basis = carry?.basis;
  const dirtyRegionOf = basis && dirtyRegions(text, basis.changed);
  for (const selected of selectRules(engine2, prefiltered, text.length)) {
    const { index } = selected;
    carried?.ran.add(index);
    const rule = engine2.rules[index];
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
      const judgement = judgeCandidate(engine2, rule, match2, text);
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
    } else if (!rule.guarded || !engine2.guard) {
      forEachSelectedMatch(rule, text, selected, visit);
    } else {
      const guarded = engine2.guard.matches(text, selected);
      if (guarded.ok) for (const match2 of guarded.matches) visit(match2);
      else stopped.push({ ruleIndex: index, reason: guarded.reason });
    }
    if (found) carried?.carriable.set(index, { matches: found });
  }
  return carried ? { candidates, shadows, stopped, carried } : { candidates, shadows, stopped };
}
var NONE = { matches: [] };

// src/detect/supersede.ts
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
function withoutSuperseded(candidates, shadows, engine2, drops) {
  const ruleOf = (candidate) => engine2.rules[candidate.ruleIndex];
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
    if (samePlace.length > 1) keepOnePerPlace(candidates, samePlace, engine2, drop);
  }
  return candidates.filter((_, at) => dropped[at] === 0);
}
function keepOnePerPlace(candidates, starting, engine2, drop) {
  const place = (at) => candidates[at];
  starting.sort((a, b) => place(a).end - place(b).end || (place(a).secret < place(b).secret ? -1 : place(a).secret > place(b).secret ? 1 : 0));
  let best = starting[0];
  for (let i = 1; i < starting.length; i++) {
    const at = starting[i];
    if (place(at).end !== place(best).end || place(at).secret !== place(best).secret) {
      best = at;
    } else if (better(place(at), place(best), engine2)) {
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
function better(candidate, other, engine2) {
  const rule = engine2.rules[candidate.ruleIndex];
  const otherRule = engine2.rules[other.ruleIndex];
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
function detectContent(text, engine2, options = {}) {
  const { onDrop, lines } = options;
  const source = text.includes("\r\n") ? text.replaceAll("\r\n", "\n") : text;
  const drops = onDrop ? [] : void 0;
  const prefiltered = options.lineage ? options.lineage.prefilter(source, engine2.prefilter) : engine2.prefilter.scan(source);
  const lineage = drops ? void 0 : options.lineage;
  const { candidates, shadows, stopped } = scanLevel(source, prefiltered, engine2, 1, { remaining: DECODE_BUDGET }, drops, lineage);
  const told = /* @__PURE__ */ new Set();
  for (const { ruleIndex, reason } of stopped) {
    if (!told.has(ruleIndex)) options.onRuleStopped?.(engine2.rules[ruleIndex].rule.id, reason);
    told.add(ruleIndex);
  }
  const inlineMarkers = engine2.inlineAllowIds.some((id) => prefiltered.found[id] === 1);
  const index = new LineIndex(source);
  const reportable = [];
  for (const candidate of withoutSuperseded(sortAndDedupe(candidates), shadows, engine2, drops)) {
    const rule = engine2.rules[candidate.ruleIndex];
    if (inlineMarkers && !rule.bypass && hasInlineAllow(source, candidate.spanStart, candidate.spanEnd)) {
      drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: "inline-allow" });
      continue;
    }
    const start = index.position(candidate.start);
    if (!lines || lines.has(start.line)) reportable.push({ candidate, start });
  }
  const { listed, notListed } = capListed(reportable, ({ candidate }) => engine2.rules[candidate.ruleIndex].bypass || candidate.pending ? void 0 : candidate.ruleIndex);
  const matches = listed.map((item) => {
    const { candidate, start } = item;
    const end = index.position(candidate.end);
    const match2 = {
      ruleId: engine2.rules[candidate.ruleIndex].rule.id,
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
      const dropped = { ruleId: engine2.rules[drop.ruleIndex].rule.id, line: index.position(drop.offset).line, reason: drop.reason };
      if (drop.secret !== void 0) dropped.secret = new Secret(drop.secret);
      onDrop(dropped);
    }
  }
  return matches;
}
function scanLevel(text, prefiltered, engine2, depth, budget, drops, lineage) {
  const found = runRules(text, prefiltered, engine2, drops, lineage && { basis: lineage.basis });
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
  const inner = scanLevel(decoded, engine2.prefilter.scan(decoded), engine2, depth + 1, budget, innerDrops);
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
  const parts = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(bytes.length, start + UTF8_BLOCK);
    while (end < bytes.length && (bytes[end] & 192) === 128) end++;
    parts.push(bytes.toString(isAscii(bytes.subarray(start, end)) ? "latin1" : "utf8", start, end));
    start = end;
  }
  return parts.join("");
}
function decode(bytes, encoding) {
  if (encoding === "utf-8") return decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return new TextDecoder(encoding).decode(bytes);
}
function toText(bytes, maxSize) {
  if (bytes.byteLength > maxSize) return { kind: "large", size: bytes.byteLength };
  const encoding = detectEncoding(bytes);
  if (encoding === "binary") return { kind: "binary" };
  return { kind: "text", text: decode(bytes, encoding) };
}

// src/pipeline/detect-blob.ts
function detectBlob(bytes, engine2, lineage) {
  const text = toText(bytes, Number.POSITIVE_INFINITY);
  if (text.kind !== "text") return { kind: "binary" };
  const stopped = [];
  const matches = detectContent(text.text, engine2, { onRuleStopped: (ruleId, reason) => stopped.push({ ruleId, reason }), lineage });
  const incomplete = stopped.length > 0 ? { stopped } : {};
  if (matches.length === 0) return { kind: "clean", ...incomplete };
  return { kind: "matches", matches: matches.map((match2) => ({ ...match2, secret: match2.secret.reveal() })), ...incomplete };
}

// src/sources/read-file-bytes.ts
import fs2 from "node:fs";

// src/errno-text.ts
var WORDS = {
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
function errnoText(error, fallback) {
  const code = error?.code;
  const message = error instanceof Error ? error.message : "";
  if (typeof code !== "string") return fallback ?? (message.split("\n")[0] || "unreadable");
  const known = WORDS[code];
  if (known) return known;
  return new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1]?.trim() || fallback || code;
}

// src/sources/read-file-bytes.ts
function readFileBytes(file, maxSize, allocate = Buffer.allocUnsafe) {
  let fd;
  try {
    fd = fs2.openSync(file, "r");
  } catch (error) {
    return unreadable(error);
  }
  try {
    const size = fs2.fstatSync(fd).size;
    if (size > maxSize) return { kind: "large", size };
    const bytes = allocate(size);
    let read = 0;
    while (read < size) {
      const n = fs2.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { kind: "bytes", bytes: bytes.subarray(0, read) };
  } catch (error) {
    return unreadable(error);
  } finally {
    fs2.closeSync(fd);
  }
}
function unreadable(error) {
  return { kind: "unreadable", reason: errnoText(error) };
}

// src/pipeline/detect-file.ts
function detectBytes(read, engine2) {
  if (read.kind !== "bytes") return read;
  return { ...detectBlob(read.bytes, engine2), size: read.bytes.byteLength };
}
var REUSED_BYTES = 1 << 20;
var scratch2;
function reusedBuffer(size) {
  if (size > REUSED_BYTES) return Buffer.allocUnsafe(size);
  scratch2 ??= Buffer.allocUnsafeSlow(REUSED_BYTES);
  return scratch2.subarray(0, size);
}
function detectFile(file, engine2) {
  return detectBytes(readFileBytes(file, engine2.maxFileSize, reusedBuffer), engine2);
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
    const { result, trace } = prefilter.scanTraced(text, this.#trace);
    if (this.#buffer.length < trace.units.length) this.#buffer = new Uint16Array(Math.max(trace.units.length, 2 * this.#buffer.length));
    const units = this.#buffer.subarray(0, trace.units.length);
    units.set(trace.units);
    this.#trace = { ...trace, units };
    this.#earlier = this.#latest;
    this.#latest = void 0;
    this.#changed = trace.unchanged && changedLines(text, trace.unchanged);
    return result;
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
  detect(path2, detect) {
    if (path2 === void 0) return detect();
    const lineage = this.#byPath.get(path2) ?? new FileLineage();
    this.#byPath.delete(path2);
    this.#units -= lineage.size;
    try {
      return detect(lineage);
    } finally {
      this.#byPath.set(path2, lineage);
      this.#units += lineage.size;
      for (const [oldest, kept] of this.#byPath) {
        if (this.#units <= KEPT_UNITS) break;
        this.#byPath.delete(oldest);
        this.#units -= kept.size;
      }
    }
  }
};

// src/pipeline/detect-worker.ts
var { config, extraRules, plan } = workerData;
var engine = plan ? assembleEngine(config, extraRules, plan) : compileEngine(config, extraRules);
var lineages = new FileLineages();
parentPort.postMessage({ ready: true });
parentPort.on("message", (task) => {
  if ("files" in task) {
    parentPort.postMessage({ id: task.id, verdicts: task.files.map((file) => detectFile(file, engine)) });
    return;
  }
  const bytes = new Uint8Array(task.buffer);
  const verdicts = [];
  let start = 0;
  task.ends.forEach((end, i) => {
    const content = bytes.subarray(start, end);
    verdicts.push(lineages.detect(task.paths?.[i], (lineage) => detectBlob(content, engine, lineage)));
    start = end;
  });
  parentPort.postMessage({ id: task.id, verdicts, buffer: task.buffer }, [task.buffer]);
});
