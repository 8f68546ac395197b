-- summary.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < summary.sql
-- One row per proposal (or package) and normative set, in the order of the sets and arms.
-- Titles are quoted as CSV when they hold a comma, a quote or a line break.
WITH q(arm, title) AS (
  SELECT arm, CASE WHEN title GLOB '*[,"' || char(10) || ']*'
                   THEN '"' || replace(title, '"', '""') || '"' ELSE title END FROM arms)
SELECT line FROM (
  SELECT -1 AS k1, -1 AS k2,
    'proposal,title,normative_set,horizon_years,net_value_mean_dkk,net_value_p5_dkk,'
    || 'net_value_p95_dkk,municipality_net_cost_year1_mean_dkk,'
    || 'municipality_net_cost_year1_p5_dkk,municipality_net_cost_year1_p95_dkk,'
    || 'municipality_net_cost_4y_mean_dkk,municipality_net_cost_4y_p5_dkk,'
    || 'municipality_net_cost_4y_p95_dkk,municipality_net_cost_horizon_mean_dkk,'
    || 'municipality_net_cost_horizon_p5_dkk,municipality_net_cost_horizon_p95_dkk'
    || coalesce((SELECT group_concat(',' || measure || '_change_mean,' || measure || '_change_p5,'
                                     || measure || '_change_p95', '')
                 FROM (SELECT measure FROM measures ORDER BY rowid)), '')
    || ',rank' AS line
  UNION ALL
  SELECT n.norm_index, a.arm_index,
    s.arm || ',' || q.title || ',' || s.norm || ',' || n.horizon_years
    || printf(',%.2f,%.2f,%.2f', s.net_value_mean_dkk, s.net_value_p5_dkk, s.net_value_p95_dkk)
    || printf(',%.2f,%.2f,%.2f', s.municipality_net_cost_year1_mean_dkk,
              s.municipality_net_cost_year1_p5_dkk, s.municipality_net_cost_year1_p95_dkk)
    || printf(',%.2f,%.2f,%.2f', s.municipality_net_cost_4y_mean_dkk,
              s.municipality_net_cost_4y_p5_dkk, s.municipality_net_cost_4y_p95_dkk)
    || printf(',%.2f,%.2f,%.2f', s.municipality_net_cost_horizon_mean_dkk,
              s.municipality_net_cost_horizon_p5_dkk, s.municipality_net_cost_horizon_p95_dkk)
    || coalesce((SELECT group_concat(printf(',%.4f,%.4f,%.4f', change_mean, change_p5, change_p95), '')
                 FROM (SELECT m.change_mean, m.change_p5, m.change_p95 FROM summary_measures m
                       JOIN measures USING (measure)
                       WHERE m.norm = s.norm AND m.arm = s.arm ORDER BY measures.rowid)), '')
    || ',' || s.rank
  FROM summary s JOIN norms n USING (norm) JOIN arms a USING (arm) JOIN q USING (arm))
ORDER BY k1, k2;
