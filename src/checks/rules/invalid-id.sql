-- id = "invalid-id"
-- version = 1
-- title_zh = "身份证号异常"
-- title_en = "Invalid ID number"
-- description_zh = "任何台账中长度、出生日期或校验码不符的身份证号；按去空格、全角转半角、大写后的原文归并；空单元格不报。"
-- description_en = "ID cells in any ledger failing length, birth date or check digit; keyed by the raw text trimmed, full-width to ASCII, upper-cased; empty cells are not flagged."
-- subject = "person"
-- roles = []
-- text_zh = "身份证号“{key}”（{name}）无效：{d_reasons}，见 {d_rows} 行。"
-- text_en = "ID number \"{key}\" ({name}) is invalid: {d_reasons}; {d_rows} rows."
SELECT 'person' AS subject_kind,
       id_raw AS subject_key,
       '' AS scope,
       coalesce(first(name ORDER BY ledger_id, row), '') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       array_to_string(list(concat(ledger_id, ':', row) ORDER BY ledger_id, row), ';') AS evidence,
       list_sort(list_distinct(list(id_problem))) AS d_reasons,
       list_sort(list_distinct(list(ledger))) AS d_ledgers,
       CAST(count(*) AS INTEGER) AS d_rows
FROM v_ids
WHERE id_raw IS NOT NULL AND NOT id_valid
GROUP BY id_raw
