-- switching.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < switching.sql
-- The revalued (valuation) parameters per set, proposal and parameter; then the re-simulated
-- (dynamics) parameters per parameter, set and proposal.
SELECT line FROM (
  SELECT -1 AS k0, -1 AS k1, -1 AS k2, -1 AS k3,
    'proposal,normative_set,parameter,current_value,searched_low,searched_high,'
    || 'switching_value' AS line
  UNION ALL
  SELECT w.method = 'resimulated',
    CASE WHEN w.method = 'revalued' THEN n.norm_index ELSE p.parameter_index END,
    CASE WHEN w.method = 'revalued' THEN a.arm_index ELSE n.norm_index END,
    CASE WHEN w.method = 'revalued' THEN p.parameter_index ELSE a.arm_index END,
    w.arm || ',' || w.norm || ',' || w.parameter
    || printf(',%.15g,%.15g,%.15g,', w.current_value, w.searched_low, w.searched_high)
    || CASE WHEN w.switching_value IS NULL THEN 'none within range'
            ELSE printf('%.6g', w.switching_value) END
  FROM switching_values w JOIN arms a USING (arm) JOIN norms n USING (norm)
    JOIN parameters p USING (parameter))
ORDER BY k0, k1, k2, k3;
