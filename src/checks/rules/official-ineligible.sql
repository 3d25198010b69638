-- id = "official-ineligible"
-- version = 1
-- title_zh = "公职人员违规领取"
-- title_en = "Officials on means-tested benefits"
-- description_zh = "在公职人员任职期间（入职月至离职月，含两端；无离职日期即仍在职）发放给其本人（via: self）或同一户号家庭成员（via: household）的需经济状况核查的补贴；本人优先。"
-- description_en = "Means-tested payments in a month of an official's service to the official (via self) or to a member of the same household (via household); self wins."
-- subject = "person"
-- roles = ["payments", "officials"]
-- text_zh = "{name}（{key}）在公职人员 {d_officials} 任职期间领取需经济状况核查的补贴 {d_payments} 笔共 {amount} 元（{d_via_zh}；{d_programs}；{d_months}）。"
-- text_en = "{name} ({key}) received {d_payments} means-tested payments, {amount} yuan, while {d_officials} served on the public payroll (via {d_via}; {d_programs}; {d_months})."
WITH hh AS (SELECT id_number, household FROM v_person_household),
off AS (
    SELECT id_number, name,
           CAST(date_trunc('month', start_date) AS DATE) AS m_start,
           CAST(date_trunc('month', end_date) AS DATE) AS m_end,
           concat(ledger_id, ':', row) AS ev
    FROM v_officials
    WHERE id_number IS NOT NULL
),
off_household AS (
    -- The other members of each official's household (equi-joins only).
    SELECT hm.id_number AS member, off.*
    FROM off
    JOIN hh ho ON ho.id_number = off.id_number
    JOIN hh hm ON hm.household = ho.household
    WHERE hm.id_number <> off.id_number
),
targets AS (
    SELECT id_number FROM off
    UNION
    SELECT member FROM off_household
),
pay AS (
    -- Only payments to officials and their household members.
    SELECT p.*
    FROM v_payments p
    JOIN targets t ON t.id_number = p.id_number
    JOIN programs g ON g.program = p.program
    WHERE g.means_tested AND p.month IS NOT NULL AND p.amount IS NOT NULL
),
hits AS (
    SELECT p.ledger_id, p.row, p.id_number, p.name, p.amount, p.month, p.program,
           'self' AS via, off.name AS official, off.ev AS off_ev
    FROM pay p
    JOIN off ON off.id_number = p.id_number
    WHERE p.month BETWEEN coalesce(off.m_start, DATE '1900-01-01') AND coalesce(off.m_end, DATE '9999-12-01')
    UNION ALL
    SELECT p.ledger_id, p.row, p.id_number, p.name, p.amount, p.month, p.program,
           'household' AS via, off.name AS official, off.ev AS off_ev
    FROM pay p
    JOIN off_household off ON off.member = p.id_number
    WHERE p.month BETWEEN coalesce(off.m_start, DATE '1900-01-01') AND coalesce(off.m_end, DATE '9999-12-01')
),
per_payment AS (
    -- One row per payment; self wins over household.
    SELECT ledger_id, row,
           any_value(id_number) AS id_number, any_value(name) AS name, any_value(amount) AS amount,
           any_value(month) AS month, any_value(program) AS program,
           max(via) AS via,
           list(official) FILTER (WHERE via = 'self') AS self_officials,
           list(official) AS officials,
           list(off_ev) FILTER (WHERE via = 'self') AS self_ev,
           list(off_ev) AS all_ev
    FROM hits
    GROUP BY ledger_id, row
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       '' AS scope,
       first(name) AS name,
       sum(amount) AS amount,
       array_to_string(list_concat(
           flatten(list(CASE WHEN via = 'self' THEN self_ev ELSE all_ev END)),
           list(concat(ledger_id, ':', row) ORDER BY month, ledger_id, row)), ';') AS evidence,
       max(via) AS d_via,
       CASE WHEN max(via) = 'self' THEN '本人' ELSE '同户家庭成员' END AS d_via_zh,
       list_sort(list_distinct(flatten(list(CASE WHEN via = 'self' THEN self_officials ELSE officials END)))) AS d_officials,
       list_sort(list_distinct(list(program))) AS d_programs,
       list_sort(list_distinct(list(strftime(month, '%Y-%m')))) AS d_months,
       CAST(count(*) AS INTEGER) AS d_payments
FROM per_payment
GROUP BY id_number
