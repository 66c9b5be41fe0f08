import { requireNetwork, requireNetworkOpen, requirePartner } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolationError } from '../shared/errors.js';
import type { ActionPlanCommand } from './commands.js';
import type { ActionPlanEvent, ActionStatus } from './events.js';
import { eurosToCents } from './money.js';

export interface PlanActionState {
  readonly title: string;
  readonly status: ActionStatus;
  /** Date of the current status (null while planned and never changed). */
  readonly statusDate: string | null;
}

export interface ActionPlanState {
  readonly status: 'none' | 'drafted';
  readonly networkId?: string;
  readonly cityId?: string;
  readonly endorsedOn: string | null;
  readonly clusters: readonly string[];
  readonly actions: Readonly<Record<string, PlanActionState>>;
  readonly indicators: readonly string[];
}

const initialState = (): ActionPlanState => ({ status: 'none', endorsedOn: null, clusters: [], actions: {}, indicators: [] });

/**
 * Which status an action may move to. Implemented is final (a plan reports what was done);
 * an abandoned action can be revived.
 */
export const allowedTransitions: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  planned: ['inProgress', 'implemented', 'abandoned'],
  inProgress: ['implemented', 'abandoned'],
  implemented: [],
  abandoned: ['planned', 'inProgress'],
};

function requireDrafted(state: ActionPlanState, id = ''): void {
  if (state.status === 'none') throw new NotFoundError('ActionPlan', id);
}

function requireAction(state: ActionPlanState, actionId: string): PlanActionState {
  const action = state.actions[actionId];
  if (!action) throw new NotFoundError('PlanAction', actionId);
  return action;
}

