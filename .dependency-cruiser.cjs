/**
 * The layers of docs/conventions.md, checked on every `npm test` (see README "Layers").
 * domain <- projections <- src/application <- schema <- entry points; infrastructure in src/ is
 * wired by the entry points (src/main.ts, src/cli/) and never reaches up into schema/ or seed/.
 */
/** A rule every import must keep (severity error): `name` and `comment` say which and why. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', 'Import cycles make layers meaningless and load order fragile.', {}, { circular: true }),
    forbid('domain-is-pure', 'Deciders, events and rules import nothing of the other layers (no I/O, no transport).', { path: '^domain/' }, { path: '^(src|schema|projections|seed|test|bench)/' }),
    forbid('projections-read-domain-only', 'Read models import domain/ and their storage interface (projections/types.ts) only.', { path: '^projections/' }, { path: '^(src|schema|seed|test|bench)/' }),
    forbid('application-below-transports', 'Use cases are called by transports (GraphQL, seed, CLI); they never call them.', { path: '^src/application/' }, { path: '^(schema|seed|test|bench)/|^src/(server|cli)/|^src/main\\.ts$' }),
    forbid('application-knows-no-graphql', 'Use cases throw application errors (src/commands/errors.ts); schema/errors.ts maps them to GraphQL.', { path: '^src/application/' }, { path: '^node_modules/(@pothos|graphql|graphql-yoga)/' }),
    forbid('schema-never-touches-the-log', 'GraphQL parses, checks scopes, calls a use case or a read-model query: no event store, no command handler.', { path: '^schema/' }, { path: '^src/(eventStore|commands/handleCommand)' }),
    forbid('infrastructure-apart-from-entry-points', 'Infrastructure in src/ is wired by the entry points; it never imports the schema, the seed or an entry point.', { path: '^src/', pathNot: '^src/(main\\.ts|cli/)' }, { path: '^(schema|seed)/|^src/(main\\.ts|cli/)' }),
    forbid('entry-points-are-leaves', 'Nothing but tests imports an entry point (src/main.ts, src/cli/).', { pathNot: '^(test|src/cli)/' }, { path: '^src/(main\\.ts|cli/)' }),
    forbid('production-code-never-imports-tests', '', { pathNot: '^(test|bench)/' }, { path: '^(test|bench)/' }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
