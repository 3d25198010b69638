-- duplicate-payment (src/checks/rules/duplicate-payment.sql) in Spark SQL.
-- The same query; DuckDB spellings translated (docs/SCALING.md lists them):
--   strftime(d, '%Y-%m')                → date_format(d, 'yyyy-MM')
--   first(x ORDER BY k)                 → min_by(x, k)
--   sum(x) FILTER (WHERE c)             → sum(CASE WHEN c THEN x END)
--   array_to_string(list(x ORDER BY k), ';')
--                                       → array_join(transform(array_sort(collect_list(named_struct('k', k, 'x', x))), e -> e.x), ';')
--   row (a column name)                 → `row`
WITH dup AS (
    SELECT id_number, program, month
    FROM v_payments
    WHERE id_number IS NOT NULL AND program IS NOT NULL AND month IS NOT NULL AND amount IS NOT NULL
    GROUP BY id_number, program, month
    HAVING count(*) > 1
),
p AS (
    SELECT v.*,
           row_number() OVER (PARTITION BY v.id_number, v.program, v.month
                              ORDER BY v.pay_date ASC NULLS LAST, v.ledger_id, v.`row`) AS rn
    FROM v_payments v
    JOIN dup d ON d.id_number = v.id_number AND d.program = v.program AND d.month = v.month
    WHERE v.amount IS NOT NULL
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       concat(program, '|', date_format(month, 'yyyy-MM')) AS scope,
       min_by(name, rn) AS name,
       sum(CASE WHEN rn > 1 THEN amount END) AS amount,
       array_join(transform(array_sort(collect_list(named_struct('k', rn, 'x', concat(ledger_id, ':', `row`)))), e -> e.x), ';') AS evidence,
       min_by(program, rn) AS d_program,
       date_format(min_by(month, rn), 'yyyy-MM') AS d_month,
       CAST(count(*) AS INT) AS d_times
FROM p
GROUP BY id_number, program, month
