//! Ledger fields, their header synonyms (DOMAIN.md), and role detection.

use serde::Serialize;

/// A normalised field a ledger column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    IdNumber,
    Household,
    Relation,
    Village,
    Program,
    Period,
    PayDate,
    Amount,
    Account,
    Area,
    RegisteredArea,
    LandType,
    DeathDate,
    Employer,
    Position,
    StartDate,
    EndDate,
    Due,
    Item,
    Qty,
    Unit,
    Price,
    Movement,
    Date,
    RecordNo,
    ReceptionDate,
    VisitorUnit,
    LetterNo,
    ApprovalNo,
    Guests,
    Hosts,
    Venue,
    Menu,
    InvoiceNo,
    InvoiceDate,
    InvoiceAmount,
    Standard,
    ReceivedDate,
    Form,
    Informant,
    Accused,
    Issue,
    Status,
    ClosedDate,
    Handler,
    TxDate,
    TxTime,
    Credit,
    Debit,
    DcFlag,
    Balance,
    CounterName,
    CounterAccount,
    CounterBank,
    Memo,
    Channel,
    CashFlag,
}

/// How a field's cells are normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person's name: trimmed, half-width, inner spaces removed.
    PersonName,
    /// A citizen ID number (validated, 15→18 upgraded).
    Id,
    /// Free text: trimmed, half-width.
    Text,
    /// A code written without spaces (account, household number).
    Code,
    /// Money, DECIMAL(18,2).
    Money,
    /// Area in mu, DECIMAL(18,4).
    Area,
    /// A quantity, DECIMAL(18,3).
    Quantity,
    /// A whole count (people).
    Count,
    Date,
    Period,
}

use Field::*;

