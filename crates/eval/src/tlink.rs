//! Temporal awareness (UzZaman & Allen 2011, reduced-graph variant): the TempEval-3 score for
//! TLINKs, as `../shared/docs/SCORING.md` §2 describes the official toolkit.
//!
//! | gold                         | system                       | P     | R     |
//! |------------------------------|------------------------------|-------|-------|
//! | a BEFORE b, b BEFORE c       | a BEFORE b, b BEFORE c       | 2/2   | 2/2   |
//! | a BEFORE b, b BEFORE c       | a BEFORE c                   | 1/1   | 0/2   |
//! | a BEFORE b, b BEFORE c       | a BEFORE b, a BEFORE c, b BEFORE c | 2/2 | 2/2 |
//! | a BEFORE b                   | b BEFORE a                   | 0/1   | 0/1   |
//!
//! (In the third row `a BEFORE c` is implied by `a BEFORE b` when it is added, so it leaves
//! the reduced graph. Which links are redundant depends on the order they are added in.)
//!
//! Per document, each side's links are added **in order** to a [`PointGraph`] over interval
//! start and end points: a link the graph already implies is dropped from the reduced graph;
//! a link that contradicts it is *violated*, stays out of the graph, but still counts in the
//! denominator; the rest form the reduced graph. A system link of the reduced graph is
//! correct when the same triple or its inverse is among the gold links, or the gold graph
//! implies it; recall is the same the other way round. Counts are summed over documents.
//!
//! `DURING` and `DURING_INV` are read as `SIMULTANEOUS`; `VAGUE` links carry no constraint
//! and are ignored.
//!
//! # Grammar
//!
//! Interval relations as point constraints (`x⁻`, `x⁺` the start and end of `x`; every
//! interval has `x⁻ < x⁺`):
//!
//! ```text
//! BEFORE       x⁺ < y⁻              AFTER       y⁺ < x⁻
//! IBEFORE      x⁺ = y⁻              IAFTER      y⁺ = x⁻
//! INCLUDES     x⁻ < y⁻, y⁺ < x⁺     IS_INCLUDED y⁻ < x⁻, x⁺ < y⁺
//! BEGINS       x⁻ = y⁻, x⁺ < y⁺     BEGUN_BY    x⁻ = y⁻, y⁺ < x⁺
//! ENDS         x⁺ = y⁺, y⁻ < x⁻     ENDED_BY    x⁺ = y⁺, x⁻ < y⁻
//! SIMULTANEOUS, IDENTITY, DURING, DURING_INV    x⁻ = y⁻, x⁺ = y⁺
//! ```

pub use crate::link::closure::{Added, PointGraph};
use crate::link::facts::GoldEntities;
use crate::link::features::{self, Context};
use crate::link::{Classifier, Endpoint};
use crate::text::Analysis;
use crate::timeml::gold::gold_entities;
use crate::timeml::{attr, TimemlDoc};
use std::path::{Path, PathBuf};
use tempograph_core::error::Result;
use tempograph_core::relation::RelType;

/// A TLINK as the scorer sees it: two endpoint ids (eiids or tids) and a relation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Triple {
    pub from: String,
    pub to: String,
    pub rel: RelType,
}

impl Triple {
    pub fn new(from: impl Into<String>, to: impl Into<String>, rel: RelType) -> Triple {
        Triple {
            from: from.into(),
            to: to.into(),
            rel,
        }
    }
}

/// `DURING` / `DURING_INV` → `SIMULTANEOUS`, as the TE3 toolkit does.
fn normalize(rel: RelType) -> RelType {
    match rel {
        RelType::During | RelType::DuringInv => RelType::Simultaneous,
        r => r,
    }
}

/// One side's links after reduction: the graph and the reduced links (violated ones included).
struct Reduced {
    graph: PointGraph,
    reduced: Vec<Triple>,
    violated: usize,
}

fn reduce(links: &[Triple]) -> Reduced {
    let mut graph = PointGraph::new();
    let mut reduced = Vec::new();
    let mut violated = 0;
    for t in links {
        match graph.add(&t.from, normalize(t.rel), &t.to) {
            Added::New => reduced.push(t.clone()),
            Added::Violated => {
                violated += 1;
                reduced.push(t.clone());
            }
            Added::Implied | Added::Empty => {}
        }
    }
    Reduced {
        graph,
        reduced,
        violated,
    }
}

