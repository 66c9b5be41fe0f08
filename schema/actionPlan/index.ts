// Integrated Action Plans: one file per GraphQL type, and the plan's mutations.
import './planAction.js';
import './planIndicator.js';
import './actionPlan.js';
import './mutations.js';
