// A strict little XML reader for tests of XML reports: elements, attributes, text and the five
// predefined entities; throws on anything malformed (unbalanced tags, a raw `<` or `&`, bad names).
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/[<]/.test(text)) throw new Error(`raw < in ${JSON.stringify(text.slice(0, 40))}`);
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';') || !(name in ENTITIES)) throw new Error(`bad entity ${whole.slice(0, 12)}`);
    return ENTITIES[name]!;
  });
}

const NAME = '[A-Za-z_][\\w.-]*';
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, 'g');

export function parseXml(source: string): XmlElement {
  const body = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt < 0 ? body.length : lt);
    stack.at(-1)!.text += decode(text);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(body);
    if (!tag) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 40)}`);
    const [, closing, name, attributeText, selfClosing] = tag;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name || stack.length === 0) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(ATTRIBUTE)) {
        if (key! in attributes) throw new Error(`attribute ${key} twice`);
        attributes[key!] = decode(value!);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      stack.at(-1)!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    at = TAG.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  return root.children[0]!;
}
