/** A plan action with its plan's city and network, as the open-data export reads it. */
export interface PlanActionRowForExport {
  id: string;
  plan_id: string;
  position: number;
  title: string;
  cluster_key: string;
  phase: string;
  summary: string;
  budget_cents: number | null;
  responsible_body: string;
  status: string;
  status_date: string | null;
  added_at: string;
  added_after_endorsement: number;
  secured_cents: number;
  city_id: string;
  city_name: string;
  country: string;
  network_id: string;
}
