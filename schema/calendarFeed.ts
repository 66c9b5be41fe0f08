import { FeedScope } from '../domain/calendarFeed/events.js';
import type { CalendarFeedRow } from '../projections/calendarFeed/calendarFeeds.js';
import { findCalendarFeed, listCalendarFeedsOf } from '../projections/calendarFeed/calendarFeeds.js';
import { calendarFeedToken, calendarPaths, issueCalendarFeed, revokeCalendarFeed } from '../src/application/calendarFeed.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf } from './inputs.js';
import { Network, Partner } from './network.js';

/** Where clients reach this API: PUBLIC_URL, else the address this request came to. */
function baseUrl(context: Context): string {
  const request = (context as Context & { request?: Request }).request;
  return context.app.config.publicUrl ?? (request ? new URL(request.url).origin : '');
}

export const CalendarFeedScopeEnum = enumOf(FeedScope, 'CalendarFeedScope', {
  values: {
    network: "One network's meetings.",
    city: "One city's meetings, in every network it is a partner of.",
    person: 'The meetings of the networks you lead or the cities you coordinate (all of them, for the secretariat).',
  },
});

export const CalendarFeed = builder.objectRef<CalendarFeedRow>('CalendarFeed').implement({
  description:
    'A private iCalendar feed: an unguessable address to subscribe to in a calendar app, showing what members see. Revoke it when the address may have leaked.',
  fields: (t) => ({
    calendarFeedId: t.exposeID('id'),
    scope: t.field({ type: CalendarFeedScopeEnum, resolve: (row) => FeedScope.parse(row.scope) }),
    networkId: t.exposeID('network_id', { nullable: true }),
    cityId: t.exposeID('city_id', { nullable: true }),
    label: t.exposeString('label'),
    issuedAt: t.expose('issued_at', { type: 'DateTime' }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    active: t.boolean({ resolve: (row) => row.revoked_at === null }),
    url: t.string({
      nullable: true,
      description: 'The address to subscribe to (webcal clients accept it as it is). Null once revoked. Keep it private.',
      resolve: (row, _args, context) =>
        row.revoked_at ? null : `${baseUrl(context)}${calendarPaths.private(calendarFeedToken(row.id, context.app.config.jwtSecret))}`,
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to revoke this feed safely.' }),
  }),
});

builder.objectField(Network, 'calendarUrl', (t) =>
  t.string({
    description: "The network's public agenda as an iCalendar feed (members get a private feed with issueCalendarFeed).",
    resolve: (row, _args, context) => `${baseUrl(context)}${calendarPaths.network(row.id)}`,
  }),
);

builder.objectField(Partner, 'calendarUrl', (t) =>
  t.string({
    description: "The city's public agenda across all its networks, as an iCalendar feed.",
    resolve: (row, _args, context) => `${baseUrl(context)}${calendarPaths.city(row.city_id)}`,
  }),
);

builder.queryField('myCalendarFeeds', (t) =>
  t.field({
    type: [CalendarFeed],
    description: 'The private calendar feeds issued to you, newest first.',
    authScopes: { authenticated: true },
    args: { includeRevoked: t.arg.boolean({ required: false, description: 'Also list revoked feeds.' }) },
    resolve: (_root, args, context) => listCalendarFeedsOf(context.readModels, context.actor.subject, args.includeRevoked ?? false),
  }),
);

const feedPayload = entityPayload('calendarFeed', CalendarFeed, findCalendarFeed);

commandMutation({
  useCase: issueCalendarFeed,
  description:
    "Issues you a private calendar feed: of a network you belong to, of a city you coordinate, or of your own meetings. The payload's calendarFeed.url is the address.",
  authScopes: ({ scope, networkId, cityId }) => {
    if (scope === 'network') return { secretariat: true, leadExpertOf: networkId!, partnerOf: networkId! };
    if (scope === 'city') return { secretariat: true, coordinatorOf: cityId! };
    return { authenticated: true };
  },
  ...feedPayload,
});

commandMutation({
  useCase: revokeCalendarFeed,
  description: 'Revokes a private calendar feed for good (its holder, or the secretariat): its address stops working at once.',
  authScopes: () => ({ authenticated: true }),
  ...feedPayload,
});
