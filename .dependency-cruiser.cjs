/**
 * The layers of docs/conventions.md, checked on every `npm test` (see README "Layers").
 * domain <- projections <- src/application <- schema <- entry points; infrastructure in src/ is
 * wired by the entry points (src/main.ts, src/cli/) and never reaches up into schema/ or seed/.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make layers meaningless and load order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Deciders, events and rules import nothing of the other layers (no I/O, no transport).',
      from: { path: '^domain/' },
      to: { path: '^(src|schema|projections|seed|test|bench)/' },
    },
    {
      name: 'projections-read-domain-only',
      severity: 'error',
      comment: 'Read models import domain/ and their storage interface (projections/types.ts) only.',
      from: { path: '^projections/' },
      to: { path: '^(src|schema|seed|test|bench)/' },
    },
    {
      name: 'application-below-transports',
      severity: 'error',
      comment: 'Use cases are called by transports (GraphQL, seed, CLI); they never call them.',
      from: { path: '^src/application/' },
      to: { path: '^(schema|seed|test|bench)/|^src/(server|cli)/|^src/main\\.ts$' },
    },
    {
      name: 'application-knows-no-graphql',
      severity: 'error',
      comment: 'Use cases throw application errors (src/commands/errors.ts); schema/errors.ts maps them to GraphQL.',
      from: { path: '^src/application/' },
      to: { path: '^node_modules/(@pothos|graphql|graphql-yoga)/' },
    },
    {
      name: 'schema-never-touches-the-log',
      severity: 'error',
      comment: 'GraphQL parses, checks scopes, calls a use case or a read-model query: no event store, no command handler.',
      from: { path: '^schema/' },
      to: { path: '^src/(eventStore|commands/handleCommand)' },
    },
    {
      name: 'infrastructure-apart-from-entry-points',
      severity: 'error',
      comment: 'Infrastructure in src/ is wired by the entry points; it never imports the schema, the seed or an entry point.',
      from: { path: '^src/', pathNot: '^src/(main\\.ts|cli/)' },
      to: { path: '^(schema|seed)/|^src/(main\\.ts|cli/)' },
    },
    {
      name: 'entry-points-are-leaves',
      severity: 'error',
      comment: 'Nothing but tests imports an entry point (src/main.ts, src/cli/).',
      from: { pathNot: '^(test|src/cli)/' },
      to: { path: '^src/(main\\.ts|cli/)' },
    },
    {
      name: 'production-code-never-imports-tests',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
