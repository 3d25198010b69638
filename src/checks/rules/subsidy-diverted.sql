-- id = "subsidy-diverted"
-- version = 2
-- title_zh = "补贴到账后被转走"
-- title_en = "Subsidy moved on after payment"
-- description_zh = "补贴打入账户 A 后 days 天内（默认 30 天，含当天），A 有一笔不少于该笔补贴 share%（默认 80%）的转出：转给村干部或其同户成员，或转给不在领取人家庭（户号）内的人；或者 A 本身是村干部（或其同户成员）的账户、领取人不在其家中，而钱被取现——干部“代管”一卡通就是这样。转给领取人同户家人的不算。金额为被转走的补贴（每笔补贴至多计其本身）。账户属于谁见视图 v_account_holders（发放台账、流水本方户名、花名册）。"
-- description_en = "A subsidy paid into account A, followed within `days` days (default 30, the same day included) by a transfer from A of at least `share` percent of it (default 80) to a cadre or a member of a cadre's household, or to someone outside the payee's household; or A is itself a cadre's (or a cadre household member's) account, the payee is not of that household, and the money is withdrawn in cash — a cadre keeping villagers' cards (代管) shows this way. Transfers to the payee's own household do not count. Amount: the subsidy moved on (at most each payment itself). Who holds an account: the view v_account_holders."
-- subject = "person"
-- roles = ["payments", "statements"]
-- text_zh = "{name}（{key}）的补贴打入账户 {d_account} 后，{d_days_max} 天内被转出或取现 {amount} 元（{d_to}）。"
-- text_en = "{name} ({key}): subsidies paid into account {d_account} were moved on or withdrawn within {d_days_max} days, {amount} yuan ({d_to})."
-- [[param]]
-- name = "days"
-- type = "integer"
-- default = "30"
-- description_zh = "补贴到账后多少天内的转出"
-- description_en = "days after the payment"
-- [[param]]
-- name = "share"
-- type = "integer"
-- default = "80"
-- description_zh = "单笔转出至少是该笔补贴的百分之几"
-- description_en = "an outflow at least this percent of the payment"
WITH pay AS (
    SELECT p.ledger_id, p.row, p.id_number, p.name, p.account, p.program,
           coalesce(p.pay_date, p.month) AS paid_on, p.amount, ph.household
    FROM v_payments p
    LEFT JOIN v_person_household ph ON ph.id_number = p.id_number
    WHERE p.account IS NOT NULL AND p.id_number IS NOT NULL AND p.amount > 0
      AND coalesce(p.pay_date, p.month) IS NOT NULL
),
cadre_people AS (
    SELECT c.id_number AS person, c.name AS cadre FROM v_cadres c WHERE c.id_number IS NOT NULL
    UNION
    SELECT hm.id_number, c.name
    FROM v_cadres c
    JOIN v_person_household hc ON hc.id_number = c.id_number
    JOIN v_person_household hm ON hm.household = hc.household
),
holder AS (
    SELECT DISTINCT account, id_number FROM v_account_holders WHERE id_number IS NOT NULL
),
members AS (
    SELECT ph.household, h.name FROM v_person_household ph JOIN v_households h ON h.id_number = ph.id_number
),
-- Accounts held by a cadre or a member of a cadre's household.
kept AS (
    SELECT DISTINCT ah.account, ah.id_number AS holder, ahh.household AS holder_household, kp.cadre
    FROM holder ah
    JOIN cadre_people kp ON kp.person = ah.id_number
    LEFT JOIN v_person_household ahh ON ahh.id_number = ah.id_number
),
-- The payments into such an account of someone outside the holder's household.
keeper AS (
    SELECT p.ledger_id, p.row, any_value(k.cadre) AS keeper
    FROM v_payments p
    JOIN kept k ON k.account = p.account
    LEFT JOIN v_person_household ph ON ph.id_number = p.id_number
    WHERE k.holder <> p.id_number AND k.holder_household IS DISTINCT FROM ph.household
    GROUP BY p.ledger_id, p.row
),
-- Every outflow, with whoever holds the account it went to: those naming a
-- counterparty are judged by it; the rest (cash) only on a kept account.
outflow AS (
    SELECT s.ledger_id AS s_ledger, s.row AS s_row, s.own_account, s.amount AS s_amount, s.tx_date, s.cash,
           s.counter_account, s.counter_name, h.id_number AS to_id, th.household AS to_household,
           cp.cadre AS to_cadre
    FROM v_statements s
    LEFT JOIN holder h ON h.account = s.counter_account
    LEFT JOIN v_person_household th ON th.id_number = h.id_number
    LEFT JOIN cadre_people cp ON cp.person = h.id_number
    WHERE s.direction = 'out' AND (s.counter_account IS NOT NULL OR s.counter_name IS NOT NULL)
    UNION ALL
    SELECT s.ledger_id, s.row, s.own_account, s.amount, s.tx_date, s.cash,
           NULL, NULL, NULL, NULL, NULL
    FROM v_statements s
    WHERE s.direction = 'out' AND s.cash AND s.counter_account IS NULL AND s.counter_name IS NULL
      AND s.own_account IN (SELECT account FROM kept)
),
m AS (
    SELECT pay.ledger_id, pay.row, pay.id_number, pay.name, pay.account, pay.paid_on, pay.amount, pay.household,
           o.s_ledger, o.s_row, o.s_amount, o.tx_date, o.cash, o.counter_account, o.counter_name,
           o.to_id, o.to_household, o.to_cadre, k.keeper
    FROM pay
    JOIN outflow o
      ON o.own_account = pay.account
     AND o.tx_date >= CAST(pay.paid_on AS DATE)
     AND o.tx_date <= CAST(pay.paid_on AS DATE) + CAST($days AS INTEGER)
     AND o.s_amount * 100 >= pay.amount * CAST($share AS INTEGER)
    LEFT JOIN keeper k ON k.ledger_id = pay.ledger_id AND k.row = pay.row
),
flagged AS (
    SELECT *,
           CASE
               WHEN to_id IS NOT NULL THEN
                   to_id <> id_number AND (household IS NULL OR to_household IS DISTINCT FROM household)
               WHEN counter_name IS NOT NULL AND counter_account IS NOT NULL THEN
                   counter_name <> name
                   AND NOT EXISTS (SELECT 1 FROM members mm WHERE mm.household = m.household AND mm.name = m.counter_name)
               WHEN cash THEN keeper IS NOT NULL
               ELSE false
           END AS diverted,
           CASE
               WHEN to_cadre IS NOT NULL THEN concat('转给', coalesce(counter_name, to_cadre), '（村干部', to_cadre, '家）')
               WHEN to_id IS NOT NULL OR counter_name IS NOT NULL THEN concat('转给', coalesce(counter_name, counter_account))
               ELSE concat('取现，账户由', keeper, '掌握')
           END AS to_zh
    FROM m
),
per_payment AS (
    SELECT ledger_id, row, id_number, name, account, paid_on,
           least(amount, sum(s_amount)) AS moved,
           max(tx_date - CAST(paid_on AS DATE)) AS days_after,
           list(concat(s_ledger, ':', s_row)) AS s_ev,
           list(DISTINCT to_zh) AS to_zh
    FROM flagged
    WHERE diverted
    GROUP BY ledger_id, row, id_number, name, account, paid_on, amount
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       account AS scope,
       any_value(name) AS name,
       CAST(sum(moved) AS DECIMAL(18,2)) AS amount,
       concat(string_agg(concat(ledger_id, ':', row), ';' ORDER BY paid_on, ledger_id, row), ';',
              array_to_string(flatten(list(s_ev)), ';')) AS evidence,
       account AS d_account,
       count(*) AS d_payments,
       max(days_after) AS d_days_max,
       array_to_string(list_distinct(flatten(list(to_zh))), '、') AS d_to
FROM per_payment
GROUP BY id_number, account
ORDER BY id_number
