// Generates libs/sop-model/src/generated/ from schemas/sop.schema.json, the single source of truth
// of an SOP document's shape. Used by `npm run generate:types` and by the drift test.
const fs = require('node:fs');
const path = require('node:path');
const { compile } = require('json-schema-to-typescript');

const root = path.join(__dirname, '..');
const schemaPath = path.join(root, 'schemas/sop.schema.json');
const outDir = path.join(root, 'libs/sop-model/src/generated');
const banner = '/* eslint-disable */\n// GENERATED from schemas/sop.schema.json by `npm run generate:types`. Do not edit.\n';

async function generate() {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const types = await compile(schema, 'SopDocument', {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  const schemaModule = `${banner}\nexport const sopSchema = ${JSON.stringify(schema, null, 2)} as const;\n`;
  return {
    [path.join(outDir, 'sop-document.ts')]: types,
    [path.join(outDir, 'sop-schema.ts')]: schemaModule,
  };
}

module.exports = { generate, outDir };

if (require.main === module) {
  const check = process.argv.includes('--check');
  generate().then((files) => {
    let drift = 0;
    for (const [file, text] of Object.entries(files)) {
      const rel = path.relative(root, file);
      if (check) {
        const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
        if (current !== text) {
          drift++;
          console.error(`${rel} is out of date with schemas/sop.schema.json: run \`npm run generate:types\``);
        }
      } else {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(file, text);
        console.log(`wrote ${rel}`);
      }
    }
    process.exitCode = drift ? 1 : 0;
  });
}
