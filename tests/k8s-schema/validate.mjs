// Validates every object in every .yaml file of a folder against the Kubernetes API schemas (kubernetes-models,
// generated from Kubernetes' OpenAPI definitions), offline. Prints one line per problem and a last line
// "validated N objects in M files" (plus the files of kinds no schema covers, such as a kustomization); exits 1 on any
// problem, 2 on bad usage.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node validate.mjs <folder with .yaml files>");
  process.exit(2);
}

// Kinds outside the Kubernetes API (kustomize's own file) have no schema here; they are named, not validated.
const notKubernetesApi = new Set(["kustomize.config.k8s.io/v1beta1"]);
const problems = [];
const skipped = [];
let objects = 0;
const files = readdirSync(folder).filter((name) => name.endsWith(".yaml")).sort();
for (const file of files) {
  const documents = parseAllDocuments(readFileSync(join(folder, file), "utf8"));
  for (const document of documents) {
    if (document.errors.length > 0) {
      problems.push(`${file}: not YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }
    const where = `${file}: ${object.kind ?? "(no kind)"} ${object.metadata?.name ?? "(no name)"}`;
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      problems.push(`${where}: apiVersion and kind are required`);
      continue;
    }
    if (notKubernetesApi.has(object.apiVersion)) {
      skipped.push(file);
      continue;
    }
    let models;
    try {
      models = await import(`kubernetes-models/${object.apiVersion}`);
    } catch {
      problems.push(`${where}: unknown apiVersion ${object.apiVersion}`);
      continue;
    }
    const Model = models[object.kind];
    if (typeof Model !== "function") {
      problems.push(`${where}: ${object.apiVersion} has no kind ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      objects++;
    } catch (error) {
      problems.push(`${where}: ${error.message.replace(/\s+/g, " ")}`);
    }
  }
}

for (const problem of problems) {
  console.log(problem);
}
console.log(`validated ${objects} objects in ${files.length} files${skipped.length ? `; not Kubernetes API objects: ${skipped.join(", ")}` : ""}`);
process.exit(problems.length > 0 ? 1 : 0);
