/** The operation GraphiQL opens with. */
export const graphiqlExample = `# Welcome to Exchange Ledger.
# Press the play button to see the state of the event log and its read models.
query LedgerStatus {
  ledger {
    store
    headPosition
    projectedPosition
    caughtUp
  }
}
`;
