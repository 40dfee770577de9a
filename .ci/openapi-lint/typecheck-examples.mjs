// Types the contract as a TypeScript integrator would (openapi-typescript), then writes every example
// agreement and figure batch of contracts/examples as an object literal that must satisfy its request
// type: tsc refuses a missing required member, an unknown member, or a value outside an enum.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";

const contracts = join(import.meta.dirname, "..", "..", "contracts");
const out = mkdtempSync(join(tmpdir(), "revshare-ts-"));
execFileSync(join(import.meta.dirname, "node_modules", ".bin", "openapi-typescript"),
  [join(contracts, "openapi.json"), "--output", join(out, "api.d.ts")], { stdio: ["ignore", "ignore", "inherit"] });

const examples = [
  ["agreements", "AgreementDocument"],
  ["figures", "FigureBatchRequest"],
];
let source = 'import type { components } from "./api";\n';
let count = 0;
for (const [folder, schema] of examples) {
  for (const file of readdirSync(join(contracts, "examples", folder)).filter(f => f.endsWith(".json")).sort()) {
    const json = readFileSync(join(contracts, "examples", folder, file), "utf8");
    source += `export const example${count++} = ${json.trim()} satisfies components["schemas"]["${schema}"]; // ${folder}/${file}\n`;
  }
}
writeFileSync(join(out, "examples.ts"), source);
try {
  execFileSync(join(import.meta.dirname, "node_modules", ".bin", "tsc"),
    ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", join(out, "examples.ts")], { stdio: "inherit" });
  console.log(`openapi-typescript: ${count} examples satisfy their request types`);
} catch {
  console.log("openapi-typescript: an example does not satisfy its request type (above)");
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
