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
