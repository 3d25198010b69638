-- id = "complaint-overdue"
-- version = 1
-- title_zh = "信访超期"
-- title_en = "Complaint overdue or repeated"
-- description_zh = "截至日期时未办结的信访件：受理超过 60 天亮黄牌，超过 90 天亮红牌；以及重信重访：同一所在村、同一被反映人的第一件之后的每一件（不论是否办结），注明 repeat_of。"
-- description_en = "Complaints not closed at the as-of date: more than 60 days old → yellow, more than 90 → red; and repeats: every complaint after the first about the same accused in the same village (open or closed), with repeat_of."
-- subject = "record"
-- roles = ["complaints"]
-- text_zh = "信访件 {key}（{d_received}，反映 {name}）：{d_summary_zh}。"
-- text_en = "Complaint {key} ({d_received}, about {name}): {d_summary}."
-- [[param]]
-- name = "yellow_days"
-- type = "integer"
-- default = "60"
-- description_zh = "超过此天数未办结亮黄牌"
-- description_en = "open longer than this many days: yellow card"
-- [[param]]
-- name = "red_days"
-- type = "integer"
-- default = "90"
-- description_zh = "超过此天数未办结亮红牌"
-- description_en = "open longer than this many days: red card"
WITH c AS (
    SELECT *,
           coalesce(record_no, concat(ledger, '#', row)) AS rk,
           concat(ledger_id, ':', row) AS ev,
           row_number() OVER w AS seq,
           first_value(coalesce(record_no, concat(ledger, '#', row))) OVER w AS first_rk,
           first_value(concat(ledger_id, ':', row)) OVER w AS first_ev
    FROM v_complaints
    WHERE received_date IS NULL OR received_date <= CAST($as_of AS DATE)
    WINDOW w AS (PARTITION BY accused, village ORDER BY received_date NULLS LAST, ledger_id, row
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
s AS (
    SELECT *,
           NOT (coalesce(status, '') IN ('已办结', '办结', '已结', '结案', '已结案', '已完结')
                AND (closed_date IS NULL OR closed_date <= CAST($as_of AS DATE))) AS open,
           CAST($as_of AS DATE) - received_date AS days,
           accused IS NOT NULL AND seq > 1 AS is_repeat
    FROM c
),
f AS (
    SELECT *,
           CASE WHEN open AND days > CAST($red_days AS INTEGER) THEN 'red'
                WHEN open AND days > CAST($yellow_days AS INTEGER) THEN 'yellow' END AS card
    FROM s
)
SELECT 'record' AS subject_kind,
       rk AS subject_key,
       '' AS scope,
       coalesce(accused, '') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       CASE WHEN is_repeat THEN concat(ev, ';', first_ev) ELSE ev END AS evidence,
       card AS d_card,
       CASE WHEN card IS NOT NULL THEN CAST(days AS INTEGER) END AS d_days_open,
       CASE WHEN is_repeat THEN first_rk END AS d_repeat_of,
       strftime(received_date, '%Y-%m-%d') AS d_received,
       concat_ws('；',
           CASE card WHEN 'red' THEN concat('超期红牌（已受理 ', days, ' 天未办结）')
                     WHEN 'yellow' THEN concat('超期黄牌（已受理 ', days, ' 天未办结）') END,
           CASE WHEN is_repeat THEN concat('重信重访，首件为 ', first_rk) END) AS d_summary_zh,
       concat_ws('; ',
           CASE card WHEN 'red' THEN concat('red card, open ', days, ' days')
                     WHEN 'yellow' THEN concat('yellow card, open ', days, ' days') END,
           CASE WHEN is_repeat THEN concat('repeat of ', first_rk) END) AS d_summary
FROM f
WHERE card IS NOT NULL OR is_repeat