/// Every field with its header synonyms and kind. Synonyms are matched against
/// [`super::normalise::header_key`] of a header (units in brackets stripped).
pub const FIELDS: &[(Field, Kind, &[&str])] = &[
    (
        Name,
        Kind::PersonName,
        &[
            "姓名",
            "户主姓名",
            "领取人",
            "领取人姓名",
            "收款人",
            "补贴对象",
            "对象姓名",
            "户名",
            "账户名称",
            "客户名称",
            "账户名",
        ],
    ),
    (
        IdNumber,
        Kind::Id,
        &[
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "证件号码",
            "身份证",
        ],
    ),
    (Household, Kind::Code, &["户号", "户编号", "家庭编号"]),
    (Relation, Kind::Text, &["与户主关系", "关系"]),
    (
        Village,
        Kind::Text,
        &["村", "村(社区)", "所在村", "村名", "村组"],
    ),
    (
        Program,
        Kind::Text,
        &["项目", "补贴项目", "项目名称", "资金类别", "补贴类型"],
    ),
    (Period, Kind::Period, &["发放年月", "所属期", "年月"]),
    (PayDate, Kind::Date, &["发放日期", "支付日期", "打卡日期"]),
    (
        Amount,
        Kind::Money,
        &[
            "金额",
            "发放金额",
            "补贴金额",
            "实发金额",
            "交易金额",
            "发生额",
        ],
    ),
    (
        Account,
        Kind::Code,
        &[
            "银行卡号",
            "卡号",
            "账号",
            "一卡通账号",
            "存折号",
            "本方账号",
            "客户账号",
            "账户",
        ],
    ),
    (Area, Kind::Area, &["面积", "亩数", "补贴面积", "申报面积"]),
    (
        RegisteredArea,
        Kind::Area,
        &["承包面积", "确权面积", "登记面积"],
    ),
    (LandType, Kind::Text, &["地类", "土地类型"]),
    (DeathDate, Kind::Date, &["死亡日期", "注销日期", "死亡时间"]),
    (Employer, Kind::Text, &["工作单位"]),
    (Position, Kind::Text, &["职务", "职位"]),
    (StartDate, Kind::Date, &["任职日期", "入职日期", "任职开始"]),
    (EndDate, Kind::Date, &["离职日期", "任职结束", "离任日期"]),
    (Due, Kind::Money, &["应发金额", "补偿金额", "应补金额"]),
    (Item, Kind::Text, &["物资名称", "品名"]),
    (Qty, Kind::Quantity, &["数量"]),
    (Unit, Kind::Text, &["单位"]),
    (Price, Kind::Money, &["单价"]),
    (Movement, Kind::Text, &["类型", "出入库类型"]),
    (Date, Kind::Date, &["日期"]),
    (
        RecordNo,
        Kind::Code,
        &["登记编号", "编号", "接待编号", "信访编号"],
    ),
    (ReceptionDate, Kind::Date, &["接待日期"]),
    (VisitorUnit, Kind::Text, &["来访单位"]),
    (LetterNo, Kind::Text, &["公函号"]),
    (ApprovalNo, Kind::Text, &["审批单号"]),
    (Guests, Kind::Count, &["来宾人数"]),
    (Hosts, Kind::Count, &["陪餐人数"]),
    (Venue, Kind::Text, &["用餐地点"]),
    (Menu, Kind::Text, &["菜单"]),
    (InvoiceNo, Kind::Text, &["发票号码"]),
    (InvoiceDate, Kind::Date, &["发票日期"]),
    (InvoiceAmount, Kind::Money, &["发票金额"]),
    (Standard, Kind::Money, &["接待标准"]),
    (ReceivedDate, Kind::Date, &["受理日期"]),
    (Form, Kind::Text, &["信访形式"]),
    (Informant, Kind::PersonName, &["信访人"]),
    (Accused, Kind::PersonName, &["被反映人"]),
    (Issue, Kind::Text, &["反映问题"]),
    (Status, Kind::Text, &["办理状态"]),
    (ClosedDate, Kind::Date, &["办结日期"]),
    (Handler, Kind::PersonName, &["承办人"]),
    // Bank statements (银行流水, 交易明细).
    (TxDate, Kind::Date, &["交易日期", "记账日期", "入账日期"]),
    (TxTime, Kind::Text, &["交易时间", "记账时间"]),
    (
        Credit,
        Kind::Money,
        &["收入金额", "贷方发生额", "贷方金额", "存入金额", "收入"],
    ),
    (
        Debit,
        Kind::Money,
        &["支出金额", "借方发生额", "借方金额", "支取金额", "支出"],
    ),
    (
        DcFlag,
        Kind::Text,
        &[
            "借贷标志",
            "收支标志",
            "借贷方向",
            "交易方向",
            "收/支",
            "借/贷",
            "借贷",
        ],
    ),
    (Balance, Kind::Money, &["余额", "账户余额", "交易后余额"]),
    (
        CounterName,
        Kind::PersonName,
        &[
            "对方户名",
            "对方名称",
            "对方账户名",
            "对方账户名称",
            "交易对手",
        ],
    ),
    (
        CounterAccount,
        Kind::Code,
        &["对方账号", "对方卡号", "对方账户"],
    ),
    (
        CounterBank,
        Kind::Text,
        &["对方开户行", "对方行名", "对方银行"],
    ),
    (Memo, Kind::Text, &["摘要", "用途", "附言", "交易摘要"]),
    (Channel, Kind::Text, &["交易渠道", "渠道", "交易方式"]),
    (CashFlag, Kind::Text, &["现金标志", "现转标志", "现转"]),
];

