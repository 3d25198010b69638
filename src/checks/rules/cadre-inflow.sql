-- id = "cadre-inflow"
-- version = 1
-- title_zh = "村干部账户收到补贴对象的钱"
-- title_en = "Money into a cadre's accounts from subsidy recipients"
-- description_zh = "村干部本人或其同户成员的账户收到评议类（自由裁量）补贴领取人转来的钱：从干部一方的流水看是转入，从领取人一方的流水看是转出到干部账户，两边都导入时同一笔只算一次。干部同户家人的转账不算。账户属于谁见视图 v_account_holders。金额为转入合计。（村级工程承包方的台账目前没有对应的台账类型，暂不比对。）"
-- description_en = "Money into the accounts of a cadre or a member of a cadre's household from people paid by discretionary programs: an inflow on the cadre's statement, or an outflow to the cadre's account on the payee's statement (a transfer seen on both counts once). Transfers from the cadre's own household do not count. Who holds an account: the view v_account_holders. Amount: the inflow. (Village-project contractors have no ledger role yet and are not checked.)"
-- subject = "person"
-- roles = ["statements", "cadres", "payments"]
-- text_zh = "村干部 {name}（{key}，{d_village}{d_position}）的账户收到评议类补贴领取人 {d_from} 转入共 {amount} 元。"
-- text_en = "Cadre {name} ({key}, {d_village} {d_position}): {amount} yuan into their household's accounts from recipients of discretionary subsidies ({d_from})."
WITH cadre AS (
    SELECT id_number, any_value(name) AS name, any_value(village) AS village, any_value(position) AS position
    FROM v_cadres WHERE id_number IS NOT NULL GROUP BY id_number
),
cadre_people AS (
    SELECT c.id_number AS person, c.id_number AS cadre_id, hc.household FROM cadre c
    LEFT JOIN v_person_household hc ON hc.id_number = c.id_number
    UNION
    SELECT hm.id_number, c.id_number, hc.household
    FROM cadre c
    JOIN v_person_household hc ON hc.id_number = c.id_number
    JOIN v_person_household hm ON hm.household = hc.household
),
cadre_acc AS (
    SELECT DISTINCT h.account, cp.cadre_id, cp.household
    FROM v_account_holders h JOIN cadre_people cp ON cp.person = h.id_number
),
payee AS (
    SELECT DISTINCT p.account, p.id_number, p.name, ph.household
    FROM v_payments p
    JOIN programs g ON g.program = p.program AND g.discretionary
    LEFT JOIN v_person_household ph ON ph.id_number = p.id_number
    WHERE p.account IS NOT NULL AND p.id_number IS NOT NULL
),
x AS (
    SELECT ca.cadre_id, ca.household AS c_hh, s.counter_account AS from_acc, s.own_account AS to_acc,
           s.tx_date, s.amount, s.ledger_id, s.row
    FROM v_statements s JOIN cadre_acc ca ON ca.account = s.own_account
    WHERE s.direction = 'in' AND s.counter_account IS NOT NULL
    UNION ALL
    SELECT ca.cadre_id, ca.household, s.own_account, s.counter_account, s.tx_date, s.amount, s.ledger_id, s.row
    FROM v_statements s JOIN cadre_acc ca ON ca.account = s.counter_account
    WHERE s.direction = 'out' AND s.own_account IS NOT NULL
),
hits AS (
    SELECT x.cadre_id, x.from_acc, x.to_acc, x.tx_date, x.amount,
           arg_min(concat(x.ledger_id, ':', x.row), concat(x.ledger_id, ':', x.row)) AS ev,
           any_value(py.name) AS from_name
    FROM x
    JOIN payee py ON py.account = x.from_acc
    WHERE py.id_number <> x.cadre_id AND (x.c_hh IS NULL OR py.household IS DISTINCT FROM x.c_hh)
      -- Money between the cadre household's own accounts is not an inflow
      -- (a payee paid into the cadre's card is subsidy-diverted's matter).
      AND NOT EXISTS (SELECT 1 FROM cadre_acc own WHERE own.account = x.from_acc AND own.cadre_id = x.cadre_id)
    GROUP BY x.cadre_id, x.from_acc, x.to_acc, x.tx_date, x.amount
)
SELECT 'person' AS subject_kind,
       h.cadre_id AS subject_key,
       '' AS scope,
       c.name AS name,
       CAST(sum(h.amount) AS DECIMAL(18,2)) AS amount,
       string_agg(h.ev, ';' ORDER BY h.tx_date, h.ev) AS evidence,
       array_to_string(list(DISTINCT h.from_name ORDER BY h.from_name), '、') AS d_from,
       count(*) AS d_transfers,
       coalesce(c.village, '') AS d_village,
       coalesce(c.position, '') AS d_position
FROM hits h JOIN cadre c ON c.id_number = h.cadre_id
GROUP BY h.cadre_id, c.name, c.village, c.position
ORDER BY h.cadre_id
