// Validates each .docx named after the module and the Office version with
// the Open XML SDK's validator, and prints, as JSON, the problems it finds
// in each: a part, a path in it, and what the schema expected.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [module, version, ...files] = process.argv.slice(1);
const { default: validate } = await import(pathToFileURL(module).href);
const out = {};
for (const file of files) {
  out[file] = await validate(await readFile(file), "docx", version);
}
process.stdout.write(JSON.stringify(out));
process.exit(0);
