-- flips.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < flips.sql
-- First every proposal's verdict and rank under every set, then the pairs of sets that disagree.
WITH sign(arm, norm, sign, rank) AS (SELECT arm, norm, verdict, rank FROM summary)
SELECT line FROM (
  SELECT -1 AS part, -1 AS k1, -1 AS k2, -1 AS k3,
    'proposal,normative_set,other_normative_set,verdict,other_verdict,rank,other_rank,flip,'
    || 'differing_parameters' AS line
  UNION ALL
  SELECT 0, a.arm_index, n.norm_index, 0,
    s.arm || ',' || s.norm || ',,' || s.sign || ',,' || s.rank || ',,,'
  FROM sign s JOIN arms a USING (arm) JOIN norms n USING (norm)
  UNION ALL
  SELECT 1, a.arm_index, na.norm_index, nb.norm_index,
    f.arm || ',' || f.norm_a || ',' || f.norm_b || ',' || x.sign || ',' || y.sign || ','
    || x.rank || ',' || y.rank || ','
    || CASE WHEN f.sign_differs AND f.top_differs THEN 'sign;top'
            WHEN f.sign_differs THEN 'sign' ELSE 'top' END || ','
    || coalesce((SELECT group_concat(parameter, ';') FROM (SELECT parameter FROM flip_parameters p
                 WHERE p.arm = f.arm AND p.norm_a = f.norm_a AND p.norm_b = f.norm_b
                 ORDER BY position)), '')
  FROM flips f JOIN arms a USING (arm)
    JOIN norms na ON na.norm = f.norm_a JOIN norms nb ON nb.norm = f.norm_b
    JOIN sign x ON x.arm = f.arm AND x.norm = f.norm_a
    JOIN sign y ON y.arm = f.arm AND y.norm = f.norm_b)
ORDER BY part, k1, k2, k3;