function decide(command: ActionPlanCommand, state: ActionPlanState): ActionPlanEvent[] {
  switch (command.type) {
    case 'DraftActionPlan': {
      const { network, networkId, cityId, title, vision, clusters } = command.data;
      if (state.status !== 'none') {
        throw new RuleViolationError('PLAN_ALREADY_DRAFTED', `${cityId} already has an action plan in this network`);
      }
      const known = requireNetwork(network, networkId);
      requireNetworkOpen(known);
      const partner = requirePartner(known, cityId, 'A plan is drafted by a partner');
      return [
        {
          type: 'ActionPlanDrafted',
          data: {
            networkId,
            networkKind: known.kind,
            cityId,
            cityName: partner.name,
            country: partner.country,
            title,
            vision,
            clusters,
          },
        },
      ];
    }
    case 'AddPlanCluster': {
      requireDrafted(state);
      if (state.clusters.includes(command.data.key)) {
        throw new RuleViolationError('CLUSTER_EXISTS', `The plan already has a cluster "${command.data.key}"`);
      }
      return [{ type: 'PlanClusterAdded', data: command.data }];
    }
    case 'RevisePlanVision':
      requireDrafted(state);
      return [{ type: 'PlanVisionRevised', data: command.data }];
    case 'AddPlanAction': {
      requireDrafted(state);
      const { actionId, title, clusterKey, phase, summary, budget, responsibleBody, funding } = command.data;
      if (!state.clusters.includes(clusterKey)) {
        throw new RuleViolationError('UNKNOWN_CLUSTER', `The plan has no cluster "${clusterKey}": add it first`);
      }
      const lower = title.toLowerCase();
      if (Object.values(state.actions).some((a) => a.title.toLowerCase() === lower)) {
        throw new RuleViolationError('ACTION_TITLE_TAKEN', `The plan already has an action "${title}"`);
      }
      if (state.actions[actionId]) throw new RuleViolationError('ACTION_EXISTS', `Action ${actionId} already exists`);
      return [
        {
          type: 'PlanActionAdded',
          data: {
            actionId,
            title,
            clusterKey,
            phase,
            summary,
            budgetCents: budget === null ? null : eurosToCents(budget),
            responsibleBody,
            funding: funding.map((f) => ({ source: f.source, amountCents: eurosToCents(f.amount), programme: f.programme })),
            addedAfterEndorsement: state.endorsedOn !== null,
          },
        },
      ];
    }
    case 'ChangeActionStatus': {
      requireDrafted(state);
      const { actionId, status, date, note } = command.data;
      const action = requireAction(state, actionId);
      if (action.status === status) return [];
      if (!allowedTransitions[action.status].includes(status)) {
        throw new RuleViolationError(
          'STATUS_TRANSITION_NOT_ALLOWED',
          `An ${action.status} action cannot become ${status}` +
            (action.status === 'implemented' ? ': implemented is final' : ''),
        );
      }
      if (action.statusDate && date < action.statusDate) {
        throw new RuleViolationError('STATUS_DATE_BEFORE_PREVIOUS', `The date must not be before ${action.statusDate}, the date of the current status`);
      }
      return [{ type: 'ActionStatusChanged', data: { actionId, from: action.status, to: status, date, note } }];
    }
    case 'RecordFundingSecured': {
      requireDrafted(state);
      const action = requireAction(state, command.data.actionId);
      if (action.status === 'abandoned') {
        throw new RuleViolationError('ACTION_ABANDONED', `"${action.title}" is abandoned: revive it before recording funding`);
      }
      const { amount, ...rest } = command.data;
      return [{ type: 'FundingSecured', data: { ...rest, amountCents: eurosToCents(amount) } }];
    }
    case 'DefineIndicator': {
      requireDrafted(state);
      if (command.data.actionId !== null) requireAction(state, command.data.actionId);
      if (state.indicators.includes(command.data.indicatorId)) {
        throw new RuleViolationError('INDICATOR_EXISTS', 'This indicator already exists');
      }
      return [{ type: 'IndicatorDefined', data: command.data }];
    }
    case 'RecordIndicatorValue': {
      requireDrafted(state);
      if (!state.indicators.includes(command.data.indicatorId)) throw new NotFoundError('Indicator', command.data.indicatorId);
      return [{ type: 'IndicatorValueRecorded', data: command.data }];
    }
    case 'EndorseActionPlan': {
      requireDrafted(state);
      if (state.endorsedOn !== null) {
        throw new RuleViolationError('PLAN_ALREADY_ENDORSED', `The plan was already endorsed on ${state.endorsedOn}`);
      }
      if (Object.keys(state.actions).length === 0) {
        throw new RuleViolationError('PLAN_HAS_NO_ACTIONS', 'A plan needs at least one action before the council endorses it');
      }
      return [{ type: 'ActionPlanEndorsed', data: command.data }];
    }
  }
}

function evolve(state: ActionPlanState, event: ActionPlanEvent): ActionPlanState {
  switch (event.type) {
    case 'ActionPlanDrafted':
      return {
        ...state,
        status: 'drafted',
        networkId: event.data.networkId,
        cityId: event.data.cityId,
        clusters: event.data.clusters.map((c) => c.key),
      };
    case 'PlanClusterAdded':
      return { ...state, clusters: [...state.clusters, event.data.key] };
    case 'PlanActionAdded':
      return {
        ...state,
        actions: { ...state.actions, [event.data.actionId]: { title: event.data.title, status: 'planned', statusDate: null } },
      };
    case 'ActionStatusChanged': {
      const action = state.actions[event.data.actionId];
      if (!action) return state;
      return {
        ...state,
        actions: { ...state.actions, [event.data.actionId]: { ...action, status: event.data.to, statusDate: event.data.date } },
      };
    }
    case 'IndicatorDefined':
      return { ...state, indicators: [...state.indicators, event.data.indicatorId] };
    case 'ActionPlanEndorsed':
      return { ...state, endorsedOn: event.data.date };
    default:
      return state;
  }
}

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = {
  category: 'actionPlan',
  initialState,
  decide,
  evolve,
};
