-- id = "inflated-area"
-- version = 1
-- title_zh = "虚报面积"
-- title_en = "Inflated area"
-- description_zh = "按面积发放的补贴，申报面积超过本人该地类确权面积之和（多块合计）超过容差的；金额 = 超出面积 × (发放金额 ÷ 申报面积)，按分四舍五入。"
-- description_en = "Area-based payments whose claimed area exceeds the person's registered area of that land type (summed over parcels) by more than the tolerance; amount = excess × (amount ÷ claimed area), rounded to the fen."
-- subject = "person"
-- roles = ["payments", "land"]
-- text_zh = "{name}（{key}）申报{d_land_type} {d_claimed} 亩领取{d_program}，确权面积仅 {d_registered} 亩，多报 {d_excess} 亩，多领 {amount} 元。"
-- text_en = "{name} ({key}) claimed {d_claimed} mu of {d_land_type} for {d_program} against {d_registered} mu registered: {d_excess} mu too many, {amount} yuan overpaid."
-- [[param]]
-- name = "area_tolerance"
-- type = "decimal"
-- default = "0.01"
-- description_zh = "容差（亩）：超出不超过此值的不算"
-- description_en = "tolerance in mu: an excess up to this is not flagged"
WITH reg AS (
    SELECT id_number, land_type, sum(registered_area) AS registered,
           list(concat(ledger_id, ':', row) ORDER BY ledger_id, row) AS ev
    FROM v_land
    WHERE id_number IS NOT NULL AND registered_area IS NOT NULL
    GROUP BY id_number, land_type
),
claims AS (
    SELECT p.*, g.land_type AS lt
    FROM v_payments p
    JOIN programs g ON g.program = p.program
    WHERE g.land_type IS NOT NULL AND p.id_number IS NOT NULL
      AND p.area IS NOT NULL AND p.area > 0 AND p.amount IS NOT NULL
),
hits AS (
    SELECT c.*, coalesce(r.registered, 0) AS registered, r.ev AS land_ev,
           c.area - coalesce(r.registered, 0) AS excess,
           -- exact: excess (1/10000 mu) × amount (fen) ÷ area (1/10000 mu), rounded half up
           (CAST((c.area - coalesce(r.registered, 0)) * 10000 AS HUGEINT) * CAST(c.amount * 100 AS HUGEINT) * 2
              + CAST(c.area * 10000 AS HUGEINT)) // (2 * CAST(c.area * 10000 AS HUGEINT)) AS over_fen
    FROM claims c
    LEFT JOIN reg r ON r.id_number = c.id_number AND r.land_type = c.lt
    WHERE c.area - coalesce(r.registered, 0) > CAST($area_tolerance AS DECIMAL(18,4))
)
SELECT 'person' AS subject_kind,
       id_number AS subject_key,
       program AS scope,
       first(name) AS name,
       CAST(sum(over_fen) * 0.01 AS DECIMAL(18,2)) AS amount,
       array_to_string(list_concat(coalesce(first(land_ev), []),
           list(concat(ledger_id, ':', row) ORDER BY month, ledger_id, row)), ';') AS evidence,
       program AS d_program,
       first(lt) AS d_land_type,
       CAST(CAST(max(area) AS DOUBLE) AS VARCHAR) AS d_claimed,
       CAST(CAST(first(registered) AS DOUBLE) AS VARCHAR) AS d_registered,
       CAST(CAST(max(excess) AS DOUBLE) AS VARCHAR) AS d_excess,
       list_sort(list_distinct(list(strftime(month, '%Y-%m')))) AS d_months
FROM hits
GROUP BY id_number, program
