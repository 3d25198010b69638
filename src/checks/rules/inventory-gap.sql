-- id = "inventory-gap"
-- version = 1
-- title_zh = "物资去向不明"
-- title_en = "Stock unaccounted for"
-- description_zh = "按物资：入库 −（发放 + 出库）− 最近一次盘点数量，为正数即去向不明；金额 = 差额 × 入库单价（最近一次入库）。没有盘点记录的物资不比对。"
-- description_en = "Per item: stock in − (issued + out) − the latest count, when positive; amount = gap × the stock-in unit price (latest stock-in). Items never counted are not compared."
-- subject = "item"
-- roles = ["inventory"]
-- text_zh = "{key}：入库 {d_in}，发放 {d_issued}，出库 {d_out}，盘点 {d_count}，去向不明 {d_gap}{d_unit}，按单价 {d_price} 元计 {amount} 元。"
-- text_en = "{key}: {d_in} in, {d_issued} issued, {d_out} out, {d_count} counted: {d_gap} {d_unit} unaccounted for, {amount} yuan at {d_price} yuan per unit."
WITH m AS (
    SELECT item,
           coalesce(sum(qty) FILTER (WHERE movement = '入库'), 0) AS q_in,
           coalesce(sum(qty) FILTER (WHERE movement = '发放'), 0) AS q_issued,
           coalesce(sum(qty) FILTER (WHERE movement = '出库'), 0) AS q_out,
           arg_max(qty, date) FILTER (WHERE movement = '盘点') AS q_count,
           count(*) FILTER (WHERE movement = '盘点') AS n_count,
           arg_max(price, date) FILTER (WHERE movement = '入库' AND price IS NOT NULL) AS price,
           any_value(unit) AS unit,
           list(concat(ledger_id, ':', row) ORDER BY date, ledger_id, row) AS ev
    FROM v_inventory
    WHERE item IS NOT NULL AND qty IS NOT NULL
    GROUP BY item
),
g AS (
    SELECT *, q_in - q_issued - q_out - q_count AS gap FROM m WHERE n_count > 0
)
SELECT 'item' AS subject_kind,
       item AS subject_key,
       '' AS scope,
       item AS name,
       CAST(round(gap * price, 2) AS DECIMAL(18,2)) AS amount,
       array_to_string(ev, ';') AS evidence,
       CAST(CAST(q_in AS DOUBLE) AS VARCHAR) AS d_in,
       CAST(CAST(q_issued AS DOUBLE) AS VARCHAR) AS d_issued,
       CAST(CAST(q_out AS DOUBLE) AS VARCHAR) AS d_out,
       CAST(CAST(q_count AS DOUBLE) AS VARCHAR) AS d_count,
       CAST(CAST(gap AS DOUBLE) AS VARCHAR) AS d_gap,
       coalesce(unit, '') AS d_unit,
       CAST(price AS VARCHAR) AS d_price
FROM g
WHERE gap > 0
