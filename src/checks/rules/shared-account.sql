-- id = "shared-account"
-- version = 1
-- title_zh = "一卡多人"
-- title_en = "One account, many households"
-- description_zh = "同一银行卡号/存折号收取了两个以上不同户号人员的补贴（同户家庭成员共用一卡不算；无户号信息的人各算一户）。"
-- description_en = "One account receiving payments for people of two or more different households (members of one household sharing a card are fine; a person with no household on record counts as their own)."
-- subject = "account"
-- roles = ["payments"]
-- text_zh = "账号 {key} 为 {d_household_count} 个不同户号的 {d_people} 收取补贴 {d_payments} 笔。"
-- text_en = "Account {key} received {d_payments} payments for {d_people}, of {d_household_count} different households."
WITH hh AS (SELECT id_number, household FROM v_person_household),
pk AS (
    SELECT p.account, coalesce(hh.household, concat('person:', coalesce(p.id_number, p.name))) AS hhk
    FROM v_payments p
    LEFT JOIN hh ON hh.id_number = p.id_number
    WHERE p.account IS NOT NULL
),
shared AS (
    -- Keys first: only accounts used by two or more households are looked at again.
    SELECT account FROM (SELECT DISTINCT account, hhk FROM pk) GROUP BY account HAVING count(*) >= 2
),
p AS (
    SELECT p.*, coalesce(hh.household, concat('person:', coalesce(p.id_number, p.name))) AS hhk
    FROM v_payments p
    JOIN shared s ON s.account = p.account
    LEFT JOIN hh ON hh.id_number = p.id_number
)
SELECT 'account' AS subject_kind,
       account AS subject_key,
       '' AS scope,
       array_to_string(list_sort(list_distinct(list(name))), '、') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       array_to_string(list(concat(ledger_id, ':', row) ORDER BY ledger_id, row), ';') AS evidence,
       account AS d_card,
       list_sort(list_distinct(list(name))) AS d_people,
       list_sort(list_distinct(list(hhk) FILTER (WHERE NOT starts_with(hhk, 'person:')))) AS d_households,
       CAST(count(DISTINCT hhk) AS INTEGER) AS d_household_count,
       CAST(count(*) AS INTEGER) AS d_payments
FROM p
GROUP BY account
