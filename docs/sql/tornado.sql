-- tornado.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < tornado.sql
-- Per set and proposal, the parameters by swing (largest first; ties in register order).
SELECT line FROM (
  SELECT -1 AS k1, -1 AS k2, NULL AS k3, -1 AS k4,
    'proposal,normative_set,parameter,low,high,net_value_mean_dkk,net_value_at_low_dkk,'
    || 'net_value_at_high_dkk,swing_dkk' AS line
  UNION ALL
  SELECT n.norm_index, a.arm_index, -t.swing_dkk, p.parameter_index,
    t.arm || ',' || t.norm || ',' || t.parameter || printf(',%.15g,%.15g', t.low, t.high)
    || printf(',%.2f,%.2f,%.2f,%.2f', t.net_value_mean_dkk, t.net_value_at_low_dkk,
              t.net_value_at_high_dkk, t.swing_dkk)
  FROM tornado t JOIN arms a USING (arm) JOIN norms n USING (norm)
    JOIN parameters p USING (parameter))
ORDER BY k1, k2, k3, k4;
