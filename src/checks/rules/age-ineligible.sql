-- id = "age-ineligible"
-- version = 1
-- title_zh = "年龄不符"
-- title_en = "Under age"
-- description_zh = "有年龄下限的项目（如高龄补贴 80 岁），发放月份时尚未达到该年龄（在其满龄的那个月之前）的发放。"
-- description_en = "Payments in age-limited programs (e.g. 高龄补贴, 80) for a month before the one in which the person reaches the minimum age."
-- subject = "person"
-- roles = ["payments"]
-- text_zh = "{name}（{key}，{d_birth_date} 出生）未满 {d_min_age} 周岁即领取{d_program} {d_payments} 笔共 {amount} 元（{d_months}）。"
-- text_en = "{name} ({key}, born {d_birth_date}) was paid {d_program} {d_payments} times, {amount} yuan, before turning {d_min_age} ({d_months})."
SELECT 'person' AS subject_kind,
       p.id_number AS subject_key,
       p.program AS scope,
       first(p.name) AS name,
       sum(p.amount) AS amount,
       array_to_string(list(concat(p.ledger_id, ':', p.row) ORDER BY p.month, p.ledger_id, p.row), ';') AS evidence,
       p.program AS d_program,
       first(g.min_age) AS d_min_age,
       strftime(first(p.birth_date), '%Y-%m-%d') AS d_birth_date,
       list_sort(list_distinct(list(strftime(p.month, '%Y-%m')))) AS d_months,
       CAST(count(*) AS INTEGER) AS d_payments
FROM v_payments p
JOIN programs g ON g.program = p.program
WHERE g.min_age IS NOT NULL
  AND p.id_number IS NOT NULL AND p.birth_date IS NOT NULL
  AND p.month IS NOT NULL AND p.amount IS NOT NULL
  AND p.month < CAST(date_trunc('month', p.birth_date + to_years(g.min_age)) AS DATE)
GROUP BY p.id_number, p.program
