// Writes .br and .gz siblings of every text asset and the wasm under a folder, for hosts that serve
// precompressed files. Used by scripts/post_build.mjs and after pre-rendering:
//   node scripts/compress.mjs dist
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const compressible = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.xml', '.txt']);

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function compressTree(dir) {
  let count = 0;
  for (const path of walk(dir).filter((p) => compressible.has(extname(p)))) {
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    count += 1;
  }
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/compress.mjs DIR');
  console.log(`compress: ${compressTree(dir)} files in ${dir}`);
}
