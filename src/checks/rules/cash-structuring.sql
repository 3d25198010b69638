-- id = "cash-structuring"
-- version = 1
-- title_zh = "拆分存取现金"
-- title_en = "Cash split under a threshold"
-- description_zh = "同一账户在 days 天内（默认 30 天）有不少于 min_count 笔（默认 3 笔）现金存入（或现金支取），每笔都在 threshold（默认 5 万元）的 lower% 到 100% 之间（默认 90%，即 45,000 元以上、不足 5 万元）——把大额现金拆成刚好低于报告标准的几笔。存入与支取分开计。现金按现金标志、交易渠道或摘要（现金、现存、现支、取现、ATM）认定。金额为这些笔的合计。"
-- description_en = "One account with at least `min_count` cash deposits (or cash withdrawals; counted apart) within `days` days (default 30), each between `lower` percent (default 90) and 100% of `threshold` (default 50,000 yuan: from 45,000 up to, not including, 50,000) — large cash split just under the reporting line. Cash by the cash marker, the channel or the memo (现金, 现存, 现支, 取现, ATM). Amount: their sum."
-- subject = "account"
-- roles = ["statements"]
-- text_zh = "账户 {key}（{name}）在 {d_from} 至 {d_to} 有 {d_count} 笔{d_what_zh}，每笔略低于 {d_threshold} 元，合计 {amount} 元。"
-- text_en = "Account {key} ({name}): {d_count} cash {d_what} between {d_from} and {d_to}, each just under {d_threshold} yuan, {amount} yuan in all."
-- [[param]]
-- name = "threshold"
-- type = "decimal"
-- default = "50000"
-- description_zh = "报告标准（元）"
-- description_en = "reporting threshold in yuan"
-- [[param]]
-- name = "lower"
-- type = "integer"
-- default = "90"
-- description_zh = "每笔至少是标准的百分之几"
-- description_en = "each at least this percent of the threshold"
-- [[param]]
-- name = "min_count"
-- type = "integer"
-- default = "3"
-- description_zh = "至少几笔"
-- description_en = "fewest transactions"
-- [[param]]
-- name = "days"
-- type = "integer"
-- default = "30"
-- description_zh = "时段长度（天）"
-- description_en = "window in days"
WITH c AS (
    SELECT own_account, direction, tx_date, ts, amount, ledger_id, row, name
    FROM v_statements
    WHERE cash AND own_account IS NOT NULL AND tx_date IS NOT NULL AND direction IS NOT NULL
      AND amount * 100 >= CAST($threshold AS DECIMAL(18,2)) * CAST($lower AS INTEGER)
      AND amount < CAST($threshold AS DECIMAL(18,2))
),
w AS (
    SELECT a.own_account, a.direction, a.tx_date AS start,
           count(*) AS n, sum(b.amount) AS total, max(b.tx_date) AS last,
           string_agg(concat(b.ledger_id, ':', b.row), ';' ORDER BY b.ts, b.row) AS ev
    FROM (SELECT DISTINCT own_account, direction, tx_date FROM c) a
    JOIN c b ON b.own_account = a.own_account AND b.direction = a.direction
            AND b.tx_date >= a.tx_date AND b.tx_date <= a.tx_date + CAST($days AS INTEGER)
    GROUP BY a.own_account, a.direction, a.tx_date
),
best AS (
    SELECT own_account, direction,
           arg_max(struct_pack(start := start, last := last, n := n, total := total, ev := ev), n * 1e15 + total) AS b
    FROM w
    WHERE n >= CAST($min_count AS INTEGER)
    GROUP BY own_account, direction
),
names AS (
    SELECT own_account, any_value(name) AS name FROM v_statements WHERE name IS NOT NULL GROUP BY own_account
)
SELECT 'account' AS subject_kind,
       best.own_account AS subject_key,
       best.direction AS scope,
       coalesce(n.name, '') AS name,
       CAST(best.b.total AS DECIMAL(18,2)) AS amount,
       best.b.ev AS evidence,
       best.direction AS d_what,
       CASE best.direction WHEN 'in' THEN '现金存入' ELSE '现金支取' END AS d_what_zh,
       best.b.n AS d_count,
       strftime(best.b.start, '%Y-%m-%d') AS d_from,
       strftime(best.b.last, '%Y-%m-%d') AS d_to,
       CAST(CAST($threshold AS DECIMAL(18,2)) AS VARCHAR) AS d_threshold
FROM best
LEFT JOIN names n ON n.own_account = best.own_account
ORDER BY best.own_account, best.direction
