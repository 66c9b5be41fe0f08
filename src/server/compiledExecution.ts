import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

export interface CompiledExecutionOptions {
  /** Called once per document, when it is compiled (tests and diagnostics). */
  readonly onCompile?: (document: DocumentNode) => void;
  /** The compiler (graphql-jit's unless a test replaces it). */
  readonly compile?: typeof compileQuery;
}

type Compiled = CompiledQuery | undefined;

/**
 * Queries and mutations whose document was executed before are run by graphql-jit, compiled once
 * into a function that resolves exactly the fields the document asks: a page of networks with
 * their partners costs about a quarter less CPU, a mutation 7-16 % less (docs/benchmarks.md,
 * issue 17's fourth pass).
 * - A document's first execution runs in graphql-js: compiling costs more than one execution, so a
 *   stream of distinct documents (one-off queries, or a caller sending a new one each time) never
 *   pays for it. Yoga hands over the same parsed document for the same query text; the compiled
 *   query is kept with that document (a WeakMap), as long as yoga's parse cache keeps it.
 * - Variables the compiled query refuses are refused by graphql-js instead (nothing has run yet),
 *   so a refusal reads the same whether the document was compiled or not.
 * - Subscriptions, and documents graphql-jit cannot compile, stay in graphql-js.
 */
export function compiledExecutionPlugin(options: CompiledExecutionOptions = {}): Plugin {
  const compile = options.compile ?? compileQuery;
  /** Documents executed once already, by graphql-js: the next execution compiles them. */
  const ranOnce = new WeakSet<DocumentNode>();
  const compiledByOperation = new WeakMap<DocumentNode, Map<string, Compiled>>();

  function compiledFor(args: { schema: Parameters<typeof compileQuery>[0]; document: DocumentNode; operationName?: string | null }): Compiled {
    const key = args.operationName ?? '';
    let operations = compiledByOperation.get(args.document);
    if (!operations) compiledByOperation.set(args.document, (operations = new Map()));
    if (operations.has(key)) return operations.get(key);
    let compiled: Compiled;
    try {
      const result = compile(args.schema, args.document, args.operationName ?? undefined);
      compiled = isCompiledQuery(result) ? result : undefined;
    } catch {
      // The compiler failed on a document graphql-js runs: graphql-js keeps running it.
      compiled = undefined;
    }
    operations.set(key, compiled);
    if (compiled) options.onCompile?.(args.document);
    return compiled;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'subscription') return;
      if (!ranOnce.has(args.document)) {
        ranOnce.add(args.document);
        return;
      }
      const compiled = compiledFor(args);
      if (!compiled) return;
      setExecuteFn(async (executionArgs) => {
        const result = (await compiled.query(executionArgs.rootValue, executionArgs.contextValue, executionArgs.variableValues)) as ExecutionResult;
        // Without data, the compiled query refused its variables before running anything.
        return 'data' in result ? result : executeFn(executionArgs);
      });
    },
  };
}
