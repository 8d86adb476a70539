//! Tense and direction: does an expression point back or forward from the publication date?
//!
//! There is no POS tagger. A small lexicon and morphology read the verbs and modals in the
//! same sentence, nearest first:
//!
//! | context                                  | cue                  | direction |
//! |------------------------------------------|----------------------|-----------|
//! | `Earnest told reporters on Thursday`     | irregular past `told`| past      |
//! | `the company reported Friday`            | `-ed` form           | past      |
//! | `has been languishing`                   | perfect `has`        | past      |
//! | `the FBI will have more on Monday`       | modal `will`         | future    |
//! | `is expected to announce Tuesday`        | `expected to`        | future    |
//! | `said it would close Friday`             | `would`              | future    |
//! | `is to resume trading Tuesday`           | `is to`              | future    |
//! | `has scheduled a news conference Thursday` | `has scheduled`    | future    |
//! | `had been scheduled to expire Friday`    | `had` + `scheduled to` | past    |
//! | `when the case is heard in May`          | (present passive)    | none      |
//! | `extended to Nov. 20 its offer`          | `extended to`        | future    |
//! | `the vote is scheduled for Thursday`     | `scheduled for`      | future    |
//! | `the trial begins Monday`                | scheduled present    | future    |
//! | `on patrol since March and was ...`      | `since`              | past      |
//! | `the meeting is Monday`                  | (present only)       | none      |
//!
//! # Grammar
//!
//! Cues are looked for in a window of [`WINDOW`] tokens on each side of the expression,
//! inside its sentence, and not across `;`; a fronted expression (`In January, ...`) looks
//! right as far as its sentence goes, and its main verb counts as adjacent. The nearest cue
//! wins, a weak one (a bare past form) counting [`WEAK_PENALTY`] tokens farther unless it is
//! next to the expression; on a tie a modal (future) beats a past form, because modals sit
//! next to the verb they govern. A reporting verb after the expression (`..., officials
//! said`) is attribution and is skipped.

use super::SUBORDINATORS;
use crate::lang::engine::Ctx;
use crate::lang::engine::{Cue, Direction};
use crate::lang::Words;
use crate::text::{Analysis, TokenKind, WordFilter};

/// How many tokens on each side are searched.
pub const WINDOW: usize = 12;

/// How many tokens farther a weak cue (a bare `-ed` or irregular past form, which may be a
/// participle: `markets untouched by the crisis`) counts than a modal or auxiliary, unless it
/// is next to the expression (`said Monday`, `issued July 1`).
pub const WEAK_PENALTY: usize = 4;

/// Irregular past forms (and a few past-only words) of common verbs.
static PAST: Words = Words::new(include_str!("data/tense-past.txt"));

/// Verbs that move a date: what they move it to (`extended to Nov. 20`) is ahead.
static MOVED: Words = Words::new(include_str!("data/tense-moved.txt"));

/// Past forms of reporting verbs, which do not date what comes before them (attribution).
static REPORTING: Words = Words::new(include_str!("data/tense-reporting.txt"));

/// Words ending in `-ed` that are not past forms.
static NOT_PAST_ED: Words = Words::new(include_str!("data/tense-not-past-ed.txt"));

/// Verbs that point forward when followed by `to` ("planned to leave Thursday").
static INFINITIVE_FUTURE: Words = Words::new(include_str!("data/tense-infinitive-future.txt"));

/// Verbs whose simple present schedules what they name ("the trial begins Monday", "talks
/// resume Tuesday", "the law takes effect Jan. 1"): news uses that present for what is ahead.
static SCHEDULED_PRESENT: Words = Words::new(include_str!("data/tense-scheduled-present.txt"));

/// Past forms of [`INFINITIVE_FUTURE`] verbs that are acts of their own: after the
/// expression ("The senator on Thursday agreed to quit") they date the act, which is past.
static PAST_ACTS: Words = Words::new(include_str!("data/tense-past-acts.txt"));

/// Nouns of planned events: a date `for` one ("a press briefing for Friday") lies ahead.
static PLANNED_NOUNS: Words = Words::new(include_str!("data/tense-planned-nouns.txt"));

/// Future cues that are single words.
static FUTURE: Words = Words::new(include_str!("data/tense-future.txt"));

/// The word lists [`cue`] and [`direction`] search for each token near an expression, read
/// by [`maybe_listed`], which turns most other words away before the lists are searched. A
/// list must be here to be searched behind `maybe_listed`.
fn lists() -> [&'static [&'static str]; 7] {
    [
        &PAST,
        &REPORTING,
        &NOT_PAST_ED,
        &INFINITIVE_FUTURE,
        &FUTURE,
        &SCHEDULED_PRESENT,
        &PAST_ACTS,
    ]
}

