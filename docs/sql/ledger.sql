-- ledger.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < ledger.sql
-- Per dynamics group and proposal: each year, then the budget period; departments and payers in
-- their order.
SELECT line FROM (
  SELECT -1 AS k1, -1 AS k2, -1 AS k3, -1 AS k4, -1 AS k5, -1 AS k6,
    'proposal,dynamics_group,normative_sets,period,prices,department,payer,'
    || 'net_cost_mean_dkk,net_cost_se_dkk,net_cost_mean_low_dkk,net_cost_mean_high_dkk,net_cost_spread_p5_dkk,net_cost_spread_p95_dkk' AS line
  UNION ALL
  SELECT l.dynamics_group, a.arm_index, l.last_year - l.first_year, l.first_year,
    d.department_index, p.payer_index,
    l.arm || ',' || l.dynamics_group || ','
    || (SELECT group_concat(norm, ';') FROM (SELECT norm FROM norms
        WHERE dynamics_group = l.dynamics_group ORDER BY norm_index)) || ','
    || CASE WHEN l.first_year = l.last_year THEN l.first_year
            ELSE l.first_year || '-' || l.last_year || ' (budget period)' END
    || ',' || (SELECT value FROM run_info WHERE key = 'price_level')
    || ',' || l.department || ',' || l.payer
    || ',' || iif(l.net_cost_mean_dkk IS NULL, '', printf('%.2f', l.net_cost_mean_dkk))
    || ',' || iif(l.net_cost_se_dkk IS NULL, '', printf('%.2f', l.net_cost_se_dkk))
    || ',' || iif(l.net_cost_mean_low_dkk IS NULL, '', printf('%.2f', l.net_cost_mean_low_dkk))
    || ',' || iif(l.net_cost_mean_high_dkk IS NULL, '', printf('%.2f', l.net_cost_mean_high_dkk))
    || ',' || iif(l.net_cost_spread_p5_dkk IS NULL, '', printf('%.2f', l.net_cost_spread_p5_dkk))
    || ',' || iif(l.net_cost_spread_p95_dkk IS NULL, '', printf('%.2f', l.net_cost_spread_p95_dkk))
  FROM ledger l JOIN arms a USING (arm) JOIN departments d USING (department)
    JOIN payers p USING (payer))
ORDER BY k1, k2, k3, k4, k5, k6;
