/**
 * Which read-model columns a `networks` or `partners` selection needs, so a list reads only those
 * (the networks and partners types are in network.ts).
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { NetworkColumn, PartnerColumn } from '../projections/network/queries.js';

/** The columns each field of Partner reads: a field missing here makes a list read every column. */
const PARTNER_FIELD_COLUMNS: Readonly<Record<string, readonly PartnerColumn[]>> = {
  __typename: [],
  cityId: ['city_id'],
  networkId: ['network_id'],
  name: ['name'],
  country: ['country'],
  kind: ['partner_kind'],
  role: ['role'],
  newcomer: ['newcomer'],
  active: ['status'],
  joinedAt: ['joined_at'],
  leftAt: ['left_at'],
  // Added beside the type (city.ts, calendarFeed.ts).
  network: ['network_id'],
  calendarUrl: ['city_id'],
};

/**
 * The columns a selection of plain fields reads, by `columns` (field name to the columns its
 * resolver reads), or undefined (read every column) when the selection holds anything else:
 * fragments, directives, a field missing from the map (added later, or in another file).
 */
function columnsOfSelection<Column extends string>(
  selectionSets: readonly (SelectionSetNode | undefined)[],
  columns: Readonly<Record<string, readonly Column[]>>,
  into = new Set<Column>(),
): Set<Column> | undefined {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || (selection.directives?.length ?? 0) > 0) return undefined;
      const read = Object.hasOwn(columns, selection.name.value) ? columns[selection.name.value] : undefined;
      if (!read) return undefined;
      for (const column of read) into.add(column);
    }
  }
  return into;
}

/** The partners columns a `partners` field's selection reads (undefined: every column). */
export function partnerColumnsAsked(info: GraphQLResolveInfo): PartnerColumn[] | undefined {
  const columns = columnsOfSelection(info.fieldNodes.map((node) => node.selectionSet), PARTNER_FIELD_COLUMNS);
  return columns && [...columns].sort();
}

/** The columns each field of Network reads (see PARTNER_FIELD_COLUMNS); `id` is always read. */
const NETWORK_FIELD_COLUMNS: Readonly<Record<string, readonly NetworkColumn[]>> = {
  __typename: [],
  id: [],
  networkId: [],
  name: ['name'],
  kind: ['kind'],
  theme: ['theme'],
  topics: ['topics'],
  startDate: ['start_date'],
  endDate: ['end_date'],
  status: ['status'],
  leadExpert: ['lead_expert_subject', 'lead_expert_name'],
  closedReason: ['closed_reason'],
  revision: ['revision'],
  // These read other tables by the network's id.
  partners: [],
  phase: [],
  baselineStudy: [],
  implementationStartDate: [],
  lessons: [],
  calendarUrl: [],
};

/** What a connection's own fields read of its nodes: nothing (the page is counted apart). */
const CONNECTION_FIELDS: Readonly<Record<string, readonly never[]>> = { __typename: [], pageInfo: [], totalCount: [], cursor: [] };

/**
 * The networks columns a `networks` connection's selection reads (`nodes { ... }`, `edges { node
 * { ... } }`), or undefined (every column) for anything else.
 */
export function networkColumnsAsked(info: GraphQLResolveInfo): NetworkColumn[] | undefined {
  const columns = new Set<NetworkColumn>(['id']);
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || (selection.directives?.length ?? 0) > 0) return undefined;
      const name = selection.name.value;
      if (name === 'nodes') {
        if (!columnsOfSelection([selection.selectionSet], NETWORK_FIELD_COLUMNS, columns)) return undefined;
      } else if (name === 'edges') {
        for (const edgeField of selection.selectionSet?.selections ?? []) {
          if (edgeField.kind !== Kind.FIELD || (edgeField.directives?.length ?? 0) > 0) return undefined;
          if (edgeField.name.value === 'node') {
            if (!columnsOfSelection([edgeField.selectionSet], NETWORK_FIELD_COLUMNS, columns)) return undefined;
          } else if (!Object.hasOwn(CONNECTION_FIELDS, edgeField.name.value)) return undefined;
        }
      } else if (!Object.hasOwn(CONNECTION_FIELDS, name)) return undefined;
    }
  }
  return [...columns].sort();
}