/// Whether `w` may be in one of [`lists`]: `false` only when it is in none (one bit test,
/// where searching the lists costs a hundred string compares). Debug builds check the answer.
fn maybe_listed(w: &str) -> bool {
    static FILTER: std::sync::OnceLock<WordFilter> = std::sync::OnceLock::new();
    let maybe = FILTER
        .get_or_init(|| WordFilter::new(lists().into_iter().flat_map(|l| l.iter().copied())))
        .may_hold(w);
    debug_assert!(maybe || lists().into_iter().all(|l| !l.contains(&w)), "{w:?} is listed");
    maybe
}

fn cue(ctx: &Ctx, k: usize) -> Option<(Direction, bool)> {
    if ctx.kind(k) != Some(TokenKind::Word) {
        // "'ll"
        if ctx.punct(k, "'") && ctx.is(k + 1, "ll") {
            return Some((Direction::Future, true));
        }
        return None;
    }
    let w = ctx.lw(k);
    let listed = maybe_listed(w);
    if listed && INFINITIVE_FUTURE.contains(&w) && ctx.is(k + 1, "to") {
        // "had been scheduled to expire Friday": a plan as it stood before, now past.
        // Weak: the plan is past, its date need not be ("had been set to expire Nov. 6" four
        // days before Nov. 6).
        if k > 0 && ctx.is(k - 1, "had") || k > 1 && ctx.is(k - 1, "been") && ctx.is(k - 2, "had") {
            return Some((Direction::Past, false));
        }
        return Some((Direction::Future, true));
    }
    // "were planning to drive around the airport on Monday": the auxiliary of a plan is not
    // a past cue of its own; the plan word after it speaks.
    if matches!(w, "was" | "were") && INFINITIVE_FUTURE.contains(&ctx.lw(k + 1)) && ctx.is(k + 2, "to") {
        return None;
    }
    // "the vote is scheduled for Thursday", "talks set for Monday": a date fixed for
    // something is ahead of the plan; under a past auxiliary ("was set for") only weakly.
    if matches!(w, "scheduled" | "slated" | "set" | "planned") && ctx.is(k + 1, "for") {
        let past = k > 0 && ctx.any(k - 1, &["was", "were", "had"]) || k > 1 && ctx.is(k - 2, "had");
        return Some((Direction::Future, !past));
    }
    // "the trial begins Monday", "the law takes effect Jan. 1", "goes into effect", "kicks
    // off": a scheduled present. Not after an auxiliary, a negation or `to` ("did not open
    // Monday", "failed to open Monday"), which decide themselves.
    if listed && SCHEDULED_PRESENT.contains(&w) && !ctx.cap(k) {
        let phrase = match w {
            "takes" | "take" => ctx.any(k + 1, &["effect", "place"]),
            "goes" | "go" => ctx.is(k + 1, "into") && ctx.is(k + 2, "effect"),
            "kicks" | "kick" => ctx.is(k + 1, "off"),
            _ => true,
        };
        let governed = k > 0
            && ctx.any(
                k - 1,
                &[
                    "did", "does", "do", "not", "never", "n't", "to", "would", "could", "should", "might", "may",
                    "must", "can", "will", "had", "has", "have",
                ],
            );
        // "at the close of business Thursday", "a visit Monday": a noun, not a verb.
        let noun = ctx.is(k + 1, "of")
            || k > 0
                && ctx.any(
                    k - 1,
                    &[
                        "the", "a", "an", "its", "their", "his", "her", "at", "by", "before", "after",
                    ],
                );
        if phrase && !governed && !noun {
            return Some((Direction::Future, true));
        }
    }
    // "is to resume trading Tuesday": `be` + `to` + verb is a plan.
    if matches!(w, "is" | "are") && ctx.is(k + 1, "to") {
        return Some((Direction::Future, true));
    }
    if listed && FUTURE.contains(&w) {
        // "would have" is a past counterfactual.
        if w == "would" && ctx.is(k + 1, "have") {
            return Some((Direction::Past, true));
        }
        return Some((Direction::Future, matches!(w, "will" | "shall" | "wo")));
    }
    // "as early as Tuesday", "as soon as Monday"
    if matches!(w, "early" | "soon") && k > 0 && ctx.is(k - 1, "as") && ctx.is(k + 1, "as") {
        return Some((Direction::Future, true));
    }
    if matches!(w, "could" | "might") || w == "may" && !ctx.cap(k) {
        return Some((Direction::Future, false));
    }
    // "has scheduled a news conference Thursday": a present perfect of planning is a plan.
    if matches!(w, "has" | "have") && ctx.any(k + 1, &["scheduled", "slated", "planned", "set", "called"]) {
        return Some((Direction::Future, true));
    }
    if matches!(w, "has" | "have" | "had") && ctx.lw(k + 1).ends_with("ed") {
        return Some((Direction::Past, true));
    }
    if matches!(w, "has" | "have") && ctx.is(k + 1, "been") {
        return Some((Direction::Past, true));
    }
    // "when the case is heard in May", "when she's sentenced May 7": a passive with a
    // present auxiliary is not past.
    let present_aux =
        |j: usize| ctx.any(j, &["is", "are", "be", "am", "being"]) || ctx.is(j, "s") && j > 0 && ctx.punct(j - 1, "'");
    if k > 0 && present_aux(k - 1) && !matches!(w, "was" | "were" | "had" | "did") && listed && PAST.contains(&w) {
        return None;
    }
    if listed && PAST.contains(&w) {
        return Some((Direction::Past, matches!(w, "was" | "were" | "had" | "did")));
    }
    if w.len() > 4 && w.ends_with("ed") && !(listed && NOT_PAST_ED.contains(&w)) && !ctx.cap(k) {
        // "is expected", "will be needed": a participle after a present/future auxiliary.
        if k > 0 && present_aux(k - 1) {
            return None;
        }
        return Some((Direction::Past, false));
    }
    None
}

