/**
 * The layers of src/ (docs/architecture.md), lowest first. An import may point to its own layer
 * or a lower one, never a higher one, and no import cycle is allowed anywhere.
 * `npm run check:layers` runs this in CI.
 */
const LAYERS = [
  { name: 'lib', path: '^src/(lib/|profile/|log\\.ts$|config\\.ts$)' },
  { name: 'domain', path: '^src/domain/' },
  { name: 'parsing and words', path: '^src/(import|messages)/' },
  { name: 'db and mail transport', path: '^src/(db|mail)/' },
  { name: 'services', path: '^src/services/' },
  { name: 'conversation, notices, inbox', path: '^src/(conversation|notices|inbox|metrics|pages|seed)/' },
  { name: 'line and http edges', path: '^src/(line|http|devchat)/' },
  { name: 'app and wiring', path: '^src/(app|runtime|main|wiring|inbox-thread-main)\\.ts$|^src/cli/' },
];

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.name.replace(/\W+/g, '-')}`,
  comment: `${layer.name} may not import from a higher layer (${LAYERS.slice(i + 1)
    .map((l) => l.name)
    .join('; ')})`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => `(${l.path})`).join('|') },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'an import cycle makes two modules one; split what they share into a lower module',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds the rules: no I/O, no database, no LINE, no HTTP (zod, and isbn3 for ISBN check digits and ranges)',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'core'], pathNot: '(^|/)node_modules/(zod|isbn3)/' },
    },
    {
      name: 'only-line-knows-line',
      comment: 'the LINE SDK is used by the adapter in src/line/ (and the local stand-in for LINE) only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(line|devchat)/' },
      to: { path: '^node_modules/@line/' },
    },
    {
      name: 'migrations-import-no-application-code',
      comment: 'a migration is a snapshot: importing src/ would let later code change what it did',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