fn matches(t: &Triple, others: &[Triple], graph: &PointGraph) -> bool {
    let rel = normalize(t.rel);
    others.iter().any(|o| {
        let orel = normalize(o.rel);
        (o.from == t.from && o.to == t.to && orel == rel) || (o.from == t.to && o.to == t.from && orel == rel.inverse())
    }) || graph.implies(&t.from, rel, &t.to)
}

/// The graph of `links` added in order (the gold graph a system link is checked against).
pub fn graph_of(links: &[Triple]) -> PointGraph {
    reduce(links).graph
}

/// Whether `t` is correct against `others`: the same triple or its inverse is among them, or
/// their `graph` ([`graph_of`]) implies it.
pub fn is_implied(t: &Triple, others: &[Triple], graph: &PointGraph) -> bool {
    matches(t, others, graph)
}

/// Temporal-awareness counts, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaCounts {
    /// |Sys⁻|: system links in the reduced graph (violated ones included).
    pub sys: usize,
    /// System reduced links that the gold annotation contains or implies.
    pub sys_correct: usize,
    /// |Ref⁻|.
    pub gold: usize,
    /// Gold reduced links that the system contains or implies.
    pub gold_correct: usize,
    /// System links that contradicted earlier system links.
    pub sys_violated: usize,
    /// Gold links that contradicted earlier gold links.
    pub gold_violated: usize,
}

impl TaCounts {
    pub fn add(&mut self, o: &TaCounts) {
        self.sys += o.sys;
        self.sys_correct += o.sys_correct;
        self.gold += o.gold;
        self.gold_correct += o.gold_correct;
        self.sys_violated += o.sys_violated;
        self.gold_violated += o.gold_violated;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.sys_correct, self.sys)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.gold_correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Score one document's system links against its gold links.
pub fn score(gold: &[Triple], sys: &[Triple]) -> TaCounts {
    let g = reduce(gold);
    let s = reduce(sys);
    let sys_correct = s.reduced.iter().filter(|t| matches(t, gold, &g.graph)).count();
    let gold_correct = g.reduced.iter().filter(|t| matches(t, sys, &s.graph)).count();
    TaCounts {
        sys: s.reduced.len(),
        sys_correct,
        gold: g.reduced.len(),
        gold_correct,
        sys_violated: s.violated,
        gold_violated: g.violated,
    }
}

/// The TLINKs of a TimeML document as triples over eiids / tids, in file order. Links with
/// an unknown `relType` or a missing endpoint are skipped.
pub fn triples(doc: &TimemlDoc) -> Vec<Triple> {
    doc.tlinks
        .iter()
        .filter_map(|l| {
            let from = attr(l, "eventInstanceID").or_else(|| attr(l, "timeID"))?;
            let to = attr(l, "relatedToEventInstance").or_else(|| attr(l, "relatedToTime"))?;
            let rel = attr(l, "relType")?.parse().ok()?;
            Some(Triple::new(from, to, rel))
        })
        .collect()
}

/// A gold TimeML document ready for relation work: text analysis and gold entities.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    pub doc: TimemlDoc,
    pub analysis: Analysis,
    pub entities: GoldEntities,
}

impl GoldDoc {
    /// The features context over the gold entities.
    pub fn context(&self) -> Context<'_> {
        Context {
            text: &self.doc.text,
            analysis: &self.analysis,
            dct: self.doc.dct,
            events: &self.entities.events,
            timexes: &self.entities.timexes,
            sorted: crate::link::features::in_sentence_order(&self.entities.timexes),
            words: crate::lang::EventWords::english(),
        }
    }

    /// Gold TLINKs whose two ends are known entities, as endpoints.
    pub fn gold_pairs(&self) -> Vec<(Triple, Endpoint, Endpoint)> {
        triples(&self.doc)
            .into_iter()
            .filter_map(|t| {
                let a = self.entities.endpoint(&t.from)?;
                let b = self.entities.endpoint(&t.to)?;
                (a != b).then_some((t, a, b))
            })
            .collect()
    }
}

/// Read one gold TimeML file.
pub fn load_gold(path: &Path) -> Result<GoldDoc> {
    let doc = crate::timeml::read(path)?;
    let analysis = Analysis::new(&doc.text);
    let entities = gold_entities(&doc, &analysis);
    Ok(GoldDoc {
        doc,
        analysis,
        entities,
    })
}

/// The `.tml` files of a folder, sorted by name.
pub fn tml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|e| tempograph_core::error::Error::io(dir, e))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == crate::format::timeml::EXTENSION))
        .collect();
    v.sort();
    Ok(v)
}

/// Read every `.tml` file of a folder.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>> {
    tml_files(dir)?.iter().map(|p| load_gold(p)).collect()
}

