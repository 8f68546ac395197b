-- budget.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < budget.sql
-- Per dynamics group and proposal: each budget year, then the budget period; the budget types in
-- their order (service, transfer_guaranteed, transfer_other, financing, investment).
SELECT line FROM (
  SELECT -1 AS k1, -1 AS k2, -1 AS k3, -1 AS k4, -1 AS k5,
    'proposal,dynamics_group,normative_sets,period,prices,budget_type,'
    || 'municipality_net_cost_mean_dkk,municipality_net_cost_se_dkk,municipality_net_cost_mean_low_dkk,'
    || 'municipality_net_cost_mean_high_dkk,municipality_net_cost_spread_p5_dkk,'
    || 'municipality_net_cost_spread_p95_dkk' AS line
  UNION ALL
  SELECT b.dynamics_group, a.arm_index, b.last_year - b.first_year, b.first_year,
    CASE b.budget_type WHEN 'service' THEN 0 WHEN 'transfer_guaranteed' THEN 1
                       WHEN 'transfer_other' THEN 2 WHEN 'financing' THEN 3 ELSE 4 END,
    b.arm || ',' || b.dynamics_group || ','
    || (SELECT group_concat(norm, ';') FROM (SELECT norm FROM norms
        WHERE dynamics_group = b.dynamics_group ORDER BY norm_index)) || ','
    || CASE WHEN b.first_year = b.last_year THEN b.first_year
            ELSE b.first_year || '-' || b.last_year || ' (budget period)' END
    || ',' || (SELECT value FROM run_info WHERE key = 'price_level')
    || ',' || b.budget_type
    || ',' || iif(b.municipality_net_cost_mean_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_mean_dkk))
    || ',' || iif(b.municipality_net_cost_se_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_se_dkk))
    || ',' || iif(b.municipality_net_cost_mean_low_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_mean_low_dkk))
    || ',' || iif(b.municipality_net_cost_mean_high_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_mean_high_dkk))
    || ',' || iif(b.municipality_net_cost_spread_p5_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_spread_p5_dkk))
    || ',' || iif(b.municipality_net_cost_spread_p95_dkk IS NULL, '', printf('%.2f', b.municipality_net_cost_spread_p95_dkk))
  FROM budget b JOIN arms a USING (arm))
ORDER BY k1, k2, k3, k4, k5;
