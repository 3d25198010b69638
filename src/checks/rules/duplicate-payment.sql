-- id = "duplicate-payment"
-- version = 1
-- title_zh = "重复领取"
-- title_en = "Duplicate payment"
-- description_zh = "同一人、同一项目（按规范项目名）、同一月份发放多次；金额为第一笔（发放日期最早，其次按行序）以外的各笔之和。"
-- description_en = "The same person, program and month paid more than once; amount = all but the first (earliest pay date, then row order)."
-- subject = "person"
-- roles = ["payments"]
-- text_zh = "{name}（{key}）{d_month} 的{d_program}发放了 {d_times} 次，多领 {amount} 元。"
-- text_en = "{name} ({key}) was paid {d_program} for {d_month} {d_times} times: {amount} yuan too much."
WITH dup AS (
    -- Keys first: (person, program, month) paid more than once.
    SELECT id_number, program, month
    FROM v_payments
    WHERE id_number IS NOT NULL AND program IS NOT NULL AND month IS NOT NULL AND amount IS NOT NULL
    GROUP BY id_number, program, month
    HAVING count(*) > 1
),
p AS (
    SELECT v.*,
           row_number() OVER (PARTITION BY v.id_number, v.program, v.month
                              ORDER BY v.pay_date NULLS LAST, v.ledger_id, v.row) AS rn
    FROM v_payments v
    JOIN dup d ON d.id_number = v.id_number AND d.program = v.program AND d.month = v.month
    WHERE v.amount IS NOT NULL
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       concat(program, '|', strftime(month, '%Y-%m')) AS scope,
       first(name ORDER BY rn) AS name,
       sum(amount) FILTER (WHERE rn > 1) AS amount,
       array_to_string(list(concat(ledger_id, ':', row) ORDER BY rn), ';') AS evidence,
       first(program) AS d_program,
       strftime(first(month), '%Y-%m') AS d_month,
       CAST(count(*) AS INTEGER) AS d_times
FROM p
GROUP BY id_number, program, month
