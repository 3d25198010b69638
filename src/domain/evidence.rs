//! The kinds of evidence the 监察法实施条例 lists (and complaint material,
//! which is a clue, not evidence), and whether an item is the original.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvidenceType {
    /// 物证
    Physical,
    /// 书证
    Documentary,
    /// 证人证言
    Witness,
    /// 被害人陈述
    Victim,
    /// 被调查人陈述和辩解
    SubjectStatement,
    /// 鉴定意见
    Expert,
    /// 勘验检查、辨认、调查实验等笔录
    Record,
    /// 视听资料、电子数据
    Electronic,
    /// 线索材料（举报信等）：不是证据
    ClueMaterial,
}

impl EvidenceType {
    pub const ALL: [EvidenceType; 9] = [
        EvidenceType::Physical,
        EvidenceType::Documentary,
        EvidenceType::Witness,
        EvidenceType::Victim,
        EvidenceType::SubjectStatement,
        EvidenceType::Expert,
        EvidenceType::Record,
        EvidenceType::Electronic,
        EvidenceType::ClueMaterial,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            EvidenceType::Physical => "physical",
            EvidenceType::Documentary => "documentary",
            EvidenceType::Witness => "witness",
            EvidenceType::Victim => "victim",
            EvidenceType::SubjectStatement => "subject-statement",
            EvidenceType::Expert => "expert",
            EvidenceType::Record => "record",
            EvidenceType::Electronic => "electronic",
            EvidenceType::ClueMaterial => "clue-material",
        }
    }

    /// The stored code or the Chinese name (物证, 书证 …).
    pub fn parse(s: &str) -> Option<EvidenceType> {
        let s = s.trim();
        EvidenceType::ALL
            .into_iter()
            .find(|t| t.code() == s || t.chinese() == s)
    }

    /// The name the regulations use.
    pub fn chinese(self) -> &'static str {
        match self {
            EvidenceType::Physical => "物证",
            EvidenceType::Documentary => "书证",
            EvidenceType::Witness => "证人证言",
            EvidenceType::Victim => "被害人陈述",
            EvidenceType::SubjectStatement => "被调查人陈述和辩解",
            EvidenceType::Expert => "鉴定意见",
            EvidenceType::Record => "勘验检查、辨认、调查实验等笔录",
            EvidenceType::Electronic => "视听资料、电子数据",
            EvidenceType::ClueMaterial => "线索材料",
        }
    }

    /// The kind in the UI language.
    pub fn label(self) -> String {
        crate::tr!(&format!("casework.evidence_type.{}", self.code()))
    }

    /// Complaint material is a clue, not proof.
    pub fn is_evidence(self) -> bool {
        self != EvidenceType::ClueMaterial
    }
}

impl Serialize for EvidenceType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// 原件 or 复印件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Original {
    Original,
    Copy,
}

impl Original {
    pub fn code(self) -> &'static str {
        match self {
            Original::Original => "original",
            Original::Copy => "copy",
        }
    }

    pub fn parse(s: &str) -> Option<Original> {
        match s.trim() {
            "original" | "原件" => Some(Original::Original),
            "copy" | "复印件" => Some(Original::Copy),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        crate::tr!(&format!("casework.original.{}", self.code()))
    }
}

impl Serialize for Original {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_chinese_names_read_back() {
        for t in EvidenceType::ALL {
            assert_eq!(EvidenceType::parse(t.code()), Some(t));
            assert_eq!(EvidenceType::parse(t.chinese()), Some(t));
        }
        assert!(!EvidenceType::ClueMaterial.is_evidence());
        assert_eq!(Original::parse("复印件"), Some(Original::Copy));
    }
}