impl Field {
    /// The snake_case name used in views, JSON and the column mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            Name => "name",
            IdNumber => "id_number",
            Household => "household",
            Relation => "relation",
            Village => "village",
            Program => "program",
            Period => "period",
            PayDate => "pay_date",
            Amount => "amount",
            Account => "account",
            Area => "area",
            RegisteredArea => "registered_area",
            LandType => "land_type",
            DeathDate => "death_date",
            Employer => "employer",
            Position => "position",
            StartDate => "start_date",
            EndDate => "end_date",
            Due => "due",
            Item => "item",
            Qty => "qty",
            Unit => "unit",
            Price => "price",
            Movement => "movement",
            Date => "date",
            RecordNo => "record_no",
            ReceptionDate => "reception_date",
            VisitorUnit => "visitor_unit",
            LetterNo => "letter_no",
            ApprovalNo => "approval_no",
            Guests => "guests",
            Hosts => "hosts",
            Venue => "venue",
            Menu => "menu",
            InvoiceNo => "invoice_no",
            InvoiceDate => "invoice_date",
            InvoiceAmount => "invoice_amount",
            Standard => "standard",
            ReceivedDate => "received_date",
            Form => "form",
            Informant => "informant",
            Accused => "accused",
            Issue => "issue",
            Status => "status",
            ClosedDate => "closed_date",
            Handler => "handler",
            TxDate => "tx_date",
            TxTime => "tx_time",
            Credit => "credit",
            Debit => "debit",
            DcFlag => "dc_flag",
            Balance => "balance",
            CounterName => "counter_name",
            CounterAccount => "counter_account",
            CounterBank => "counter_bank",
            Memo => "memo",
            Channel => "channel",
            CashFlag => "cash_flag",
        }
    }

    pub fn kind(self) -> Kind {
        FIELDS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map(|(_, k, _)| *k)
            .unwrap_or(Kind::Text)
    }

    /// The field a header names, if any (exact synonym match after [`header_key`]).
    ///
    /// [`header_key`]: super::normalise::header_key
    ///
    /// A header joined from two rows (补贴金额/实发, see the ledger header) or
    /// written with a slash names the field of the whole, else of its
    /// sub-title, else of its group title.
    pub fn from_header(header: &str) -> Option<Field> {
        Field::exact(header).or_else(|| {
            let (group, sub) = header.rsplit_once('/')?;
            let group = group.split('/').next().unwrap_or(group);
            Field::exact(sub).or_else(|| Field::exact(group))
        })
    }

    fn exact(header: &str) -> Option<Field> {
        let key = super::normalise::header_key(header);
        // "村(社区)" is itself a synonym; header_key turns it into "村" anyway.
        FIELDS
            .iter()
            .find(|(_, _, syns)| syns.iter().any(|s| super::normalise::header_key(s) == key))
            .map(|(f, _, _)| *f)
    }
}

