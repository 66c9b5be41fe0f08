import { getNamedType, GraphQLError, isLeafType, isListType, isNonNullType, isObjectType, visit, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * The cost of a query: how many objects its answer may hold, read from its shape and its
 * variables before anything runs. Every object counts 1 (a network, a meeting, a page, a
 * connection); scalars count 0 (they are columns of rows already read); a list multiplies what it
 * selects by its length:
 * - a connection by its page, `first` or `last` (written in the query or sent as a variable), or
 *   the page it answers when neither is given (50, or the connection's `defaultPageSize` extension);
 * - any other list of objects by its `limit` argument, the number of `ids` asked, or
 *   `listEstimate` (partners of a network, clusters of a plan, breakdowns: short lists).
 * So `journey { timeline(first: 50) { nodes { learnings(first: 10) { nodes { lesson partner { name } } } } } }`
 * costs 1 + 1 + 50 x (1 + 1 + 10 x (1 + 1)) = 1,152: about the number of rows it reads. README
 * ("Operation limits") lists examples; test/server/queryCost.test.ts checks them.
 */
export const queryCostLimits = {
  /** The most objects one operation may ask for. */
  maxCost: 10_000,
  /** The page a connection is counted for when the query names none: its default page (50, or its `defaultPageSize` extension). */
  defaultPage: 50,
  /** The length a list of objects is counted for when nothing in the query bounds it. */
  listEstimate: 10,
} as const;

/** Lists inside a connection (`nodes`, `edges`): the connection field already counted its page. */
const isPageList = (parent: ComplexityEstimatorArgs['type'], fieldName: string) =>
  parent.name.endsWith('Connection') && (fieldName === 'nodes' || fieldName === 'edges');

function isConnection(type: unknown): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined);

/** The estimator: objects 1, scalars 0, lists as many times as they may be long. */
export function estimateObjects({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  if (isConnection(named)) {
    const declared = (field.extensions as { defaultPageSize?: unknown } | undefined)?.defaultPageSize;
    const page = count(args.first) ?? count(args.last) ?? count(declared) ?? queryCostLimits.defaultPage;
    return 1 + page * childComplexity;
  }
  if (isList(field.type) && !isPageList(type, field.name)) {
    const length = count(args.limit) ?? (Array.isArray(args.ids) ? args.ids.length : undefined) ?? queryCostLimits.listEstimate;
    return length * (1 + childComplexity);
  }
  return 1 + childComplexity;
}

/** The cost of an operation of `document` with these variables (see `queryCostLimits`). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [estimateObjects],
  });
}

export function queryTooCostlyError(cost: number): GraphQLError {
  return new GraphQLError(
    `This query asks for too much at once (up to ${cost.toLocaleString('en')} objects, at most ${queryCostLimits.maxCost.toLocaleString('en')}). ` +
      'Ask for fewer items per page (first: 10, then the next page with after: endCursor) or fewer nested lists.',
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: queryCostLimits.maxCost } },
  );
}

/** The arguments `estimateObjects` reads: only variables inside them (or in directives) change a cost. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'ids']);

/**
 * The variables that can change a document's cost: those used in a size argument (`first`,
 * `last`, `limit`, `ids`) or in a directive (`@skip(if: $x)` drops what it guards from the count).
 * Any other variable (a mutation's `input`, an id) leaves the cost as it is.
 */
export function costVariables(document: DocumentNode): readonly string[] {
  const names = new Set<string>();
  let inside = 0;
  const enter = () => void inside++;
  const leave = () => void inside--;
  visit(document, {
    Argument: { enter: (node) => void (SIZE_ARGUMENTS.has(node.name.value) && inside++), leave: (node) => void (SIZE_ARGUMENTS.has(node.name.value) && inside--) },
    Directive: { enter, leave },
    Variable: (node) => {
      if (inside > 0) names.add(node.name.value);
    },
    // A variable's declaration names it too, but declares it; only its uses count.
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

/**
 * Refuses an operation that costs more than `maxCost` before it runs (after validation, where the
 * variables are known: a page size sent as a variable counts like one written in the query).
 */
export function queryCostPlugin(): Plugin {
  /**
   * Costs already computed, by schema, document and (operation name, the variables that change a
   * cost): yoga hands every request of the same query text the same parsed document, and walking
   * it again was ~5% of a small read under load, and 5% of a mutation (whose `input` differs every
   * time but never changes its cost). A document keeps at most COSTS_PER_DOCUMENT variable sets.
   */
  interface DocumentCosts {
    readonly variables: readonly string[];
    readonly costs: Map<string, number | undefined>;
  }
  const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentCosts>>();
  const COSTS_PER_DOCUMENT = 100;
  const check = (args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown; operationName?: string | null }) => {
    let bySchema = known.get(args.schema);
    if (!bySchema) known.set(args.schema, (bySchema = new WeakMap()));
    let byDocument = bySchema.get(args.document);
    if (!byDocument) bySchema.set(args.document, (byDocument = { variables: costVariables(args.document), costs: new Map() }));
    const values = (args.variableValues ?? {}) as Record<string, unknown>;
    let key: string;
    try {
      // A variable left out is not one sent as null: its declared default applies.
      key = JSON.stringify([args.operationName ?? null, Object.fromEntries(byDocument.variables.filter((name) => name in values).map((name) => [name, values[name]]))]);
    } catch {
      return computed(args).cost;
    }
    const { costs } = byDocument;
    if (costs.has(key)) return costs.get(key);
    const { cost, judged } = computed(args);
    // Variables that do not fit are not judged, and not remembered: other variables of the same
    // cost-changing values (a valid `input`) must still be judged on their own.
    if (!judged) return cost;
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
    return cost;
  };
  const computed = (args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: unknown; operationName?: string | null }) => {
    let cost: number;
    try {
      cost = queryCost(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined);
    } catch {
      // Variables that do not fit the operation: execution refuses them, saying why.
      return { cost: undefined, judged: false };
    }
    return { cost: cost > queryCostLimits.maxCost ? cost : undefined, judged: true };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = check(args);
      if (cost !== undefined) setResultAndStopExecution({ errors: [queryTooCostlyError(cost)] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const cost = check(args);
      if (cost !== undefined) setResultAndStopExecution({ errors: [queryTooCostlyError(cost)] });
    },
  };
}
