import SchemaBuilder from '@pothos/core';
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
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ValidationPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context, _info, result) =>
      new ForbiddenError(
        context.actor.role === 'public'
          ? 'Sign in to do this'
          : `Your role (${context.actor.role}) does not allow this: ${result.message}`,
      ),
    authScopes: (context) => ({
      public: true,
      authenticated: context.actor.role !== 'public',
      secretariat: context.actor.role === 'secretariat',
      leadExpertOf: (networkId) => isLeadExpertOf(context, networkId),
      coordinatorOf: (cityId) => context.actor.role === 'cityCoordinator' && context.actor.cityIds.includes(cityId),
      partnerOf: (networkId) => isPartnerCoordinatorOf(context, networkId),
    }),
  },
  errors: {
    defaultTypes: [],
    directResult: true,
    unsafelyHandleInputErrors: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
  },
});

/** The builder's type parameters, for helpers that declare fields outside a builder callback. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