/// Prepositions of a deadline or the end of a span: a month after them is not moved back by
/// a past verb before (`gave Merieux until mid-November`).
const DEADLINE_WORDS: &[&str] = &["until", "till", "through", "by", "to"];

/// Whether the past cue `cue` is an irregular past form (`bought`, `sold`, `won`: not an
/// `-ed` form, which may be an adjective or a participle) and the expression at `start` is
/// not a deadline after it.
pub fn firm_past_cue(ctx: &Ctx, start: usize, cue: &str) -> bool {
    let deadline = start > 0 && ctx.any(start - 1, DEADLINE_WORDS);
    !deadline && !cue.ends_with("ed") && !matches!(cue, "was" | "were" | "had" | "did") && PAST.contains(&cue)
}

/// How many tokens back, within its clause, a past perfect is looked for before an expression.
const PAST_PERFECT_WINDOW: usize = 6;

/// Whether a past perfect governs the expression at token `start`: `had` and a past form
/// (`had met`, `had been told`) before it in its clause, not past a comma ("The chiefs had
/// met on Monday"; not "The company had talks on Monday", where `had` is the verb).
pub fn past_perfect_before(ctx: &Ctx, analysis: &Analysis, start: usize) -> bool {
    let s = analysis.sentence_at(ctx.toks.get(start).map_or(0, |t| t.span.start));
    let first = analysis.sentences.get(s).map_or(0, |x| x.tokens.start);
    let mut k = start;
    while k > first && start - k < PAST_PERFECT_WINDOW {
        k -= 1;
        if ctx.punct(k, ",") || ctx.punct(k, ";") || ctx.any(k, &SUBORDINATORS) {
            return false;
        }
        if ctx.is(k, "had") {
            let next = ctx.lw(k + 1);
            return next == "been"
                || next.len() > 3 && next.ends_with("ed")
                || PAST.contains(&next)
                || next.ends_with("en");
        }
    }
    false
}

