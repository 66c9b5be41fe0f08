import SchemaBuilder, { brandWithType } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { ForbiddenError } from '../src/commands/errors.js';
import { isLeadExpertOf, isPartnerCoordinatorOf } from './access.js';
import type { Context } from './context.js';

export type { Context };

/**
 * Scopes every field declares (see README "Access control"):
 * - public: anyone, signed in or not;
 * - authenticated: any valid token;
 * - secretariat: the programme secretariat, allowed everything;
 * - leadExpertOf(networkId): the lead expert currently assigned to that network;
 * - coordinatorOf(cityId): a coordinator of that city;
 * - partnerOf(networkId): a coordinator of a city that is an active partner of that network.
 */
/** The longest `nodes(ids:)` list, whether the ids are written in the query or sent as variables. */
export const MAX_NODE_IDS = 100;

function scopesOf(context: Context) {
  return {
    public: true,
    authenticated: context.actor.role !== 'public',
    secretariat: context.actor.role === 'secretariat',
    leadExpertOf: (networkId: string) => isLeadExpertOf(context, networkId),
    coordinatorOf: (cityId: string) => context.actor.role === 'cityCoordinator' && context.actor.cityIds.includes(cityId),
    partnerOf: (networkId: string) => isPartnerCoordinatorOf(context, networkId),
  };
}

type ScopeMap = Record<string, unknown>;

/** Whether a scope map (any of its entries; `$all` and `$any` nested) lets the caller in. */
function allows(map: ScopeMap, context: Context, scopes = scopesOf(context)): boolean {
  const granted = (key: string, value: unknown): boolean => {
    if (key === '$any') return allows(value as ScopeMap, context, scopes);
    if (key === '$all') return Object.entries(value as ScopeMap).every(([k, v]) => granted(k, v));
    const scope = scopes[key as keyof typeof scopes];
    if (typeof scope === 'function') return (scope as (parameter: unknown) => boolean)(value);
    return value === true && scope === true;
  };
  return Object.entries(map).some(([key, value]) => granted(key, value));
}

/**
 * `node` and `nodes` answer null for a record the caller may not read, exactly as for an id that
 * does not exist (a FORBIDDEN there would tell that the record exists). Each node is branded with
 * its type here: a second `nodes` in the same request may receive the first one's records before
 * the relay plugin brands them.
 */
async function readableNode(loaded: unknown, typename: string | undefined, context: Context): Promise<unknown> {
  // A record another `nodes` of the request is still loading comes as its promise.
  const node = await loaded;
  if (node === null || node === undefined || !typename) return null;
  brandWithType(node, typename as never);
  const config = builder.configStore.getTypeConfig(typename as never);
  const typeScopes = (config.pothosOptions as { authScopes?: unknown }).authScopes;
  if (typeScopes === undefined) return node;
  const map = typeof typeScopes === 'function' ? await (typeScopes as (parent: unknown, context: Context) => unknown)(node, context) : typeScopes;
  return (typeof map === 'boolean' ? map : allows(map as ScopeMap, context)) ? node : null;
}

export interface AuthScopes {
  public: boolean;
  authenticated: boolean;
  secretariat: boolean;
  leadExpertOf: string;
  coordinatorOf: string;
  partnerOf: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    /** Calendar days, YYYY-MM-DD (schema/scalars.ts). */
    Date: { Input: string; Output: string | Date };
    /** Moments, RFC 3339 (schema/scalars.ts). */
    DateTime: { Input: string; Output: string | Date };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ValidationPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context, info, result) => new ForbiddenError(refusal(info.parentType.name, info.fieldName, context.actor.role, result.failure)),
    authScopes: scopesOf,
  },
  errors: {
    defaultTypes: [],
    directResult: true,
    unsafelyHandleInputErrors: true,
  },
  relay: {
    nodeQueryOptions: {
      resolve: async (_root, args, context, _info, resolveNode) => readableNode(await resolveNode(args.id), args.id?.typename, context) as never,
    },
    nodesQueryOptions: {
      resolve: async (_root, args, context, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw new GraphQLError(`Ask for at most ${MAX_NODE_IDS} ids at a time (you sent ${args.ids.length}); split the list.`, {
            extensions: { code: 'LIST_TOO_LONG', maxLength: MAX_NODE_IDS },
          });
        }
        const nodes = await resolveNodes(args.ids);
        return Promise.all(nodes.map((node, i) => readableNode(node, args.ids[i]?.typename, context))) as never;
      },
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
  },
});

/** Who each scope lets in, in users' words. */
const SCOPE_WORDS: Record<keyof AuthScopes, string> = {
  public: 'anyone',
  authenticated: 'signed-in users',
  secretariat: 'the secretariat',
  leadExpertOf: "the network's assigned lead expert",
  coordinatorOf: "the city's coordinator",
  partnerOf: "coordinators of the network's partner cities",
};

function whoMay(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case 'AuthScope':
      return [SCOPE_WORDS[failure.scope as keyof AuthScopes] ?? failure.scope];
    case 'AnyAuthScopes':
    case 'AllAuthScopes':
      return failure.failures.flatMap(whoMay);
    default:
      return [];
  }
}

/** `scheduleMeeting` as "schedule meeting". */
const inWords = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * What was refused and who may do it, in users' words: the scopes name people (the network's
 * lead expert, the city's coordinator), never the caller's role alone, since the role may be
 * right and the network or city not. No resolver or type-system names.
 */
function refusal(parentType: string, fieldName: string, role: string, failure: AuthFailure): string {
  const what =
    parentType === 'Mutation'
      ? inWords(fieldName)
      : parentType === 'Query' || parentType === 'Subscription'
        ? `read ${inWords(fieldName)}`
        : `read the ${inWords(fieldName)} of this ${inWords(parentType)}`;
  if (role === 'public') return `Sign in to ${what}.`;
  const who = [...new Set(whoMay(failure))];
  const only = who.length === 0 ? '' : ` Only ${who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} or ${who.at(-1)}`} may.`;
  return `You may not ${what} here.${only}`;
}

/** The builder's type parameters, for helpers that declare fields outside a builder callback. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
