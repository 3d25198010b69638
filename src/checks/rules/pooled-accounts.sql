-- id = "pooled-accounts"
-- version = 3
-- title_zh = "多户补贴汇入同一账户"
-- title_en = "Subsidy accounts pooled into one account"
-- description_zh = "同一个对方账户在 days 天内（默认 90 天）收到不少于 min_households 户（默认 3 户）补贴账户转来的钱。补贴账户是发放台账中发过补贴的账户，户按领取人的户号（无户号的人各算一户）。两边的流水都导入时同一笔只算一次。金额为该时段内汇入的合计。"
-- description_en = "One counterparty account receiving money, within `days` days (default 90), from the subsidy accounts of at least `min_households` different households (default 3). A subsidy account is one a payment ledger paid a subsidy into; households by the payee's 户号 (a person without one is a household alone). A transfer seen on both sides' statements counts once. Amount: the pooled sum in that window."
-- subject = "account"
-- roles = ["payments", "statements"]
-- text_zh = "账户 {key}（{name}）在 {d_from} 至 {d_to} 收到 {d_households} 户补贴账户转入共 {amount} 元（{d_payers}）。"
-- text_en = "Account {key} ({name}) received {amount} yuan from the subsidy accounts of {d_households} households between {d_from} and {d_to} ({d_payers})."
-- [[param]]
-- name = "min_households"
-- type = "integer"
-- default = "3"
-- description_zh = "至少多少户"
-- description_en = "fewest households"
-- [[param]]
-- name = "days"
-- type = "integer"
-- default = "90"
-- description_zh = "时段长度（天）"
-- description_en = "window in days"
WITH acc AS (
    SELECT h.account, coalesce(ph.household, concat('id:', h.id_number)) AS hh, any_value(h.name) AS payee
    FROM v_account_holders h
    LEFT JOIN v_person_household ph ON ph.id_number = h.id_number
    WHERE h.source = 'payment' AND h.id_number IS NOT NULL
    GROUP BY h.account, hh
),
accts AS (
    SELECT DISTINCT account FROM acc
),
-- Money out of a subsidy account, as its own statement or the receiver's shows it.
moves AS (
    SELECT s.own_account AS from_acc, s.counter_account AS to_acc, s.tx_date, s.amount, s.ledger_id, s.row
    FROM v_statements s
    WHERE s.direction = 'out' AND s.counter_account IS NOT NULL
      AND s.own_account IN (SELECT account FROM accts)
    UNION ALL
    SELECT s.counter_account, s.own_account, s.tx_date, s.amount, s.ledger_id, s.row
    FROM v_statements s
    WHERE s.direction = 'in' AND s.counter_account IS NOT NULL AND s.own_account IS NOT NULL
      AND s.counter_account IN (SELECT account FROM accts)
),
-- One transfer seen in both statements counts once (its first row as evidence).
t AS (
    SELECT from_acc, to_acc, tx_date, amount,
           min(CAST(ledger_id AS BIGINT) * 4294967296 + row) AS evk
    FROM moves
    WHERE from_acc <> to_acc AND tx_date IS NOT NULL
    GROUP BY from_acc, to_acc, tx_date, amount
),
tx AS (
    SELECT t.*, a.hh, a.payee FROM t JOIN acc a ON a.account = t.from_acc
),
-- Only accounts that ever received from enough households can pool within a window.
cand AS (
    SELECT to_acc FROM tx GROUP BY to_acc HAVING count(DISTINCT hh) >= CAST($min_households AS INTEGER)
),
ctx AS (
    SELECT tx.* FROM tx WHERE to_acc IN (SELECT to_acc FROM cand)
),
w AS (
    SELECT a.to_acc, a.tx_date AS start,
           count(DISTINCT b.hh) AS households,
           sum(b.amount) AS total,
           max(b.tx_date) AS last
    FROM (SELECT DISTINCT to_acc, tx_date FROM ctx) a
    JOIN ctx b ON b.to_acc = a.to_acc AND b.tx_date >= a.tx_date
             AND b.tx_date <= a.tx_date + CAST($days AS INTEGER)
    GROUP BY a.to_acc, a.tx_date
),
top AS (
    SELECT to_acc, arg_max(struct_pack(start := start, last := last, households := households, total := total),
                           households * 1e15 + total) AS b
    FROM w
    WHERE households >= CAST($min_households AS INTEGER)
    GROUP BY to_acc
),
-- The best window's transfers: evidence and who paid.
best AS (
    SELECT top.to_acc,
           struct_pack(start := any_value(top.b.start), last := any_value(top.b.last),
                       households := any_value(top.b.households), total := any_value(top.b.total),
                       ev := string_agg(concat(c.evk // 4294967296, ':', c.evk % 4294967296), ';'
                                        ORDER BY c.tx_date, concat(c.evk // 4294967296, ':', c.evk % 4294967296)),
                       payers := list(DISTINCT c.payee ORDER BY c.payee)) AS b
    FROM top
    JOIN ctx c ON c.to_acc = top.to_acc AND c.tx_date >= top.b.start
              AND c.tx_date <= top.b.start + CAST($days AS INTEGER)
    GROUP BY top.to_acc
),
names AS (
    SELECT account, string_agg(DISTINCT name, '、' ORDER BY name) AS name FROM v_account_holders
    WHERE account IN (SELECT to_acc FROM best) GROUP BY account
),
counter AS (
    SELECT counter_account AS account, any_value(counter_name) AS name FROM v_statements
    WHERE counter_name IS NOT NULL AND counter_account IN (SELECT to_acc FROM best) GROUP BY counter_account
)
SELECT 'account' AS subject_kind,
       best.to_acc AS subject_key,
       '' AS scope,
       coalesce(n.name, c.name, '') AS name,
       CAST(best.b.total AS DECIMAL(18,2)) AS amount,
       best.b.ev AS evidence,
       best.b.households AS d_households,
       strftime(best.b.start, '%Y-%m-%d') AS d_from,
       strftime(best.b.last, '%Y-%m-%d') AS d_to,
       array_to_string(best.b.payers, '、') AS d_payers
FROM best
LEFT JOIN names n ON n.account = best.to_acc
LEFT JOIN counter c ON c.account = best.to_acc
ORDER BY best.to_acc
