//! The subsidy program table (canonical names, aliases, attributes).

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Program {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub means_tested: bool,
    #[serde(default)]
    pub discretionary: bool,
    pub land_type: Option<String>,
    pub min_age: Option<i32>,
}

#[derive(Debug, Deserialize)]
struct ProgramFile {
    program: Vec<Program>,
}

/// The built-in table, embedded in the binary.
pub fn builtin() -> Vec<Program> {
    // Embedded data, checked by a test: a parse failure is a build defect.
    toml::from_str::<ProgramFile>(include_str!("data/programs.toml"))
        .map(|f| f.program)
        .unwrap_or_default()
}

/// Seeds the case's `programs` / `program_aliases` tables with the built-in rows
/// (source = 'builtin'), replacing earlier built-in rows and keeping the case's own.
pub fn seed(conn: &duckdb::Connection) -> duckdb::Result<()> {
    conn.execute("DELETE FROM program_aliases WHERE source = 'builtin'", [])?;
    conn.execute("DELETE FROM programs WHERE source = 'builtin'", [])?;
    let mut p = conn.prepare(
        "INSERT INTO programs (program, means_tested, discretionary, land_type, min_age, source) \
         VALUES (?, ?, ?, ?, ?, 'builtin') ON CONFLICT DO NOTHING",
    )?;
    let mut a = conn.prepare(
        "INSERT INTO program_aliases (alias, program, source) VALUES (?, ?, 'builtin') ON CONFLICT DO NOTHING",
    )?;
    for prog in builtin() {
        p.execute(duckdb::params![
            prog.name,
            prog.means_tested,
            prog.discretionary,
            prog.land_type,
            prog.min_age
        ])?;
        a.execute(duckdb::params![prog.name, prog.name])?;
        for alias in &prog.aliases {
            a.execute(duckdb::params![alias, prog.name])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_table_has_the_ten_programs_of_domain_md() {
        let progs = super::builtin();
        assert_eq!(progs.len(), 10);
        let gaoling = progs.iter().find(|p| p.name == "高龄补贴").unwrap();
        assert_eq!(gaoling.min_age, Some(80));
        assert!(gaoling.aliases.contains(&"高龄津贴".to_string()));
        let jinmu = progs.iter().find(|p| p.name == "禁牧补助").unwrap();
        assert_eq!(jinmu.land_type.as_deref(), Some("草地"));
        assert!(
            progs
                .iter()
                .find(|p| p.name == "最低生活保障")
                .unwrap()
                .discretionary
        );
    }
}
