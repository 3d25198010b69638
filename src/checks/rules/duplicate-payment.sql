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
WITH p AS (
    SELECT *,
           row_number() OVER w AS rn,
           count(*) OVER (PARTITION BY id_number, program, month) AS n
    FROM v_payments
    WHERE id_number IS NOT NULL AND program IS NOT NULL AND month IS NOT NULL AND amount IS NOT NULL
    WINDOW w AS (PARTITION BY id_number, program, month ORDER BY pay_date NULLS LAST, ledger_id, row)
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
WHERE n > 1
GROUP BY id_number, program, month