/// The direction the context of tokens `start..end` points to, with the evidence in words.
pub fn direction(ctx: &Ctx, analysis: &Analysis, start: usize, end: usize) -> Cue {
    let s = analysis.sentence_at(ctx.toks.get(start).map_or(0, |t| t.span.start));
    let range = analysis.sentences.get(s).map_or(0..ctx.len(), |x| x.tokens.clone());
    let mut best: Option<(usize, Direction, bool, bool, usize)> = None;
    // "extended to Nov. 20", "postponed until Tuesday morning": a new date set by moving
    // an old one lies ahead.
    if start > 1 && ctx.any(start - 1, &["to", "until", "till", "through"]) {
        for back in 2..=6 {
            if start < back || start - back < range.start {
                break;
            }
            if ctx.any(start - back, &MOVED) {
                return Cue {
                    direction: Direction::Future,
                    strong: true,
                    distance: back,
                    word: ctx.lw(start - back).to_string(),
                    plan: false,
                    why: format!("future cue `{} {}`", ctx.raw(start - back), ctx.raw(start - 1)),
                };
            }
        }
    }
    // "has been on patrol since March": what has lasted since a time began before now,
    // whatever verbs follow.
    if start > 0 && ctx.is(start - 1, "since") {
        return Cue {
            direction: Direction::Past,
            strong: true,
            distance: 1,
            word: "since".to_string(),
            plan: false,
            why: format!("past cue `{}`", ctx.raw(start - 1)),
        };
    }
    // "announced a press briefing for Friday", "called a meeting for Monday": the date a
    // planned event is set for lies ahead of the announcing, whatever its tense.
    if start > range.start + 1 && ctx.is(start - 1, "for") && PLANNED_NOUNS.contains(&ctx.lw(start - 2)) {
        return Cue {
            direction: Direction::Future,
            strong: true,
            distance: 2,
            word: ctx.lw(start - 2).to_string(),
            plan: true,
            why: format!("future cue `{} {}`", ctx.raw(start - 2), ctx.raw(start - 1)),
        };
    }
    // A fronted expression ("On Thursday, Earnest told reporters") is governed by the verb
    // after it.
    let fronted = start <= range.start + 1;
    // `near`: a weak cue this close counts as adjacent ("said Monday", "issued July 1"), but
    // not past a comma ("conclude by May, invited ...": the clause after the comma is another).
    // The direction of the cue at `k`, when there is one (and it is not skipped).
    let mut consider = |k: usize, dist: usize, near: bool| -> Option<Direction> {
        // "Talks resume in May, officials said": a reporting verb after the expression dates
        // the report, not what is reported ("told reporters on Thursday" is left of it).
        if k > start && dist > 1 && !fronted && maybe_listed(ctx.lw(k)) && REPORTING.contains(&ctx.lw(k)) {
            return None;
        }
        // "on Thursday agreed to quit": the act after the expression is what it dates.
        let act = k >= end && ctx.is(k + 1, "to") && maybe_listed(ctx.lw(k)) && PAST_ACTS.contains(&ctx.lw(k));
        let found = if act {
            Some((Direction::Past, true))
        } else {
            cue(ctx, k)
        };
        if let Some((d, strong)) = found {
            let key = |dist: usize, strong: bool, near: bool| {
                if strong || near && dist <= 2 {
                    dist
                } else {
                    dist + WEAK_PENALTY
                }
            };
            let better = match best {
                None => true,
                Some((bd, bdir, bstrong, bnear, _)) => {
                    let (a, b) = (key(dist, strong, near), key(bd, bstrong, bnear));
                    a < b || a == b && (d == Direction::Future && bdir == Direction::Past || strong && !bstrong)
                }
            };
            if better {
                best = Some((dist, d, strong, near, k));
            }
            return Some(d);
        }
        None
    };
    // Left, remembering the direction of the nearest cue.
    let mut nearest_left: Option<Direction> = None;
    let mut k = start;
    let mut dist = 0;
    while k > range.start && dist < WINDOW {
        k -= 1;
        dist += 1;
        if ctx.punct(k, ";") {
            break;
        }
        let d = consider(k, dist, true);
        nearest_left = nearest_left.or(d);
    }
    // A fronted expression is governed by the main verb, however far right it is: the first
    // verb cue after it ("In September, it announced plans to acquire ...": `announced`, not
    // the plan inside its object).
    let right_window = if fronted { usize::MAX } else { WINDOW };
    // With a verb on its left, the expression's clause ends at a subordinate clause's opener
    // ("were detained late Saturday as one of them prepared to board a flight"); after a past
    // verb, its verb phrase also ends at a coordinator ("notified Congress on June 4 and will
    // brief lawmakers": the `will` is the next one's; not after a plan: "planned a
    // demonstration on Saturday and were planning to ...").
    let ends_clause = |k: usize| {
        !fronted
            && (nearest_left.is_some() && ctx.any(k, &SUBORDINATORS)
                || nearest_left == Some(Direction::Past) && ctx.any(k, &["and", "but"]))
    };
    let mut k = end;
    let mut dist = 0;
    let mut near = true;
    while k < range.end && dist < right_window {
        if ctx.punct(k, ";") || ends_clause(k) {
            break;
        }
        near &= !ctx.punct(k, ",");
        dist += 1;
        if consider(k, dist, near).is_some() && fronted {
            break;
        }
        k += 1;
    }
    match best {
        Some((dist, d, strong, _, k)) => {
            // The verb after a fronted time is its main verb: as good as adjacent.
            let dist = if fronted && k >= end { 1 } else { dist };
            let what = match d {
                Direction::Past => "past",
                Direction::Future => "future",
                Direction::None => "no",
            };
            Cue {
                direction: d,
                strong,
                distance: dist,
                word: ctx.lw(k).to_string(),
                plan: ctx.is(k, "would"),
                why: format!("{what} cue `{}`", ctx.raw(k)),
            }
        }
        None => Cue {
            direction: Direction::None,
            strong: false,
            distance: 0,
            word: String::new(),
            plan: false,
            why: "no tense cue nearby".to_string(),
        },
    }
}
