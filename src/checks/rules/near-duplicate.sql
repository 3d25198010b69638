-- id = "near-duplicate"
-- version = 1
-- title_zh = "雷同材料"
-- title_en = "Near-duplicate documents"
-- description_zh = "同类材料（笔录与笔录、信访件与信访件）正文相同的比例达到 similarity（默认 80%）的，归为一组：不同证人的回答句句相同、连错字都一样的“雷同笔录”，或同一封举报信投向多个部门。比较前去掉标点、空格、全半角差别和“问：”“答：”标签；笔录只比较回答部分；正文少于 min_chars 个字的不比较。相似度为两份材料 5 字片段集合的 Dice 系数（2×共有 ÷ 两者之和），先以 MinHash 分桶找出候选，再逐对精确计算。每组一条，最长的一份为主件，列出其余各份与主件的相似度。"
-- description_en = "Documents of the same kind (transcripts with transcripts, letters with letters) whose text is at least `similarity` percent the same (default 80) form a group: witnesses whose answers share the same sentences, even the same typos, or one complaint letter sent to several offices. Punctuation, spaces, full/half width and the 问：/答： labels are removed first; transcripts are compared on their answers; texts shorter than min_chars characters are left out. Similarity is the Dice coefficient of the two texts' 5-character shingle sets (2 × shared ÷ total), candidates found by MinHash banding, then computed exactly. One finding per group: the longest document is the principal, the others are listed with their similarity to it."
-- subject = "document"
-- roles = []
-- prepare = "near-duplicates"
-- text_zh = "{d_kind_zh} {key} 与 {d_others} 雷同（括号内为与主件的相似度）。"
-- text_en = "{d_kind_en} {key} and {d_others} are near-duplicates (similarity to the principal in brackets)."
-- [[param]]
-- name = "similarity"
-- type = "integer"
-- default = "80"
-- description_zh = "归为雷同的最低相似度（百分比）"
-- description_en = "lowest similarity (percent) for two documents to be near-duplicates"
-- [[param]]
-- name = "min_chars"
-- type = "integer"
-- default = "50"
-- description_zh = "参与比较的最短正文（去掉标点后的字数）"
-- description_en = "shortest compared text (characters after normalisation)"
WITH g AS (
    SELECT n.grp, n.doc_id, n.similarity, n.principal, d.source_file, d.title, d.kind
    FROM near_duplicates n JOIN documents d ON d.id = n.doc_id
)
SELECT 'document' AS subject_kind,
       max(source_file) FILTER (WHERE principal) AS subject_key,
       '' AS scope,
       max(title) FILTER (WHERE principal) AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       string_agg(concat('D', doc_id), ';' ORDER BY principal DESC, similarity DESC, doc_id) AS evidence,
       any_value(kind) AS d_kind,
       CASE any_value(kind) WHEN 'transcript' THEN '笔录' ELSE '信访件' END AS d_kind_zh,
       CASE any_value(kind) WHEN 'transcript' THEN 'Transcript' ELSE 'Letter' END AS d_kind_en,
       count(*) AS d_count,
       CAST(min(similarity) FILTER (WHERE NOT principal) AS VARCHAR) AS d_similarity,
       list(concat(source_file, '（', CAST(similarity AS VARCHAR), '%）') ORDER BY similarity DESC, doc_id)
           FILTER (WHERE NOT principal) AS d_others,
       list(source_file ORDER BY principal DESC, similarity DESC, doc_id) AS d_members
FROM g
GROUP BY grp
ORDER BY subject_key
