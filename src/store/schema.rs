//! Numbered schema migrations. Version N is applied by `MIGRATIONS[N-1]`.
//! Never edit a released migration: add a new one.

pub struct Migration {
    pub version: i32,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "case, documents, ledgers, programs",
        sql: r#"
CREATE TABLE case_info (
    id          VARCHAR NOT NULL,
    title       VARCHAR NOT NULL,
    as_of       DATE NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    kind         VARCHAR NOT NULL CHECK (kind IN ('letter', 'transcript')),
    title        VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    source_path  VARCHAR,
    sha256       VARCHAR NOT NULL,
    encoding     VARCHAR NOT NULL,
    imported_at  TIMESTAMP NOT NULL,
    chars        INTEGER NOT NULL,
    text         VARCHAR NOT NULL
);
CREATE TABLE ledgers (
    id           INTEGER PRIMARY KEY,
    name         VARCHAR NOT NULL UNIQUE,
    source_file  VARCHAR NOT NULL,
    source_path  VARCHAR,
    sheet        VARCHAR,
    sha256       VARCHAR NOT NULL,
    encoding     VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,
    role_source  VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL UNIQUE,
    header_line  INTEGER NOT NULL,
    columns      VARCHAR NOT NULL,
    mapping      VARCHAR NOT NULL,
    row_count    INTEGER NOT NULL,
    warnings     VARCHAR NOT NULL,
    imported_at  TIMESTAMP NOT NULL
);
CREATE TABLE programs (
    program        VARCHAR PRIMARY KEY,
    means_tested   BOOLEAN NOT NULL,
    discretionary  BOOLEAN NOT NULL,
    land_type      VARCHAR,
    min_age        INTEGER,
    source         VARCHAR NOT NULL
);
CREATE TABLE program_aliases (
    alias    VARCHAR PRIMARY KEY,
    program  VARCHAR NOT NULL,
    source   VARCHAR NOT NULL
);
"#,
    },
    Migration {
        version: 2,
        name: "checks: holidays, case rules, runs, findings, reviews",
        sql: r#"
CREATE TABLE holidays (
    year        INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    start_date  DATE NOT NULL,
    end_date    DATE NOT NULL,
    source      VARCHAR NOT NULL
);
CREATE TABLE case_rules (
    file_name  VARCHAR PRIMARY KEY,
    text       VARCHAR NOT NULL,
    added_at   TIMESTAMP NOT NULL
);
CREATE TABLE check_runs (
    id             INTEGER PRIMARY KEY,
    started_at     TIMESTAMP NOT NULL,
    as_of          DATE NOT NULL,
    fingerprint    VARCHAR NOT NULL,
    hecha_version  VARCHAR NOT NULL
);
CREATE TABLE check_run_rules (
    run_id     INTEGER NOT NULL,
    rule       VARCHAR NOT NULL,
    version    INTEGER NOT NULL,
    params     VARCHAR NOT NULL,
    ms         BIGINT NOT NULL,
    findings   INTEGER NOT NULL,
    amount     DECIMAL(18,2),
    skipped    VARCHAR,
    error      VARCHAR,
    new        INTEGER NOT NULL,
    changed    INTEGER NOT NULL,
    gone       VARCHAR NOT NULL,
    PRIMARY KEY (run_id, rule)
);
CREATE TABLE findings (
    run_id        INTEGER NOT NULL,
    id            VARCHAR NOT NULL,
    rule          VARCHAR NOT NULL,
    subject_kind  VARCHAR NOT NULL,
    subject_key   VARCHAR NOT NULL,
    scope         VARCHAR NOT NULL,
    name          VARCHAR,
    amount        DECIMAL(18,2),
    evidence      VARCHAR NOT NULL,
    detail        VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    change        VARCHAR NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE TABLE reviews (
    finding_id   VARCHAR PRIMARY KEY,
    status       VARCHAR NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
    reason       VARCHAR NOT NULL,
    reviewed_at  TIMESTAMP NOT NULL,
    reviewer     VARCHAR NOT NULL
);
"#,
    },
    Migration {
        version: 3,
        name: "tamper-evident audit log; text hashes of documents",
        sql: r#"
CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    logged_at  VARCHAR NOT NULL,
    os_user    VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,
    payload    VARCHAR NOT NULL,
    prev_hash  VARCHAR NOT NULL,
    hash       VARCHAR NOT NULL
);
CREATE TABLE audit_head (
    seq   BIGINT NOT NULL,
    hash  VARCHAR NOT NULL
);
INSERT INTO audit_head VALUES (0, '0000000000000000000000000000000000000000000000000000000000000000');
ALTER TABLE documents ADD COLUMN text_sha256 VARCHAR;
"#,
    },
    Migration {
        version: 4,
        name: "allegations, evidence links and catalogue, notes, tags",
        sql: r#"
CREATE TABLE allegations (
    id           INTEGER PRIMARY KEY,
    title        VARCHAR NOT NULL,
    text         VARCHAR,
    source       VARCHAR,
    status       VARCHAR NOT NULL,
    reason       VARCHAR,
    amount       DECIMAL(18,2),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE TABLE links (
    id            INTEGER PRIMARY KEY,
    allegation_id INTEGER NOT NULL,
    item_kind     VARCHAR NOT NULL,
    item_ref      VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    quote         VARCHAR,
    relation      VARCHAR NOT NULL,
    note          VARCHAR,
    catalogue_no  INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    removed_at    TIMESTAMP
);
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    item_kind  VARCHAR NOT NULL,
    item_ref   VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE tags (
    item_kind  VARCHAR NOT NULL,
    item_ref   VARCHAR NOT NULL,
    tag        VARCHAR NOT NULL,
    PRIMARY KEY (item_kind, item_ref, tag)
);
"#,
    },
    Migration {
        version: 5,
        name: "v_person_household view (created by the view refresh that follows every migration)",
        sql: "SELECT 1",
    },
    Migration {
        version: 6,
        name: "links between any two items; case number and officer",
        sql: r#"
CREATE TABLE item_links (
    id          INTEGER PRIMARY KEY,
    a_kind      VARCHAR NOT NULL,
    a_ref       VARCHAR NOT NULL,
    a_label     VARCHAR NOT NULL,
    a_quote     VARCHAR,
    b_kind      VARCHAR NOT NULL,
    b_ref       VARCHAR NOT NULL,
    b_label     VARCHAR NOT NULL,
    b_quote     VARCHAR,
    relation    VARCHAR NOT NULL,
    note        VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    removed_at  TIMESTAMP
);
ALTER TABLE case_info ADD COLUMN case_no VARCHAR;
ALTER TABLE case_info ADD COLUMN officer VARCHAR;
"#,
    },
    Migration {
        version: 7,
        name:
            "audit entries hash their stored bytes (scheme 2); the switch is an audit.scheme entry",
        // The column is added by `audit::add_scheme_column`; schema 10 logs the switch.
        sql: "SELECT 1",
    },
    Migration {
        version: 8,
        name: "pages of paged documents (PDF, scans, OFD): document_pages, documents.pages",
        // IF NOT EXISTS: a case turned back to an older version in tests keeps its tables.
        sql: r#"
ALTER TABLE documents ADD COLUMN IF NOT EXISTS pages INTEGER;
CREATE TABLE IF NOT EXISTS document_pages (
    doc_id      INTEGER NOT NULL,
    page_no     INTEGER NOT NULL,
    start_char  BIGINT NOT NULL,
    chars       BIGINT NOT NULL,
    source      VARCHAR NOT NULL CHECK (source IN ('text_layer', 'ocr', 'converted')),
    confidence  REAL,
    PRIMARY KEY (doc_id, page_no)
);
"#,
    },
    Migration {
        version: 9,
        name: "the clue register: clues, subjects, stage events, deadlines, settings, make-up days",
        // Existing allegations become clues (one each) in `migrate::allegations_into_clues`.
        sql: r#"
CREATE TABLE IF NOT EXISTS clues (
    id                INTEGER PRIMARY KEY,
    number            VARCHAR NOT NULL UNIQUE,
    title             VARCHAR NOT NULL,
    source            VARCHAR NOT NULL,
    received          DATE NOT NULL,
    real_name         BOOLEAN NOT NULL,
    informant         VARCHAR,
    officer           VARCHAR,
    village           VARCHAR,
    origin_kind       VARCHAR,
    origin_ref        VARCHAR,
    violation_amount  DECIMAL(18,2),
    confiscated       DECIMAL(18,2),
    refunded          DECIMAL(18,2),
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS clue_subjects (
    clue_id    INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    name       VARCHAR NOT NULL,
    id_number  VARCHAR,
    post       VARCHAR,
    PRIMARY KEY (clue_id, seq)
);
CREATE TABLE IF NOT EXISTS clue_events (
    id           INTEGER PRIMARY KEY,
    clue_id      INTEGER NOT NULL,
    event        VARCHAR NOT NULL,
    date         DATE NOT NULL,
    disposition  VARCHAR,
    outcome      VARCHAR,
    sanction     VARCHAR,
    note         VARCHAR,
    recorded_at  TIMESTAMP NOT NULL,
    recorded_by  VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS clue_deadlines (
    clue_id    INTEGER NOT NULL,
    what       VARCHAR NOT NULL,
    cycle      INTEGER NOT NULL,
    start      DATE NOT NULL,
    due        DATE NOT NULL,
    soon_from  DATE NOT NULL,
    done_on    DATE,
    warning    VARCHAR
);
CREATE TABLE IF NOT EXISTS case_settings (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS makeup_days (
    year     INTEGER NOT NULL,
    name     VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL,
    date     DATE NOT NULL,
    source   VARCHAR NOT NULL
);
ALTER TABLE allegations ADD COLUMN IF NOT EXISTS clue_id INTEGER;
"#,
    },
    Migration {
        version: 10,
        name: "audit scheme 3 (entries chain their digests); county review packs: pack_info",
        // The switch is logged by `audit::switch_scheme`.
        sql: r#"
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS digest VARCHAR;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS carried VARCHAR;
CREATE TABLE IF NOT EXISTS pack_info (
    source_id      VARCHAR NOT NULL,
    source_title   VARCHAR NOT NULL,
    source_file    VARCHAR NOT NULL,
    head_seq       BIGINT NOT NULL,
    head_hash      VARCHAR NOT NULL,
    clue_number    VARCHAR NOT NULL,
    redacted       BOOLEAN NOT NULL,
    cut_at         TIMESTAMP NOT NULL,
    hecha_version  VARCHAR NOT NULL
);
"#,
    },
    Migration {
        version: 11,
        name: "evidence quality: each catalogue entry's evidence type, original or copy, what it proves",
        sql: r#"
ALTER TABLE links ADD COLUMN IF NOT EXISTS evidence_type VARCHAR;
ALTER TABLE links ADD COLUMN IF NOT EXISTS original VARCHAR;
ALTER TABLE links ADD COLUMN IF NOT EXISTS proves VARCHAR;
"#,
    },
    Migration {
        version: 12,
        name: "the elements of each transcript as read from its text: transcripts",
        // Filled at import; older cases' transcripts are read before the next check run.
        sql: r#"
CREATE TABLE IF NOT EXISTS transcripts (
    doc_id             INTEGER PRIMARY KEY,
    parser             INTEGER NOT NULL,
    start_at           TIMESTAMP,
    end_at             TIMESTAMP,
    place              VARCHAR,
    interviewers       VARCHAR[] NOT NULL,
    recorder           VARCHAR,
    interviewee        VARCHAR,
    interviewee_id     VARCHAR,
    notice             BOOLEAN NOT NULL,
    closing            BOOLEAN NOT NULL,
    questions          INTEGER NOT NULL,
    answers            INTEGER NOT NULL,
    time_line          INTEGER,
    interviewers_line  INTEGER,
    head_end           INTEGER NOT NULL
);
"#,
    },
    Migration {
        version: 13,
        name: "bank statements: the account and holder a bank export names above its header",
        sql: r#"
ALTER TABLE ledgers ADD COLUMN IF NOT EXISTS preamble_account VARCHAR;
ALTER TABLE ledgers ADD COLUMN IF NOT EXISTS preamble_holder VARCHAR;
"#,
    },
    Migration {
        version: 14,
        name: "watch lists: saved terms rerun after every import and the hits each has found",
        sql: r#"
CREATE TABLE IF NOT EXISTS watch_terms (
    id        BIGINT PRIMARY KEY,
    term      VARCHAR NOT NULL UNIQUE,
    fuzzy     BOOLEAN NOT NULL,
    added_at  TIMESTAMP NOT NULL,
    primed    BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_hits (
    term_id   BIGINT NOT NULL,
    item_key  VARCHAR NOT NULL,
    title     VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,
    snippet   VARCHAR NOT NULL,
    found_at  TIMESTAMP NOT NULL,
    is_new    BOOLEAN NOT NULL,
    PRIMARY KEY (term_id, item_key)
);
"#,
    },
];

/// The schema version this build writes.
pub fn current_version() -> i32 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}
