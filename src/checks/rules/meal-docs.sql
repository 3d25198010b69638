-- id = "meal-docs"
-- version = 1
-- title_zh = "公务用餐四单不符"
-- title_en = "Reception documents incomplete"
-- description_zh = "公务接待：公函号、审批单号、菜单、发票号码有空缺；发票日期与接待日期不一致；发票金额超过 标准 ×（来宾 + 陪餐）；陪餐超标（来宾 ≤ 10 人时陪餐 ≤ 3 人，否则陪餐不超过来宾的三分之一）；菜单有酒或烟；用餐地点含会所、茶馆、农家乐、私人。无发票时不作发票比对。每条列出全部原因。"
-- description_en = "Receptions with an empty letter/approval/menu/invoice number; invoice date ≠ reception date; invoice amount > standard × (guests + hosts); too many hosts (guests ≤ 10: hosts ≤ 3; else 3 × hosts ≤ guests); 酒 or 烟 on the menu; a venue containing 会所, 茶馆, 农家乐 or 私人. A missing invoice skips the invoice checks."
-- subject = "record"
-- roles = ["meals"]
-- text_zh = "接待 {key}（{d_date}，{name}）：{d_reasons_zh}。"
-- text_en = "Reception {key} ({d_date}, {name}): {d_reasons}."
-- [[param]]
-- name = "standard"
-- type = "decimal"
-- default = "120"
-- description_zh = "台账没有“接待标准”列时的用餐标准（元/人）"
-- description_en = "meal standard in yuan per person when the ledger has no 接待标准"
WITH m AS (
    SELECT *, coalesce(standard, CAST($standard AS DECIMAL(18,2))) AS std FROM v_meals
),
r AS (
    SELECT *,
        list_filter([
            CASE WHEN letter_no IS NULL THEN 'missing_letter_no' END,
            CASE WHEN approval_no IS NULL THEN 'missing_approval_no' END,
            CASE WHEN menu IS NULL THEN 'missing_menu' END,
            CASE WHEN invoice_no IS NULL THEN 'missing_invoice' END,
            CASE WHEN invoice_no IS NOT NULL AND invoice_date IS NOT NULL AND reception_date IS NOT NULL
                      AND invoice_date <> reception_date THEN 'invoice_date_mismatch' END,
            CASE WHEN invoice_no IS NOT NULL AND invoice_amount IS NOT NULL AND guests IS NOT NULL
                      AND invoice_amount > std * (guests + coalesce(hosts, 0)) THEN 'over_standard' END,
            CASE WHEN hosts IS NOT NULL AND guests IS NOT NULL
                      AND ((guests <= 10 AND hosts > 3) OR (guests > 10 AND 3 * hosts > guests)) THEN 'too_many_hosts' END,
            CASE WHEN contains(coalesce(menu, ''), '酒') OR contains(coalesce(menu, ''), '烟') THEN 'alcohol_or_tobacco' END,
            CASE WHEN contains(coalesce(venue, ''), '会所') OR contains(coalesce(venue, ''), '茶馆')
                      OR contains(coalesce(venue, ''), '农家乐') OR contains(coalesce(venue, ''), '私人') THEN 'private_venue' END
        ], lambda x: x IS NOT NULL) AS reasons
    FROM m
)
SELECT 'record' AS subject_kind,
       coalesce(record_no, concat(ledger, '#', row)) AS subject_key,
       '' AS scope,
       coalesce(visitor_unit, '') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       concat(ledger_id, ':', row) AS evidence,
       reasons AS d_reasons,
       list_transform(reasons, lambda x: CASE x
           WHEN 'missing_letter_no' THEN '无公函号'
           WHEN 'missing_approval_no' THEN '无审批单号'
           WHEN 'missing_menu' THEN '无菜单'
           WHEN 'missing_invoice' THEN '无发票'
           WHEN 'invoice_date_mismatch' THEN '发票日期与接待日期不一致'
           WHEN 'over_standard' THEN '发票金额超过接待标准'
           WHEN 'too_many_hosts' THEN '陪餐人数超标'
           WHEN 'alcohol_or_tobacco' THEN '菜单含酒水或香烟'
           WHEN 'private_venue' THEN '在会所、茶馆、农家乐等场所用餐'
           ELSE x END) AS d_reasons_zh,
       strftime(reception_date, '%Y-%m-%d') AS d_date,
       guests AS d_guests,
       hosts AS d_hosts,
       CAST(invoice_amount AS VARCHAR) AS d_invoice_amount,
       CAST(std * (guests + coalesce(hosts, 0)) AS VARCHAR) AS d_allowed
FROM r
WHERE len(reasons) > 0