/// The TLINK id a system link end gets when scored against gold: the id of the gold entity
/// its extent overlaps (TempEval-3 aligns system and gold entities by extent), else an id
/// no gold link uses.
pub fn aligned_id(gold: &GoldEntities, sys_span: Option<crate::text::Span>, e: Endpoint) -> String {
    let Some(span) = sys_span else {
        return "t0".to_string();
    };
    let (spans, ids, prefix): (Vec<crate::text::Span>, &[String], &str) = match e {
        Endpoint::Event(_) => (gold.events.iter().map(|x| x.span).collect(), &gold.eiids, "sys-e"),
        Endpoint::Timex(_) => (gold.timexes.iter().map(|x| x.span).collect(), &gold.tids, "sys-t"),
        Endpoint::Dct => return "t0".to_string(),
    };
    match spans.iter().position(|g| g.overlaps(&span)) {
        Some(k) => ids[k].clone(),
        None => format!("{prefix}{}:{}", span.start, span.end),
    }
}

/// The TLINK triples of a system TimeML file, with event and timex ids replaced by the ids of
/// the gold entities their extents overlap ([`aligned_id`]), so they can be scored
/// against the gold file's links.
pub fn aligned_triples(gold: &TimemlDoc, system: &TimemlDoc) -> Vec<Triple> {
    let ga = Analysis::new(&gold.text);
    let ge = gold_entities(gold, &ga);
    let sa = Analysis::new(&system.text);
    let se = gold_entities(system, &sa);
    let map = |id: &str| -> String {
        match se.endpoint(id) {
            Some(e @ Endpoint::Event(i)) => aligned_id(&ge, Some(se.events[i].span), e),
            Some(e @ Endpoint::Timex(i)) => aligned_id(&ge, Some(se.timexes[i].span), e),
            Some(Endpoint::Dct) | None => "t0".to_string(),
        }
    };
    triples(system)
        .into_iter()
        .map(|t| Triple::new(map(&t.from), map(&t.to), t.rel))
        .collect()
}

/// C-relation-only for one gold document: its gold TLINK pairs labelled by `model`
/// (consistently, see [`label_pairs`]).
pub fn label_gold_pairs(gold: &GoldDoc, model: &dyn Classifier) -> Vec<Triple> {
    let pairs = gold.gold_pairs();
    label_pairs(&gold.context(), &pairs, model, true)
        .into_iter()
        .map(|(k, rel)| Triple::new(pairs[k].0.from.clone(), pairs[k].0.to.clone(), rel))
        .collect()
}

