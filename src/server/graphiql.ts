import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { App } from '../app.js';
import { graphiqlExample } from './graphiqlExample.js';

/**
 * GraphiQL served entirely from the package: scripts, styles and editor workers are inlined
 * in the page (yoga's default page loads them from a public CDN, so it never starts offline or
 * under a content security policy). The page is about 10 MB, so it is rendered once.
 */

/** Nothing but this origin, inline code and the editor's blob workers: proves nothing is fetched elsewhere. */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const graphiqlSettings: GraphiQLOptions = { title: 'Exchange Ledger', defaultQuery: graphiqlExample };

let page: string | undefined;

/** The `graphiql` and `renderGraphiQL` options of the yoga server. */
export function graphiqlOptions(app: App) {
  return {
    graphiql: app.config.graphiql ? graphiqlSettings : false,
    renderGraphiQL: (options: GraphiQLOptions) => {
      page ??= renderGraphiQL(options);
      return page;
    },
  } as const;
}

/** Sends the page with a content security policy that allows nothing from other origins. */
export function graphiqlPolicyPlugin(): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        response.headers.set('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY);
        response.headers.set('x-content-type-options', 'nosniff');
      }
    },
  };
}
