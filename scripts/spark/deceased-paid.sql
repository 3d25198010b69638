-- deceased-paid (src/checks/rules/deceased-paid.sql) in Spark SQL.
-- The same query; DuckDB spellings translated (docs/SCALING.md lists them):
--   arg_min(x, k)                       → min_by(x, k)
--   list(x ORDER BY k…)                 → transform(array_sort(collect_list(named_struct(…))), e -> e.x)
--   list_concat(a, b)                   → concat(a, b)
--   list_sort(list_distinct(list(x)))   → array_sort(array_distinct(collect_list(x)))
--   CAST(date_trunc('month', d) AS DATE) → trunc(d, 'MM')
--   first(x) over a group               → min_by(x, k) / first(x) where all are equal
WITH d AS (
    SELECT id_number,
           min(death_date) AS death_date,
           min_by(name, death_date) AS name,
           transform(array_sort(collect_list(named_struct('l', ledger_id, 'r', `row`, 'x', concat(ledger_id, ':', `row`)))), e -> e.x) AS ev
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
      AND p.month > trunc(d.death_date, 'MM')
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       '' AS scope,
       coalesce(first(death_name), first(name)) AS name,
       sum(amount) AS amount,
       array_join(concat(first(death_ev),
                         transform(array_sort(collect_list(named_struct('m', month, 'l', ledger_id, 'r', `row`, 'x', concat(ledger_id, ':', `row`)))), e -> e.x)), ';') AS evidence,
       date_format(first(death_date), 'yyyy-MM-dd') AS d_death_date,
       array_sort(array_distinct(collect_list(date_format(month, 'yyyy-MM')))) AS d_months,
       array_sort(array_distinct(collect_list(program))) AS d_programs,
       CAST(count(*) AS INT) AS d_payments
FROM hits
GROUP BY id_number
