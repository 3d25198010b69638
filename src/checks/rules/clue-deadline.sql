-- id = "clue-deadline"
-- version = 1
-- title_zh = "线索办理时限"
-- title_en = "Clue register deadlines"
-- description_zh = "问题线索台账中截至日期仍未完成的办理时限：已过到期日的为逾期，距到期日不超过设定工作日（due-soon，默认 3 个工作日）的为临期。时限按工作日历计算（法定节假日不计、调休上班日计入），见 hecha deadlines。"
-- description_en = "Deadlines of the clue register not met at the as-of date: past the due day → overdue; within the due-soon working days (default 3) → due soon. Counted on the working-day calendar (official holidays skipped, make-up days worked); see hecha deadlines."
-- subject = "clue"
-- roles = []
-- text_zh = "问题线索 {key}（{name}）：{d_what_zh}时限 {d_due} 到期，{d_state_zh}。"
-- text_en = "Clue {key} ({name}): the {d_what} deadline is due {d_due}, {d_state}."
WITH d AS (
    SELECT *,
           CASE WHEN CAST($as_of AS DATE) > due THEN 'overdue' ELSE 'due-soon' END AS state
    FROM v_clue_deadlines
    WHERE done_on IS NULL
      AND start <= CAST($as_of AS DATE)
      AND CAST($as_of AS DATE) >= soon_from
)
SELECT 'clue' AS subject_kind,
       number AS subject_key,
       concat(what, '#', cycle) AS scope,
       coalesce(subjects, '') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       origin_row AS evidence,
       strftime(due, '%Y-%m-%d') AS d_due,
       state AS d_state,
       what AS d_what,
       CASE state WHEN 'overdue' THEN concat('已逾期 ', CAST(CAST($as_of AS DATE) - due AS INTEGER), ' 天')
                  ELSE '临期' END AS d_state_zh,
       CASE what WHEN 'disposal' THEN '处置意见'
                 WHEN 'acceptance-notice' THEN '受理告知'
                 WHEN 'inquiry-reply' THEN '函询回复'
                 WHEN 'inquiry-closure' THEN '谈话函询了结'
                 WHEN 'verification' THEN '初步核实'
                 WHEN 'investigation' THEN '审查调查'
                 WHEN 'review' THEN '审理'
                 WHEN 'result-feedback' THEN '结果反馈'
                 ELSE what END AS d_what_zh,
       title AS d_title,
       coalesce(officer, '') AS d_officer
FROM d
ORDER BY due, number
