-- id = "interviewer-overlap"
-- version = 1
-- title_zh = "谈话时间冲突"
-- title_en = "Interviewer in two places at once"
-- description_zh = "同一谈话人出现在两份起止时间相互重叠的笔录中（一人不能同时在两处谈话），或一份笔录的结束时间早于开始时间。首尾相接（前一份结束的时刻后一份开始）不算重叠。对象为先开始的一份，证据为两份笔录的时间行和谈话人行。"
-- description_en = "One interviewer named in two records whose [start, end] times overlap (nobody interviews in two rooms at once), or a record ending before it starts. Back-to-back records (one ends the minute the next starts) do not overlap. The subject is the record that starts first; evidence: the time and interviewer lines of both records."
-- subject = "document"
-- roles = []
-- text_zh = "{d_text_zh}"
-- text_en = "{d_text_en}"
WITH t AS (
    SELECT d.id, d.source_file, d.title, x.start_at, x.end_at, x.time_line,
           x.interviewers_line, x.interviewers
    FROM transcripts x JOIN documents d ON d.id = x.doc_id
    WHERE x.start_at IS NOT NULL AND x.end_at IS NOT NULL
),
w AS (
    SELECT id, source_file, title, start_at, end_at, time_line, interviewers_line,
           unnest(interviewers) AS who
    FROM t
    WHERE start_at <= end_at
),
o AS (
    SELECT a.id AS a_id, b.id AS b_id, list(DISTINCT a.who ORDER BY a.who) AS who
    FROM w a JOIN w b
      ON a.who = b.who
     AND (a.start_at < b.start_at OR (a.start_at = b.start_at AND a.id < b.id))
     AND a.start_at < b.end_at AND b.start_at < a.end_at
    GROUP BY a.id, b.id
),
span AS (
    SELECT id, concat(strftime(start_at, '%Y-%m-%d %H:%M'), '–', strftime(end_at, '%H:%M')) AS s FROM t
)
SELECT 'document' AS subject_kind,
       a.source_file AS subject_key,
       b.source_file AS scope,
       array_to_string(o.who, '、') AS name,
       CAST(NULL AS DECIMAL(18,2)) AS amount,
       concat('D', a.id, ':', a.time_line, ';D', a.id, ':', a.interviewers_line,
              ';D', b.id, ':', b.time_line, ';D', b.id, ':', b.interviewers_line) AS evidence,
       'overlap' AS d_kind,
       o.who AS d_interviewers,
       b.source_file AS d_other,
       sa.s AS d_span,
       sb.s AS d_other_span,
       concat('谈话人 ', array_to_string(o.who, '、'), ' 同时出现在 ', a.source_file, '（', sa.s, '）和 ',
              b.source_file, '（', sb.s, '）两份笔录中，谈话时间重叠。') AS d_text_zh,
       concat('Interviewer ', array_to_string(o.who, ', '), ' is named in ', a.source_file, ' (', sa.s, ') and ',
              b.source_file, ' (', sb.s, '), whose times overlap.') AS d_text_en
FROM o
JOIN t a ON a.id = o.a_id
JOIN t b ON b.id = o.b_id
JOIN span sa ON sa.id = a.id
JOIN span sb ON sb.id = b.id
UNION ALL
SELECT 'document', source_file, 'end-before-start', title,
       CAST(NULL AS DECIMAL(18,2)),
       concat('D', id, ':', time_line),
       'end-before-start', interviewers, NULL,
       concat(strftime(start_at, '%Y-%m-%d %H:%M'), '–', strftime(end_at, '%H:%M')), NULL,
       concat('笔录 ', source_file, ' 的结束时间（', strftime(end_at, '%Y-%m-%d %H:%M'), '）早于开始时间（',
              strftime(start_at, '%Y-%m-%d %H:%M'), '）。'),
       concat('Transcript ', source_file, ' ends (', strftime(end_at, '%Y-%m-%d %H:%M'), ') before it starts (',
              strftime(start_at, '%Y-%m-%d %H:%M'), ').')
FROM t
WHERE end_at < start_at
ORDER BY 2, 3
