-- summary.csv rebuilt from results.sqlite: sqlite3 -list -noheader results.sqlite < summary.sql
-- One row per proposal (or package) and normative set, in the order of the sets and arms.
-- Titles are quoted as CSV when they hold a comma, a quote or a line break; a figure that is not
-- defined (NULL in the store) is an empty cell.
WITH q(arm, title) AS (
  SELECT arm, CASE WHEN title GLOB '*[,"' || char(10) || ']*'
                   THEN '"' || replace(title, '"', '""') || '"' ELSE title END FROM arms)
SELECT line FROM (
  SELECT -1 AS k1, -1 AS k2,
    'proposal,title,normative_set,horizon_years,verdict,net_value_mean_dkk,net_value_'
    || 'se_dkk,net_value_mean_low_dkk,net_value_mean_high_dkk,net_value_spread_p5_dkk,ne'
    || 't_value_spread_p95_dkk,chance_of_gain,chance_of_gain_low,chance_of_gain_high,ran'
    || 'k,rank_resolved,chance_of_rank_1,gap_to_next_mean_dkk,gap_to_next_se_dkk,payback'
    || '_year,benefit_cost_ratio,programme_cost_pv_dkk,participants,net_value_per_partic'
    || 'ipant_dkk,population_variance_share,unit_cost_variance_share'
    || ',municipality_net_cost_year1_mean_dkk,municipality_net_cost_year1_se_dk'
    || 'k,municipality_net_cost_year1_mean_low_dkk,municipality_net_cost_year1_mean_high'
    || '_dkk,municipality_net_cost_year1_spread_p5_dkk,municipality_net_cost_year1_sprea'
    || 'd_p95_dkk,municipality_net_cost_4y_mean_dkk,municipality_net_cost_4y_se_dkk,muni'
    || 'cipality_net_cost_4y_mean_low_dkk,municipality_net_cost_4y_mean_high_dkk,municip'
    || 'ality_net_cost_4y_spread_p5_dkk,municipality_net_cost_4y_spread_p95_dkk,municipa'
    || 'lity_net_cost_horizon_mean_dkk,municipality_net_cost_horizon_se_dkk,municipality'
    || '_net_cost_horizon_mean_low_dkk,municipality_net_cost_horizon_mean_high_dkk,munic'
    || 'ipality_net_cost_horizon_spread_p5_dkk,municipality_net_cost_horizon_spread_p95_'
    || 'dkk'
    || coalesce((SELECT group_concat(',' || measure || '_change_mean,' || measure || '_change_se,' || measure || '_change_mean_low,' || measure || '_change_mean_high,' || measure || '_change_spread_p5,' || measure || '_change_spread_p95,' || measure || '_direction,' || measure || '_net_cost_per_unit_dkk', '')
                 FROM (SELECT measure FROM measures ORDER BY rowid)), '') AS line
  UNION ALL
  SELECT n.norm_index, a.arm_index,
    s.arm || ',' || q.title || ',' || s.norm || ',' || n.horizon_years || ',' || s.verdict
    || ',' || iif(s.net_value_mean_dkk IS NULL, '', printf('%.2f', s.net_value_mean_dkk))
    || ',' || iif(s.net_value_se_dkk IS NULL, '', printf('%.2f', s.net_value_se_dkk))
    || ',' || iif(s.net_value_mean_low_dkk IS NULL, '', printf('%.2f', s.net_value_mean_low_dkk))
    || ',' || iif(s.net_value_mean_high_dkk IS NULL, '', printf('%.2f', s.net_value_mean_high_dkk))
    || ',' || iif(s.net_value_spread_p5_dkk IS NULL, '', printf('%.2f', s.net_value_spread_p5_dkk))
    || ',' || iif(s.net_value_spread_p95_dkk IS NULL, '', printf('%.2f', s.net_value_spread_p95_dkk))
    || ',' || iif(s.chance_of_gain IS NULL, '', printf('%.4f', s.chance_of_gain)) || ',' || iif(s.chance_of_gain_low IS NULL, '', printf('%.4f', s.chance_of_gain_low))
    || ',' || iif(s.chance_of_gain_high IS NULL, '', printf('%.4f', s.chance_of_gain_high))
    || ',' || s.rank || ',' || iif(s.rank_resolved, 'yes', 'no')
    || (SELECT ',' || iif(share IS NULL, '', printf('%.4f', share)) FROM rank_probabilities r
        WHERE r.norm = s.norm AND r.arm = s.arm AND r.rank = 1)
    || ',' || iif(s.gap_to_next_mean_dkk IS NULL, '', printf('%.2f', s.gap_to_next_mean_dkk)) || ',' || iif(s.gap_to_next_se_dkk IS NULL, '', printf('%.2f', s.gap_to_next_se_dkk))
    || ',' || coalesce(s.payback_year, 'not within the horizon')
    || ',' || iif(s.benefit_cost_ratio IS NULL, '', printf('%.4f', s.benefit_cost_ratio)) || ',' || iif(s.programme_cost_pv_dkk IS NULL, '', printf('%.2f', s.programme_cost_pv_dkk))
    || ',' || iif(s.participants IS NULL, '', printf('%.2f', s.participants)) || ',' || iif(s.net_value_per_participant_dkk IS NULL, '', printf('%.2f', s.net_value_per_participant_dkk))
    || ',' || iif(s.population_variance_share IS NULL, '', printf('%.4f', s.population_variance_share)) || ',' || iif(s.unit_cost_variance_share IS NULL, '', printf('%.4f', s.unit_cost_variance_share))
    || ',' || iif(s.municipality_net_cost_year1_mean_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_mean_dkk))
    || ',' || iif(s.municipality_net_cost_year1_se_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_se_dkk))
    || ',' || iif(s.municipality_net_cost_year1_mean_low_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_mean_low_dkk))
    || ',' || iif(s.municipality_net_cost_year1_mean_high_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_mean_high_dkk))
    || ',' || iif(s.municipality_net_cost_year1_spread_p5_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_spread_p5_dkk))
    || ',' || iif(s.municipality_net_cost_year1_spread_p95_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_year1_spread_p95_dkk))
    || ',' || iif(s.municipality_net_cost_4y_mean_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_mean_dkk))
    || ',' || iif(s.municipality_net_cost_4y_se_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_se_dkk))
    || ',' || iif(s.municipality_net_cost_4y_mean_low_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_mean_low_dkk))
    || ',' || iif(s.municipality_net_cost_4y_mean_high_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_mean_high_dkk))
    || ',' || iif(s.municipality_net_cost_4y_spread_p5_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_spread_p5_dkk))
    || ',' || iif(s.municipality_net_cost_4y_spread_p95_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_4y_spread_p95_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_mean_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_mean_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_se_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_se_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_mean_low_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_mean_low_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_mean_high_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_mean_high_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_spread_p5_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_spread_p5_dkk))
    || ',' || iif(s.municipality_net_cost_horizon_spread_p95_dkk IS NULL, '', printf('%.2f', s.municipality_net_cost_horizon_spread_p95_dkk))
    || coalesce((SELECT group_concat(
                   ',' || iif(m.change_mean IS NULL, '', printf('%.4f', m.change_mean))
                   || ',' || iif(m.change_se IS NULL, '', printf('%.4f', m.change_se))
                   || ',' || iif(m.change_mean_low IS NULL, '', printf('%.4f', m.change_mean_low))
                   || ',' || iif(m.change_mean_high IS NULL, '', printf('%.4f', m.change_mean_high))
                   || ',' || iif(m.change_spread_p5 IS NULL, '', printf('%.4f', m.change_spread_p5))
                   || ',' || iif(m.change_spread_p95 IS NULL, '', printf('%.4f', m.change_spread_p95))
                   || ',' || m.direction
                   || ',' || iif(m.net_cost_per_unit_dkk IS NULL, '', printf('%.2f', m.net_cost_per_unit_dkk)), '')
                 FROM (SELECT m.* FROM summary_measures m JOIN measures USING (measure)
                       WHERE m.norm = s.norm AND m.arm = s.arm ORDER BY measures.rowid) m), '')
  FROM summary s JOIN norms n USING (norm) JOIN arms a USING (arm) JOIN q USING (arm))
ORDER BY k1, k2;
