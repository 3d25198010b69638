-- id = "holiday-meal"
-- version = 1
-- title_zh = "节点违规吃喝"
-- title_en = "Meals on public holidays"
-- description_zh = "接待日期落在国务院公布的法定节假日放假期间（元旦、春节、清明、五一、端午、中秋、国庆）的公务接待。"
-- description_en = "Receptions dated within China's official public-holiday periods (the State Council's published dates)."
-- subject = "record"
-- roles = ["meals"]
-- text_zh = "接待 {key}（{name}）发生在 {d_date}，正值{d_holiday}假期（{d_period}）。"
-- text_en = "Reception {key} ({name}) took place on {d_date}, during the {d_holiday} holiday ({d_period})."
SELECT 'record' AS subject_kind,
       coalesce(m.record_no, concat(m.ledger, '#', m.row)) AS subject_key,
       '' AS scope,
       coalesce(m.visitor_unit, '') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       concat(m.ledger_id, ':', m.row) AS evidence,
       h.name AS d_holiday,
       strftime(m.reception_date, '%Y-%m-%d') AS d_date,
       concat(strftime(h.start_date, '%Y-%m-%d'), '—', strftime(h.end_date, '%Y-%m-%d')) AS d_period
FROM v_meals m
JOIN holidays h ON m.reception_date BETWEEN h.start_date AND h.end_date
