/**
 * The operation GraphiQL opens with: BoostInno's journey on the demo data (`npm run seed`, or
 * `npm start -- --seed`). Network ids are generated when the data is loaded, so the first
 * operation finds BoostInno's id and the next two take it as a variable. docs/demo.md walks
 * through this and four more questions.
 */
export const graphiqlExample = `# Welcome to Exchange Ledger: URBACT city networks as an event-sourced ledger.
#
# No data yet? Load the demo data set (five real URBACT documents) with
#   npm run seed            or   npm start -- --seed
# and see docs/demo.md for a walkthrough (five questions, with the answers on the demo data).
#
# 1. Run "Networks" (the play button offers each operation; no token needed)
#    and copy BoostInno's networkId.
query Networks {
  networks(first: 10) {
    nodes {
      networkId
      name
      kind
      startDate
      endDate
      leadExpert { name }
      partners { cityId name role }
    }
  }
}

# 2. Paste it into Variables: {"networkId": "<BoostInno's networkId>"}
#    and run "BoostInnoMeetings": the public agenda, in date order.
query BoostInnoMeetings($networkId: ID!) {
  meetings(networkId: $networkId, first: 20) {
    nodes { startDate endDate kind title hostCityId themes status }
  }
}

# 3. The journey is for the network's members: mint tokens with
#      npm run demo-tokens
#    put one in Headers: {"Authorization": "Bearer <token>"} (the BoostInno lead expert's,
#    or the Torino coordinator's), then run "BoostInnoJourney".
query BoostInnoJourney($networkId: ID!) {
  journey(networkId: $networkId) {
    meetingCount
    timeline(first: 20) {
      nodes {
        startDate
        title
        host { name }
        themes
        learnings(first: 5) { nodes { lesson partner { name } } }
      }
    }
    needCoverage { raised open addressed coverage }
    partners { partner { name } needCoverage { raised } }
  }
}

# The state of the event log and its read models, at any time:
query LedgerStatus {
  ledger { store headPosition projectedPosition caughtUp }
}
`;
