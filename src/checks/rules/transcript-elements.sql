-- id = "transcript-elements"
-- version = 1
-- title_zh = "笔录要素不全"
-- title_en = "Transcript elements missing"
-- description_zh = "谈话（询问）笔录缺少以下要素之一：起止时间（到分钟）、地点、谈话人（不少于 min_interviewers 人，默认 2 人）、记录人、被谈话人、权利义务告知、“以上笔录我看过，和我说的一样”的确认；结束时间早于开始时间的也列出。每条列出全部原因，证据为笔录的首部各行。要素从笔录正文读出，hecha show 可逐项查看。"
-- description_en = "Interview records lacking any of: start and end time (to the minute), place, interviewers (at least min_interviewers, default 2), recorder, the person heard, the notice of rights and duties, the closing confirmation (以上笔录我看过…); an end before the start is listed too. Each finding lists every reason; its evidence is the record's head lines. The elements are read from the text (see hecha show)."
-- subject = "document"
-- roles = []
-- text_zh = "笔录 {key}（{name}）：{d_reasons_zh}。"
-- text_en = "Transcript {key} ({name}): {d_reasons}."
-- [[param]]
-- name = "min_interviewers"
-- type = "integer"
-- default = "2"
-- description_zh = "谈话人（询问人）的最少人数"
-- description_en = "fewest interviewers a record must name"
WITH t AS (
    SELECT d.id, d.source_file, d.title, x.*,
           count(*) OVER (PARTITION BY d.source_file) AS same_name
    FROM transcripts x JOIN documents d ON d.id = x.doc_id
),
r AS (
    SELECT *,
        list_filter([
            CASE WHEN start_at IS NULL THEN 'start' END,
            CASE WHEN end_at IS NULL THEN 'end' END,
            CASE WHEN place IS NULL THEN 'place' END,
            CASE WHEN len(interviewers) < CAST($min_interviewers AS INTEGER) THEN 'interviewers' END,
            CASE WHEN recorder IS NULL THEN 'recorder' END,
            CASE WHEN interviewee IS NULL THEN 'interviewee' END,
            CASE WHEN NOT notice THEN 'notice' END,
            CASE WHEN NOT closing THEN 'closing' END,
            CASE WHEN end_at < start_at THEN 'end-before-start' END
        ], lambda x: x IS NOT NULL) AS reasons
    FROM t
)
SELECT 'document' AS subject_kind,
       source_file AS subject_key,
       CASE WHEN same_name > 1 THEN CAST(id AS VARCHAR) ELSE '' END AS scope,
       coalesce(interviewee, title) AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       concat('D', id, ':1-', head_end) AS evidence,
       reasons AS d_reasons,
       list_transform(reasons, lambda x: CASE x
           WHEN 'start' THEN '无开始时间'
           WHEN 'end' THEN '无结束时间'
           WHEN 'place' THEN '无谈话地点'
           WHEN 'interviewers' THEN concat('谈话人少于 ', $min_interviewers, ' 人')
           WHEN 'recorder' THEN '无记录人'
           WHEN 'interviewee' THEN '无被谈话人'
           WHEN 'notice' THEN '未告知权利义务'
           WHEN 'closing' THEN '无“以上笔录我看过”的确认'
           WHEN 'end-before-start' THEN '结束时间早于开始时间'
           ELSE x END) AS d_reasons_zh,
       strftime(start_at, '%Y-%m-%d %H:%M') AS d_start,
       strftime(end_at, '%Y-%m-%d %H:%M') AS d_end,
       interviewers AS d_interviewers,
       interviewee AS d_interviewee
FROM r
WHERE len(reasons) > 0
ORDER BY source_file, id
