// The contexts real files put a named value in, for the example matrix: every rule's examples
// are re-placed in each of them (test/unit/rule-example-contexts.test.ts). A context renders
// a name and a value into a small file; the name is re-spelt the way that syntax spells names
// (camelCase in code, kebab-case flags), which also checks keyword separator-insensitivity.
// Command lines that pass a password by a flag (`mysql -p…`, `curl -u user:…`) drop the name:
// there a value is found by its own shape or as a password, never by a name's keyword.

export interface AssignmentContext {
  name: string;
  render(name: string, value: string): string;
  /** The rendered text does not hold the name: a keyword-anchored rule cannot hold there. */
  nameless?: true;
  /** The value is glued to its flag (`-p…`), as only a password is written: only generic rules' values are placed there. */
  passwordOnly?: true;
}

/** `ALGOLIA_ADMIN_KEY` → its words: `algolia`, `admin`, `key`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const camel = (name: string) => words(name).map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
const kebab = (name: string) => words(name).join('-');
const dotted = (name: string) => words(name).join('.');
const upperSnake = (name: string) => words(name).join('_').toUpperCase();
const snake = (name: string) => words(name).join('_');

/** A value inside a JSON string literal. */
const json = (text: string) => JSON.stringify(text).slice(1, -1);

const contexts: [string, (name: string, value: string) => string][] = [
  ['env', (n, v) => `# service settings\n${upperSnake(n)}=${v}\n`],
  ['shell-export', (n, v) => `#!/bin/sh\nexport ${upperSnake(n)}="${v}"\n./run\n`],
  ['shell-single-quoted', (n, v) => `${upperSnake(n)}='${v}'\n`],
  ['yaml-plain', (n, v) => `service:\n  ${n}: ${v}\n  region: eu\n`],
  ['yaml-quoted', (n, v) => `service:\n  "${n}": "${v}"\n`],
  ['yaml-block-scalar', (n, v) => `service:\n  ${n}: |\n    ${v}\n  region: eu\n`],
  ['json', (n, v) => `{\n  "service": {\n    "${n}": "${json(v)}"\n  }\n}\n`],
  ['json-in-string', (n, v) => `{"config": "{\\"${n}\\": \\"${json(json(v))}\\"}"}\n`],
  ['json-env-string', (n, v) => `{"env": "REGION=eu\\n${upperSnake(n)}=${json(v)}\\nDEBUG=0"}\n`],
  ['toml', (n, v) => `[service]\n${n} = "${v}"\n`],
  ['ini', (n, v) => `[service]\nregion = eu\n${n} = ${v}\n`],
  ['properties', (n, v) => `app.region=eu\napp.${dotted(n)} : ${v}\n`],
  ['xml-element', (n, v) => `<config>\n  <${camel(n)}>${v}</${camel(n)}>\n</config>\n`],
  ['xml-element-multiline', (n, v) => `<config>\n  <${n}>\n    ${v}\n  </${n}>\n</config>\n`],
  ['xml-attribute', (n, v) => `<appSettings>\n  <add key="${n}" value="${v}" />\n</appSettings>\n`],
  ['android-string', (n, v) => `<resources>\n  <string name="${snake(n)}">${v}</string>\n</resources>\n`],
  ['hcl', (n, v) => `resource "service" "main" {\n  ${snake(n)} = "${v}"\n}\n`],
  ['dockerfile-env', (n, v) => `FROM node:20\nENV ${upperSnake(n)}=${v}\n`],
  ['dockerfile-env-space', (n, v) => `FROM node:20\nENV ${upperSnake(n)} ${v}\n`],
  ['dockerfile-arg', (n, v) => `FROM node:20\nARG ${upperSnake(n)}="${v}"\n`],
  ['makefile', (n, v) => `${upperSnake(n)} ?= ${v}\nall:\n\t./build\n`],
  ['makefile-immediate', (n, v) => `${upperSnake(n)} ::= ${v}\n`],
  ['php-array', (n, v) => `<?php\nreturn [\n    '${n}' => '${v}',\n];\n`],
  ['php-define', (n, v) => `<?php\ndefine('${upperSnake(n)}', '${v}');\n`],
  ['powershell', (n, v) => `$${camel(n)} = '${v}'\n`],
  ['powershell-env', (n, v) => `$env:${upperSnake(n)} = "${v}"\n`],
  ['cli-flag', (n, v) => `tool deploy --${kebab(n)} ${v} --verbose\n`],
  ['cli-flag-equals', (n, v) => `tool deploy --${kebab(n)}=${v}\n`],
  ['curl-header', (n, v) => `curl -s -H '${kebab(n)}: ${v}' https://api.internal/v1/items\n`],
  ['markdown-code-span', (n, v) => `Set \`${upperSnake(n)}=${v}\` before running.\n`],
  ['markdown-table', (n, v) => `| name | value |\n|---|---|\n| ${upperSnake(n)} | ${v} |\n`],
  ['go-var', (n, v) => `package main\n\nvar ${camel(n)} string = "${v}"\n`],
  ['go-short', (n, v) => `func main() {\n\t${camel(n)} := "${v}"\n}\n`],
  ['go-const-raw', (n, v) => `const ${camel(n)} = \`${v}\`\n`],
  ['csharp', (n, v) => `class Settings {\n    string ${camel(n)} = "${v}";\n}\n`],
  ['csharp-verbatim', (n, v) => `var ${camel(n)} = @"${v}";\n`],
  ['java', (n, v) => `class Settings {\n    private static final String ${upperSnake(n)} = "${v}";\n}\n`],
  ['typescript', (n, v) => `export const ${camel(n)}: string = "${v}";\n`],
  ['kotlin', (n, v) => `val ${camel(n)} = "${v}"\n`],
  ['rust', (n, v) => `let ${snake(n)}: &str = "${v}";\n`],
  ['swift', (n, v) => `let ${camel(n)} = "${v}"\n`],
  ['python-kwarg', (n, v) => `client = Client(${snake(n)}="${v}", timeout=3)\n`],
  ['python-dict', (n, v) => `settings = {'${n}': '${v}'}\n`],
  ['python-environ', (n, v) => `import os\nos.environ["${upperSnake(n)}"] = "${v}"\n`],
  ['java-set-property', (n, v) => `System.setProperty("${dotted(n)}", "${v}");\n`],
  ['map-put', (n, v) => `settings.put("${n}", "${v}");\n`],
  ['go-setenv', (n, v) => `os.Setenv("${upperSnake(n)}", "${v}")\n`],
  ['node-env', (n, v) => `process.env.${upperSnake(n)} = "${v}";\n`],
  ['ruby-env', (n, v) => `ENV["${upperSnake(n)}"] ||= "${v}"\n`],
  ['kubernetes-env', (n, v) => `env:\n  - name: ${upperSnake(n)}\n    value: "${v}"\n`],
  ['comparison', (n, v) => `if ${n} == "${v}":\n    pass\n`],
  ['not-equal', (n, v) => `if ${n} != "${v}":\n    rotate()\n`],
  ['makefile-posix-immediate', (n, v) => `${upperSnake(n)} :::= ${v}\n`],
  ['scala-map-arrow', (n, v) => `val settings = Map("${n}" -> "${v}")\n`],
  ['plus-equals', (n, v) => `${camel(n)} += "${v}"\n`],
  ['php-concat', (n, v) => `$${n} .= "${v}";\n`],
  ['r-arrow', (n, v) => `${dotted(n)} <- "${v}"\n`],
  ['tuple', (n, v) => `pairs = [("${n}", "${v}")]\n`],
];

/** Command lines giving a password by flag, the name nowhere. */
const namelessContexts: [string, (value: string) => string][] = [
  ['mysql-password-spaced', (v) => `mysql -h db.internal -u root -p ${v}\n`],
  ['sshpass', (v) => `sshpass -p '${v}' ssh deploy@10.0.0.5 uptime\n`],
  ['curl-user', (v) => `curl -s -u deploy:${v} https://repo.internal/api/upload\n`],
];

export const ASSIGNMENT_CONTEXTS: AssignmentContext[] = [
  ...contexts.map(([name, render]) => ({ name, render })),
  ...namelessContexts.map(([name, render]) => ({ name, render: (_name: string, value: string) => render(value), nameless: true as const })),
  {
    name: 'mysql-password-attached',
    render: (_name: string, value: string) => `mysql -h db.internal -u root -p${value} app_db\n`,
    nameless: true,
    passwordOnly: true,
  },
];