/// What a ledger holds (DOMAIN.md, "Ledger roles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Payments,
    Deaths,
    Officials,
    Cadres,
    Households,
    Land,
    Allocations,
    Inventory,
    Meals,
    Complaints,
    Statements,
    Other,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Payments,
        Role::Deaths,
        Role::Officials,
        Role::Cadres,
        Role::Households,
        Role::Land,
        Role::Allocations,
        Role::Inventory,
        Role::Meals,
        Role::Complaints,
        Role::Statements,
        Role::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Payments => "payments",
            Role::Deaths => "deaths",
            Role::Officials => "officials",
            Role::Cadres => "cadres",
            Role::Households => "households",
            Role::Land => "land",
            Role::Allocations => "allocations",
            Role::Inventory => "inventory",
            Role::Meals => "meals",
            Role::Complaints => "complaints",
            Role::Statements => "statements",
            Role::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s.trim().to_ascii_lowercase())
    }

    /// The role view over all ledgers of this role (`None` for `other`); the
    /// store defines the views.
    pub fn view(self) -> Option<&'static str> {
        crate::store::views::view_of(self.as_str())
    }

    /// Detects the role from the set of mapped fields. The order of the tests is
    /// the precedence: the most specific signatures first (an inventory book's
    /// 单位 is a unit, not an employer, so inventory is tested before officials).
    pub fn detect(fields: &[Field]) -> Role {
        let has = |f: Field| fields.contains(&f);
        let money_moves =
            has(Credit) || has(Debit) || (has(Amount) && (has(DcFlag) || has(Balance)));
        let bank_side = has(Balance) || has(CounterAccount) || has(CounterName) || has(DcFlag);
        if money_moves && bank_side && (has(TxDate) || has(TxTime)) {
            Role::Statements
        } else if has(LetterNo) && has(InvoiceAmount) {
            Role::Meals
        } else if has(ReceivedDate) && has(Issue) {
            Role::Complaints
        } else if has(Item) && has(Qty) && has(Movement) {
            Role::Inventory
        } else if has(Amount) && (has(Program) || has(Period)) && (has(Name) || has(IdNumber)) {
            Role::Payments
        } else if has(Due) {
            Role::Allocations
        } else if has(DeathDate) && has(IdNumber) {
            Role::Deaths
        } else if has(RegisteredArea) {
            Role::Land
        } else if has(Employer) && has(Position) && !has(Amount) {
            Role::Officials
        } else if has(Position) && has(Village) && !has(Employer) {
            Role::Cadres
        } else if has(Household) && has(Relation) {
            Role::Households
        } else {
            Role::Other
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(headers: &[&str]) -> Role {
        let fields: Vec<Field> = headers
            .iter()
            .filter_map(|h| Field::from_header(h))
            .collect();
        Role::detect(&fields)
    }

    #[test]
    fn headers_with_units_in_half_and_full_width_brackets_map_to_fields() {
        assert_eq!(Field::from_header("金额(元)"), Some(Amount));
        assert_eq!(Field::from_header("补偿金额（元）"), Some(Due));
        assert_eq!(Field::from_header("确权面积(亩)"), Some(RegisteredArea));
        assert_eq!(Field::from_header(" 发放 金额 "), Some(Amount));
        assert_eq!(Field::from_header("村(社区)"), Some(Village));
        assert_eq!(Field::from_header("补贴金额/标准"), Some(Amount));
        assert_eq!(Field::from_header("基本情况/姓名"), Some(Name));
        assert_eq!(Field::from_header("备注/说明"), None);
        assert_eq!(Field::from_header("身份证号码"), Some(IdNumber));
        assert_eq!(Field::from_header("备注"), None);
    }

    #[test]
    fn every_role_is_detected_from_its_header_words() {
        assert_eq!(
            role_of(&["姓名", "身份证号", "补贴项目", "发放年月", "发放金额(元)"]),
            Role::Payments
        );
        assert_eq!(
            role_of(&["领取人", "发放日期", "资金类别", "实发金额"]),
            Role::Payments
        );
        assert_eq!(role_of(&["姓名", "公民身份号码", "死亡日期"]), Role::Deaths);
        assert_eq!(
            role_of(&["姓名", "身份证号", "工作单位", "职务", "入职日期"]),
            Role::Officials
        );
        assert_eq!(
            role_of(&["姓名", "身份证号", "村", "职务", "任职日期", "离任日期"]),
            Role::Cadres
        );
        assert_eq!(
            role_of(&["户号", "姓名", "身份证号", "与户主关系"]),
            Role::Households
        );
        assert_eq!(
            role_of(&["姓名", "身份证号", "地类", "确权面积(亩)"]),
            Role::Land
        );
        assert_eq!(
            role_of(&["项目名称", "姓名", "身份证号", "补偿金额（元）"]),
            Role::Allocations
        );
        assert_eq!(
            role_of(&["日期", "物资名称", "类型", "数量", "单位", "单价"]),
            Role::Inventory
        );
        assert_eq!(
            role_of(&[
                "接待日期",
                "来访单位",
                "公函号",
                "审批单号",
                "菜单",
                "发票号码",
                "发票金额"
            ]),
            Role::Meals
        );
        assert_eq!(
            role_of(&["信访编号", "受理日期", "信访人", "被反映人", "反映问题"]),
            Role::Complaints
        );
        assert_eq!(role_of(&["备注", "说明"]), Role::Other);
    }

    #[test]
    fn inventory_wins_over_officials_because_its_unit_is_not_an_employer() {
        // 单位 alone is a unit; an inventory sheet with 领取人 and 职务 stays inventory.
        assert_eq!(
            role_of(&["物资名称", "数量", "出入库类型", "单位", "职务", "工作单位"]),
            Role::Inventory
        );
    }

    #[test]
    fn officials_need_no_amount_and_cadres_no_employer() {
        assert_eq!(role_of(&["姓名", "工作单位", "职务", "金额"]), Role::Other);
        assert_eq!(
            role_of(&["姓名", "村", "职务", "工作单位"]),
            Role::Officials
        );
    }

    #[test]
    fn every_synonym_maps_back_to_its_own_field() {
        for (field, _, syns) in FIELDS {
            for s in *syns {
                assert_eq!(Field::from_header(s), Some(*field), "synonym {s}");
            }
        }
    }
}
