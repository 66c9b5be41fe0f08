import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { App } from '../app.js';
import { queryCostLimits, queryCostPlugin } from './queryCost.js';

/**
 * Limits on what one operation may ask for, checked before it runs. Generous enough for every
 * query in the docs (the deepest journey query nests 7 levels), tight enough that a hostile
 * query is refused cheaply.
 */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 3000,
  maxDirectives: 20,
  /** The most objects an answer may hold: see queryCost.ts. */
  maxCost: queryCostLimits.maxCost,
  /** The longest list a request's variables may hold (nodes(ids:) takes at most MAX_NODE_IDS). */
  maxVariableListLength: 1000,
} as const;

/** A refused operation in users' words: what limit, how far over, what to do instead. */
const LIMIT_MESSAGES: { pattern: RegExp; code: string; message: (found: string | undefined) => string }[] = [
  {
    pattern: /Query depth limit of \d+ exceeded, found (\d+)/,
    code: 'QUERY_TOO_DEEP',
    message: (found) => `This query nests ${found} levels (at most ${operationLimits.maxDepth}). Fetch the inner objects in a second query, by id.`,
  },
  {
    pattern: /Aliases limit of \d+ exceeded, found (\d+)/,
    code: 'TOO_MANY_ALIASES',
    message: (found) => `This query uses ${found} aliases (at most ${operationLimits.maxAliases}). Split it into several queries.`,
  },
  {
    pattern: /Directives limit of \d+ exceeded, found (\d+)/,
    code: 'TOO_MANY_DIRECTIVES',
    message: (found) => `This query uses ${found} directives (at most ${operationLimits.maxDirectives}). Split it into several queries.`,
  },
  {
    pattern: /Token limit of \d+ exceeded/,
    code: 'QUERY_TOO_LONG',
    message: () => `This query is too long (at most ${operationLimits.maxTokens} tokens). Split it into several queries.`,
  },
];

/** graphql-armor reports its refusals as "Syntax Error: …": say what was refused, why, and a stable code. */
function limitMessagesPlugin(requestId: () => string | undefined): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
      let changed = false;
      const errors = result.errors.map((error) => {
        for (const limit of LIMIT_MESSAGES) {
          const match = limit.pattern.exec(error.message);
          if (!match) continue;
          changed = true;
          return new GraphQLError(limit.message(match[1]), { extensions: { code: limit.code, requestId: requestId() } });
        }
        return error;
      });
      if (changed) setResult({ ...result, errors });
    },
  };
}

function longestList(value: unknown, depth = 0): number {
  if (depth > 20 || value === null || typeof value !== 'object') return 0;
  const values = Array.isArray(value) ? value : Object.values(value);
  let longest = Array.isArray(value) ? value.length : 0;
  for (const item of values) longest = Math.max(longest, longestList(item, depth + 1));
  return longest;
}

/** Lists sent as variables are bounded like lists written in the query (which the token limit bounds). */
function variableListsPlugin(): Plugin {
  return {
    onParams({ params, setResult }) {
      const longest = longestList(params.variables);
      if (longest <= operationLimits.maxVariableListLength) return;
      setResult({
        errors: [
          new GraphQLError(
            `A list in the variables has ${longest} items (at most ${operationLimits.maxVariableListLength}). Send it in several requests.`,
            { extensions: { code: 'LIST_TOO_LONG', maxLength: operationLimits.maxVariableListLength } },
          ),
        ],
      });
    },
  };
}

/** The limits above, the query cost, CSRF prevention and (when it is off) no introspection. */
export function hardeningPlugins(app: App, requestId: () => string | undefined): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: operationLimits.maxDepth },
    maxAliases: { n: operationLimits.maxAliases },
    maxTokens: { n: operationLimits.maxTokens },
    maxDirectives: { n: operationLimits.maxDirectives },
    // The cost is ours (queryCost.ts): objects the answer may hold, page sizes sent as variables included.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") help developers and leak the schema: off with introspection.
    blockFieldSuggestion: { enabled: !app.config.introspection },
  });
  return [
    limitMessagesPlugin(requestId),
    variableListsPlugin(),
    queryCostPlugin(),
    ...(armor.protect().plugins as Plugin[]),
    // Browsers cannot send this header cross-site without a preflight, which we do not allow.
    useCSRFPrevention({ requestHeaders: ['x-graphql-csrf', 'x-graphql-yoga-csrf'] }),
    ...(app.config.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}
