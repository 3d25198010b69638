-- id = "cadre-relative"
-- version = 1
-- title_zh = "优亲厚友"
-- title_en = "Cadres' relatives favoured"
-- description_zh = "村干部任期内，在其所在村发放给其同户号家庭成员（不含本人）的评议类补贴和物资发放，供核查。"
-- description_en = "Discretionary payments and inventory issues to members of a village cadre's household (not the cadre), in the cadre's village, during the cadre's term: for review."
-- subject = "person"
-- roles = ["cadres", "households"]
-- text_zh = "{name}（{key}）是村干部 {d_cadres} 的同户家庭成员，任期内在本村获得 {d_items} 共 {amount} 元，请核查是否优亲厚友。"
-- text_en = "{name} ({key}), of the household of village cadre {d_cadres}, received {d_items} worth {amount} yuan in the cadre's village during the term: for review."
WITH hh AS (SELECT id_number, household FROM v_person_household),
vill AS (
    SELECT id_number, any_value(village) AS village
    FROM v_households WHERE id_number IS NOT NULL AND village IS NOT NULL
    GROUP BY id_number
),
cad AS (
    SELECT id_number, name, position, village,
           CAST(date_trunc('month', start_date) AS DATE) AS m_start,
           CAST(date_trunc('month', end_date) AS DATE) AS m_end,
           concat(ledger_id, ':', row) AS ev
    FROM v_cadres
    WHERE id_number IS NOT NULL
),
rel AS (
    SELECT hr.id_number AS rel_id, cad.*
    FROM cad
    JOIN hh hc ON hc.id_number = cad.id_number
    JOIN hh hr ON hr.household = hc.household AND hr.id_number <> cad.id_number
),
price AS (
    SELECT item, arg_max(price, date) AS price
    FROM v_inventory WHERE movement = '入库' AND price IS NOT NULL
    GROUP BY item
),
hits AS (
    SELECT p.ledger_id, p.row, p.id_number, p.name, CAST(p.amount AS DECIMAL(18,2)) AS amount,
           p.month, p.program AS what, rel.name AS cadre, rel.ev AS cadre_ev
    FROM v_payments p
    JOIN programs g ON g.program = p.program AND g.discretionary
    JOIN rel ON rel.rel_id = p.id_number
    LEFT JOIN vill v ON v.id_number = p.id_number
    WHERE p.month IS NOT NULL AND p.amount IS NOT NULL
      AND coalesce(p.village, v.village) = rel.village
      AND p.month BETWEEN coalesce(rel.m_start, DATE '1900-01-01') AND coalesce(rel.m_end, DATE '9999-12-01')
    UNION ALL
    SELECT i.ledger_id, i.row, i.id_number, i.name,
           CAST(round(i.qty * coalesce(i.price, pr.price), 2) AS DECIMAL(18,2)) AS amount,
           CAST(date_trunc('month', i.date) AS DATE) AS month,
           concat(i.item, ' ', CAST(i.qty AS DOUBLE), coalesce(i.unit, '')) AS what,
           rel.name AS cadre, rel.ev AS cadre_ev
    FROM v_inventory i
    JOIN rel ON rel.rel_id = i.id_number
    LEFT JOIN price pr ON pr.item = i.item
    LEFT JOIN vill v ON v.id_number = i.id_number
    WHERE i.movement = '发放' AND i.date IS NOT NULL
      AND coalesce(i.village, v.village) = rel.village
      AND CAST(date_trunc('month', i.date) AS DATE) BETWEEN coalesce(rel.m_start, DATE '1900-01-01')
                                                         AND coalesce(rel.m_end, DATE '9999-12-01')
),
per_row AS (
    SELECT ledger_id, row, any_value(id_number) AS id_number, any_value(name) AS name,
           any_value(amount) AS amount, any_value(month) AS month, any_value(what) AS what,
           list(cadre) AS cadres, list(cadre_ev) AS cadre_evs
    FROM hits
    GROUP BY ledger_id, row
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       '' AS scope,
       first(name) AS name,
       sum(amount) AS amount,
       array_to_string(list_concat(flatten(list(cadre_evs)),
           list(concat(ledger_id, ':', row) ORDER BY month, ledger_id, row)), ';') AS evidence,
       list_sort(list_distinct(flatten(list(cadres)))) AS d_cadres,
       list_sort(list_distinct(list(what))) AS d_items,
       list_sort(list_distinct(list(strftime(month, '%Y-%m')))) AS d_months
FROM per_row
GROUP BY id_number
