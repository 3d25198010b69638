-- id = "deceased-paid"
-- version = 1
-- title_zh = "死亡后仍领取"
-- title_en = "Paid after death"
-- description_zh = "发放月份晚于死亡（注销）月份的补贴；死亡当月的发放不算。两项补贴只停了一项时，仍在发的那项会被找出。"
-- description_en = "Payments whose month is strictly after the month of death; a payment in the month of death is fine."
-- subject = "person"
-- roles = ["payments", "deaths"]
-- text_zh = "{name}（{key}）于 {d_death_date} 死亡，此后仍领取 {d_payments} 笔共 {amount} 元（{d_programs}；{d_months}）。"
-- text_en = "{name} ({key}) died on {d_death_date} but was paid {d_payments} more times, {amount} yuan in all ({d_programs}; {d_months})."
WITH d AS (
    SELECT id_number,
           min(death_date) AS death_date,
           arg_min(name, death_date) AS name,
           list(concat(ledger_id, ':', row) ORDER BY ledger_id, row) AS ev
    FROM v_deaths
    WHERE id_number IS NOT NULL AND death_date IS NOT NULL
    GROUP BY id_number
),
hits AS (
    SELECT p.*, d.death_date, d.ev AS death_ev, d.name AS death_name
    FROM v_payments p
    JOIN d ON p.id_number = d.id_number
    WHERE p.month IS NOT NULL
      AND p.amount IS NOT NULL
      AND p.month > CAST(date_trunc('month', d.death_date) AS DATE)
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       '' AS scope,
       coalesce(first(death_name), first(name)) AS name,
       sum(amount) AS amount,
       array_to_string(list_concat(first(death_ev), list(concat(ledger_id, ':', row) ORDER BY month, ledger_id, row)), ';') AS evidence,
       strftime(first(death_date), '%Y-%m-%d') AS d_death_date,
       list_sort(list_distinct(list(strftime(month, '%Y-%m')))) AS d_months,
       list_sort(list_distinct(list(program))) AS d_programs,
       CAST(count(*) AS INTEGER) AS d_payments
FROM hits
GROUP BY id_number
