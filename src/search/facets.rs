//! Hit counts by kind, ledger, village and year, from fast fields.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentReader};

/// Hit counts by kind, ledger, village and year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub ledger: BTreeMap<String, u64>,
    pub village: BTreeMap<String, u64>,
    pub year: BTreeMap<u64, u64>,
}

impl Facets {
    /// Adds another pass's counts to these.
    pub fn add(&mut self, other: Facets) {
        for (k, v) in other.kind {
            *self.kind.entry(k).or_default() += v;
        }
        for (k, v) in other.ledger {
            *self.ledger.entry(k).or_default() += v;
        }
        for (k, v) in other.village {
            *self.village.entry(k).or_default() += v;
        }
        for (k, v) in other.year {
            *self.year.entry(k).or_default() += v;
        }
    }
}

/// Counts hits by kind, ledger, village and year from fast fields.
pub(super) struct FacetCollector;

pub(super) struct SegmentFacets {
    kind: Option<tantivy::columnar::StrColumn>,
    ledger: Option<tantivy::columnar::StrColumn>,
    village: Option<tantivy::columnar::StrColumn>,
    years: Option<tantivy::columnar::Column<u64>>,
    kind_c: HashMap<u64, u64>,
    ledger_c: HashMap<u64, u64>,
    village_c: HashMap<u64, u64>,
    year_c: BTreeMap<u64, u64>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _ord: u32, reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let ff = reader.fast_fields();
        Ok(SegmentFacets {
            kind: ff.str("kind")?,
            ledger: ff.str("ledger")?,
            village: ff.str("village")?,
            years: ff.u64("years").ok(),
            kind_c: HashMap::new(),
            ledger_c: HashMap::new(),
            village_c: HashMap::new(),
            year_c: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut out = Facets::default();
        for f in fruits {
            out.add(f);
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let count = |col: &Option<tantivy::columnar::StrColumn>, map: &mut HashMap<u64, u64>| {
            if let Some(c) = col {
                for ord in c.term_ords(doc) {
                    *map.entry(ord).or_default() += 1;
                }
            }
        };
        count(&self.kind, &mut self.kind_c);
        count(&self.ledger, &mut self.ledger_c);
        count(&self.village, &mut self.village_c);
        if let Some(y) = &self.years {
            for v in y.values_for_doc(doc) {
                *self.year_c.entry(v).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Facets {
        let names = |col: &Option<tantivy::columnar::StrColumn>, map: HashMap<u64, u64>| {
            let mut out = BTreeMap::new();
            if let Some(c) = col {
                let mut s = String::new();
                for (ord, n) in map {
                    s.clear();
                    if c.ord_to_str(ord, &mut s).unwrap_or(false) {
                        *out.entry(s.clone()).or_default() += n;
                    }
                }
            }
            out
        };
        Facets {
            kind: names(&self.kind, self.kind_c),
            ledger: names(&self.ledger, self.ledger_c),
            village: names(&self.village, self.village_c),
            year: self.year_c,
        }
    }
}

/// Counts the ID, phone, card and amount keywords (`id:…`, `tel:…`,
/// `card:…`, `amt:…`) of the hits, keeping the most frequent: a pass of its
/// own, asked for when they are shown (counting every hit's mentions costs
/// more than a search).
pub(super) struct MentionCollector {
    pub(super) keep: usize,
}

pub(super) struct SegmentMentions {
    col: Option<tantivy::columnar::StrColumn>,
    counts: HashMap<u64, u64>,
    keep: usize,
}

impl Collector for MentionCollector {
    type Fruit = BTreeMap<String, u64>;
    type Child = SegmentMentions;

    fn for_segment(&self, _ord: u32, reader: &SegmentReader) -> tantivy::Result<SegmentMentions> {
        Ok(SegmentMentions {
            col: reader.fast_fields().str("mentions").ok().flatten(),
            counts: HashMap::new(),
            keep: self.keep,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<BTreeMap<String, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut all: BTreeMap<String, u64> = BTreeMap::new();
        for f in fruits {
            for (k, v) in f {
                *all.entry(k).or_default() += v;
            }
        }
        Ok(top(all, self.keep))
    }
}

impl SegmentCollector for SegmentMentions {
    type Fruit = BTreeMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(c) = &self.col {
            for ord in c.term_ords(doc) {
                *self.counts.entry(ord).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        let Some(c) = &self.col else {
            return out;
        };
        // The segment's most frequent only: their text is looked up, not every value's.
        let mut counts: Vec<(u64, u64)> = self.counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut s = String::new();
        for (ord, n) in counts.into_iter().take(self.keep * 8) {
            s.clear();
            if c.ord_to_str(ord, &mut s).unwrap_or(false) {
                out.insert(s.clone(), n);
            }
        }
        out
    }
}

/// The `keep` most frequent values of each kind (the part before `:`).
fn top(all: BTreeMap<String, u64>, keep: usize) -> BTreeMap<String, u64> {
    let mut by_kind: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for (k, v) in all {
        let kind = k
            .split_once(':')
            .map(|p| p.0.to_string())
            .unwrap_or_default();
        by_kind.entry(kind).or_default().push((k, v));
    }
    let mut out = BTreeMap::new();
    for (_, mut vals) in by_kind {
        vals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.extend(vals.into_iter().take(keep));
    }
    out
}
