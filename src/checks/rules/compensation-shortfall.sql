-- id = "compensation-shortfall"
-- version = 1
-- title_zh = "截留克扣"
-- title_en = "Compensation withheld"
-- description_zh = "按项目和人员：分配表应发金额 − 实际支付金额，短少超过容差的（一分未付即全额短少；多付不报）。"
-- description_en = "Per project and person: allocation due − payments made, when short by more than the tolerance (no payment at all = whole due short; overpayment is not flagged)."
-- subject = "person"
-- roles = ["allocations"]
-- text_zh = "{name}（{key}）在“{d_project}”中应得 {d_due} 元，实付 {d_paid} 元，短少 {amount} 元。"
-- text_en = "{name} ({key}) was due {d_due} yuan from \"{d_project}\" but was paid {d_paid}: {amount} yuan short."
-- [[param]]
-- name = "tolerance"
-- type = "decimal"
-- default = "1.00"
-- description_zh = "容差（元）：短少不超过此值的不算"
-- description_en = "tolerance in yuan: a shortfall up to this is not flagged"
WITH due AS (
    SELECT project, id_number, sum(due) AS due, first(name) AS name,
           list(concat(ledger_id, ':', row) ORDER BY ledger_id, row) AS ev
    FROM v_allocations
    WHERE id_number IS NOT NULL AND due IS NOT NULL AND project IS NOT NULL
    GROUP BY project, id_number
),
paid AS (
    -- Only the payments of people and projects on an allocation list.
    SELECT p.project, p.id_number, sum(p.amount) AS paid,
           list(concat(p.ledger_id, ':', p.row) ORDER BY p.ledger_id, p.row) AS ev
    FROM v_payments p
    JOIN (SELECT DISTINCT project, id_number FROM due) k ON k.project = p.project AND k.id_number = p.id_number
    WHERE p.amount IS NOT NULL
    GROUP BY p.project, p.id_number
)
SELECT 'person' AS subject_kind,
       d.id_number AS subject_key,
       d.project AS scope,
       d.name AS name,
       CAST(d.due - coalesce(p.paid, 0) AS DECIMAL(18,2)) AS amount,
       array_to_string(list_concat(d.ev, coalesce(p.ev, [])), ';') AS evidence,
       d.project AS d_project,
       CAST(CAST(d.due AS DECIMAL(18,2)) AS VARCHAR) AS d_due,
       CAST(CAST(coalesce(p.paid, 0) AS DECIMAL(18,2)) AS VARCHAR) AS d_paid
FROM due d
LEFT JOIN paid p ON p.project = d.project AND p.id_number = d.id_number
WHERE d.due - coalesce(p.paid, 0) > CAST($tolerance AS DECIMAL(18,2))