/// Labels for `pairs` as `(index into pairs, relation in the asked-for order)`, in output order.
/// With `consistent`, pairs are labelled from the most confident to the least, each taking
/// its best-scoring label that does not contradict the labels already chosen (a greedy
/// global inference; links are then written in that order).
pub fn label_pairs(
    cx: &Context,
    pairs: &[(Triple, Endpoint, Endpoint)],
    model: &dyn Classifier,
    consistent: bool,
) -> Vec<(usize, RelType)> {
    if !consistent {
        return pairs
            .iter()
            .enumerate()
            .map(|(k, (_, a, b))| (k, crate::link::classify(cx, *a, *b, model).0))
            .collect();
    }
    let mut ranked: Vec<(usize, f64, Vec<RelType>)> = pairs
        .iter()
        .enumerate()
        .map(|(k, (_, a, b))| {
            let (first, rule) = crate::link::classify(cx, *a, *b, model);
            let p = features::pair(cx, *a, *b);
            let r = model.ranked(&p);
            // Rule-decided labels go first.
            let margin = if !rule.starts_with("link/model") {
                f64::INFINITY
            } else if r.len() > 1 {
                r[0].1 - r[1].1
            } else {
                0.0
            };
            let mut labels = vec![first];
            for (l, _) in r {
                let l = if p.swapped { l.inverse() } else { l };
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            (k, margin, labels)
        })
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut g = PointGraph::new();
    let mut out = Vec::with_capacity(pairs.len());
    for (k, _, labels) in ranked {
        let (t, _, _) = &pairs[k];
        let mut chosen = labels[0];
        for &l in &labels {
            let mut trial = g.clone();
            if trial.add(&t.from, l, &t.to) != Added::Violated {
                g = trial;
                chosen = l;
                break;
            }
        }
        out.push((k, chosen));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use RelType::*;

    fn t(a: &str, r: RelType, b: &str) -> Triple {
        Triple::new(a, b, r)
    }

    #[test]
    fn table_rows() {
        let gold = [t("a", Before, "b"), t("b", Before, "c")];
        let c = score(&gold, &gold);
        assert_eq!((c.sys_correct, c.sys, c.gold_correct, c.gold), (2, 2, 2, 2));
        let c = score(&gold, &[t("a", Before, "c")]);
        assert_eq!((c.sys_correct, c.sys, c.gold_correct, c.gold), (1, 1, 0, 2));
        let c = score(&gold, &[t("a", Before, "b"), t("a", Before, "c"), t("b", Before, "c")]);
        // a<c is new when added (b<c not yet known), so all three are in Sys⁻.
        assert_eq!((c.sys_correct, c.sys, c.gold_correct, c.gold), (3, 3, 2, 2));
        let c = score(&gold, &[t("a", Before, "b"), t("b", Before, "c"), t("a", Before, "c")]);
        assert_eq!((c.sys_correct, c.sys, c.gold_correct, c.gold), (2, 2, 2, 2));
        let c = score(&[t("a", Before, "b")], &[t("b", Before, "a")]);
        assert_eq!((c.sys_correct, c.sys, c.gold_correct, c.gold), (0, 1, 0, 1));
    }

    /// Hand-computed: gold  e1 BEFORE e2, e2 INCLUDES e3, e3 SIMULTANEOUS t1, e1 BEFORE t1 (implied: e1⁺ < e2⁻ < e3⁻ = t1⁻).
    /// Gold reduced = 3 links. System: e1 BEFORE e3 (implied by gold: correct), e3 IS_INCLUDED e2 (inverse of gold: correct),
    /// t1 AFTER e2 (wrong: gold has t1 inside e2), e3 AFTER e1 (implied by the system's first link: not in Sys⁻).
    /// Sys⁻ = 3, 2 correct → P = 2/3. Gold reduced: e1<e2 (system has e1<e3, e3 inside e2 — does not imply e1<e2⁻? e1⁺ < e3⁻ and
    /// e2⁻ < e3⁻ say nothing about e1⁺ vs e2⁻: not implied), e2 ⊃ e3 (yes), e3 = t1 (system: t1 after e2, e3 inside e2 → t1⁻ > e2⁺ > e3⁺: no).
    /// R = 1/3, F1 = 2·(2/3)(1/3)/(1) = 4/9.
    #[test]
    fn hand_computed() {
        let gold = [
            t("e1", Before, "e2"),
            t("e2", Includes, "e3"),
            t("e3", Simultaneous, "t1"),
            t("e1", Before, "t1"),
        ];
        let sys = [
            t("e1", Before, "e3"),
            t("e3", IsIncluded, "e2"),
            t("t1", After, "e2"),
            t("e3", After, "e1"),
        ];
        let c = score(&gold, &sys);
        assert_eq!((c.gold, c.gold_violated), (3, 0));
        assert_eq!((c.sys_correct, c.sys), (2, 3));
        assert_eq!(c.gold_correct, 1);
        assert!((c.f1() - 4.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn violated_links_count_against_precision() {
        let sys = [t("a", Before, "b"), t("b", Before, "c"), t("c", Before, "a")];
        let gold = [t("a", Before, "b"), t("b", Before, "c")];
        let c = score(&gold, &sys);
        assert_eq!(c.sys_violated, 1);
        assert_eq!((c.sys_correct, c.sys), (2, 3));
        assert_eq!((c.gold_correct, c.gold), (2, 2));
    }

    #[test]
    fn point_algebra() {
        let mut g = PointGraph::new();
        assert_eq!(g.add("a", IBefore, "b"), Added::New);
        assert_eq!(g.add("b", IBefore, "c"), Added::New);
        assert!(g.implies("a", Before, "c"));
        assert!(g.implies("c", After, "a"));
        assert!(!g.implies("a", Before, "b"));
        assert_eq!(g.add("a", Simultaneous, "c"), Added::Violated);
        assert_eq!(g.add("d", Begins, "b"), Added::New);
        assert!(g.implies("a", IBefore, "d"));
        assert_eq!(g.add("x", During, "y"), Added::New);
        assert!(g.implies("y", Simultaneous, "x"));
        assert_eq!(g.add("x", Vague, "a"), Added::Empty);
        assert!(!g.implies("x", Vague, "x"));
        assert_eq!(g.add("q", Before, "q"), Added::Violated);
        // A relation whose second constraint contradicts the first link's.
        let mut g = PointGraph::new();
        g.add("p", Ends, "r");
        assert_eq!(g.add("p", Simultaneous, "r"), Added::Violated);
    }
}
