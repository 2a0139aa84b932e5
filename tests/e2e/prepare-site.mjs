// Builds the end-to-end test site: the release build from dist/, plus fixture articles that no demo
// ships (a malformed file, a hostile one made from the shared XSS corpus).
import { cpSync, readFileSync, rmSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const site = '.build/e2e-site';
// The demo's pictures have names made from their content (broadsheet build): find one by its name
// and width, as an article file refers to it.
const builtPictures = existsSync('dist/images') ? readdirSync('dist/images') : [];
const builtPicture = (name, width) => {
  const file = builtPictures.find((f) => f.startsWith(`${name}-${width}.`) && f.endsWith('.webp'));
  if (!file) throw new Error(`dist/images has no ${name}-${width}.<hash>.webp: has broadsheet build run?`);
  return `../images/${file}`;
};
// The pre-renderer and the broadsheet command, as scripts/broadsheet builds them (a no-op after
// scripts/release.sh).
const prerender = 'target/tools/broadsheet-prerender';
execFileSync('cargo', ['build', '--quiet', '--profile', 'tools', '-p', 'broadsheet-cli', '-p', 'broadsheet-prerender'], { stdio: 'inherit' });
// Sites whose comments go to the Isso and Waline servers of tests/e2e/servers.js: directory ->
// comments setting (isso:<URL>, waline:<URL>).
const commentSites = JSON.parse(process.env.E2E_COMMENT_SITES || '{}');
if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `trunk build --release` first');
rmSync(site, { recursive: true, force: true });
cpSync('dist', site, { recursive: true });
for (const name of readdirSync('tests/e2e/fixtures/articles')) {
  cpSync(join('tests/e2e/fixtures/articles', name), join(site, 'articles', name));
}

// A host page that embeds widgets (hostile CSS, its own links, fragment and history use).
for (const name of readdirSync('tests/e2e/fixtures/host')) cpSync(join('tests/e2e/fixtures/host', name), join(site, name));

// Every payload of the corpus in every field an author controls.
const vectors = JSON.parse(readFileSync('../shared/corpus/xss-vectors.json', 'utf8'));
const payloads = vectors.map((v) => v.payload);
const hostile = {
  format: 1,
  slug: 'hostile',
  label: '<img src=x onerror=alert(1)>',
  title: '<script>alert(1)</script> Hostile <img src=x onerror=alert(2)>',
  summary: '<svg onload=alert(3)>',
  language: 'en',
  published: '2020-08-26T18:00:00Z',
  authors: [{ name: '<b onmouseover=alert(4)>author</b>', url: 'javascript:alert(5)' }],
  tags: payloads.slice(0, 5),
  body: payloads.flatMap((payload, i) => [
    { type: 'paragraph', text: payload },
    { type: 'paragraph', text: `[link ${i}](${payload}) <${payload}>` },
    { type: 'heading', text: payload },
    { type: 'quote', text: payload, cite: payload },
    { type: 'list', items: [payload] },
    { type: 'figure', src: builtPicture('nica-ceremony', 480), alt: payload, caption: payload, credit: payload, width: 480, height: 320 },
    { type: 'figure', src: payload, alt: 'hostile src' },
  ]),
  gallery: [],
};
writeFileSync(join(site, 'articles', 'hostile.json'), JSON.stringify(hostile));

// The hostile article pre-rendered as a site's featured article (tools/prerender, built by
// scripts/release.sh), to check that the pre-rendered HTML runs nothing either.
const hostileSite = '.build/e2e-hostile-site';
rmSync(hostileSite, { recursive: true, force: true });
cpSync('dist', hostileSite, { recursive: true });
writeFileSync(join(hostileSite, 'articles', 'hostile.json'), JSON.stringify(hostile));
writeFileSync(join(hostileSite, 'articles', 'index.json'), JSON.stringify({
  articles: [{ slug: 'hostile', title: hostile.title, published: hostile.published, featured: true }],
}));
execFileSync(prerender, ['--dist', hostileSite, '--site-url', 'http://127.0.0.1:4181/'], { stdio: 'inherit' });

// A gallery of 500 pictures (the demo's images, over and over) and one whose pictures are broken.
const picture = (name, i) => ({
  src: builtPicture(name, 480), alt: `Picture ${i + 1}`, caption: `Caption ${i + 1}`, width: 480, height: 320,
  srcset: [{ src: builtPicture(name, 480), width: 480 }, { src: builtPicture(name, 960), width: 960 }],
});
const names = ['nica-ceremony', 'plasma-institute', 'east-tokamak', 'proton-therapy'];
const article = (slug, title, gallery) => ({
  format: 1, slug, title, published: '2020-08-26T18:00:00Z',
  body: [{ type: 'paragraph', text: `${title}.` }], gallery,
});
writeFileSync(join(site, 'articles', 'big-gallery.json'),
  JSON.stringify(article('big-gallery', 'Five hundred pictures', Array.from({ length: 500 }, (_, i) => picture(names[i % 4], i)))));
writeFileSync(join(site, 'articles', 'broken-images.json'), JSON.stringify(article('broken-images', 'Broken pictures', [
  picture('nica-ceremony', 0),
  { src: '../images/does-not-exist.webp', alt: 'A picture that is missing', caption: 'Missing', width: 480, height: 320 },
  { src: builtPicture('plasma-institute', 480), caption: 'No alt and no size' },
])));
// A thread file that is malformed, for the article "malformed-thread".
writeFileSync(join(site, 'articles', 'malformed-thread.json'), JSON.stringify(article('malformed-thread', 'A broken thread', [])));
mkdirSync(join(site, 'comments'), { recursive: true });
writeFileSync(join(site, 'comments', 'malformed-thread.json'), JSON.stringify({ format: 1, comments: [{ id: 'x', text: 'hi', created: 'yesterday' }] }));

// Fresh threads for the comment tests, one article each, so tests do not share a thread.
for (let i = 1; i <= 16; i++) {
  writeFileSync(join(site, 'articles', `talk-${i}.json`), JSON.stringify(article(`talk-${i}`, `Talk ${i}`, [])));
}

// The same site configured for comments servers (started by scripts/test.sh), one per behaviour, as
// a publisher builds it: the app shell names the server, and the pre-renderer writes the pages for that.
for (const [dir, setting] of Object.entries(commentSites)) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(site, dir, { recursive: true });
  const shell = join(dir, '404.html');
  const html = readFileSync(shell, 'utf8');
  const configured = html.replace(/<meta name="broadsheet-comments" content="[^"]*"/, `<meta name="broadsheet-comments" content="${setting}"`);
  if (configured === html) throw new Error(`${shell}: no broadsheet-comments meta to configure`);
  writeFileSync(shell, configured);
  writeFileSync(join(dir, 'index.html'), configured);
  execFileSync(prerender, ['--dist', dir, '--site-url', 'http://127.0.0.1/'], { stdio: 'inherit' });
}
// A site built by the broadsheet command, as a publisher would: the app from dist/, content/
// from Markdown and a phone photo (EXIF orientation and GPS), plus a WordPress REST response and a
// hostile JSON Feed imported with `broadsheet import`.
const contentSite = '.build/e2e-content-site';
const content = '.build/e2e-content';
rmSync(contentSite, { recursive: true, force: true });
rmSync(content, { recursive: true, force: true });
cpSync('dist', contentSite, { recursive: true });
cpSync('tests/e2e/fixtures/content', content, { recursive: true });
const broadsheet = (...args) => execFileSync('target/tools/broadsheet', args, { stdio: ['ignore', 'ignore', 'inherit'] });
broadsheet('import', 'wordpress', 'tools/broadsheet/tests/fixtures/wordpress/rest-posts-embed.json', '--content', content);
const hostileFeed = join(content, '..', 'e2e-hostile-feed.json');
writeFileSync(hostileFeed, JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'Hostile', home_page_url: 'https://example.org/',
  items: [{
    id: 'hostile-feed', url: 'https://example.org/hostile-feed', title: payloads[0], summary: payloads[1],
    date_published: '2021-01-01T00:00:00Z', tags: payloads.slice(0, 5), authors: [{ name: payloads[2], url: payloads[3] }],
    content_html: payloads.map((p) => `<p>${p}</p><a href="${p.replaceAll('"', '&quot;')}">${p}</a>`).join(''),
  }],
}));
broadsheet('import', 'jsonfeed', hostileFeed, '--content', content);
broadsheet('build', '--content', content, '--dist', contentSite, '--cache', '.build/e2e-content-cache', '--site-url', 'http://127.0.0.1:4183/');

console.log(`e2e site ready in ${site} (${payloads.length} hostile payloads)`);
