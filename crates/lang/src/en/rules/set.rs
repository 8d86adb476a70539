//! Sets (recurring times).
//!
//! | rule                 | example                             | value          |
//! |----------------------|-------------------------------------|----------------|
//! | `set/adverb`         | `daily`, `quarterly`, `annually`    | `P1D`, `P3M`, `P1Y` |
//! | `set/every`          | `every Tuesday`, `each year`, `every other week` | `XXXX-WXX-2`, `P1Y`, `P2W` |
//! | `set/per-unit`       | `a year` in `$5 million a year`, `twice a month` | `P1Y`, `P1M` (freq `2X`) |
//! | `set/plural-weekday` | `on Sundays`                        | `XXXX-WXX-7`   |
//!
//! # Grammar
//!
//! `ADVERB`, `(every|each) [other|AMOUNT] (UNIT|WEEKDAY|MONTH|SEASON)`,
//! `[once|twice|N times] AMOUNT-CONTEXT (a|per) UNIT`,
//! `on WEEKDAYs`.

use super::{date::season_at, Cand, Ctx, Unit, Unres};
use crate::lang::engine::{unit_value, TimexType};

const S: TimexType = TimexType::Set;

pub fn rules(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    adverb(ctx, i, out);
    every(ctx, i, out);
    per_unit(ctx, i, out);
    plural_weekday(ctx, i, out);
}

fn adverb(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let v = match ctx.lw(i) {
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "biweekly" | "fortnightly" => "P2W",
        "monthly" => "P1M",
        "semiannually" | "biannually" => "P6M",
        "annually" | "yearly" => "P1Y",
        "hourly" => "PT1H",
        // Mostly an adjective ("its quarterly dividend", "quarterly and annual reports"):
        // a set only as an adverb, at the end of a clause or before a preposition.
        "quarterly" if ctx.is_word(i + 1) && !ctx.any(i + 1, AFTER_ADVERB) => return,
        "quarterly" => "P3M",
        _ => return,
    };
    // Titles: "Daily News", "Monthly Review".
    if ctx.cap(i) && i > 0 && !ctx.punct(i - 1, ".") && ctx.cap(i + 1) && ctx.is_word(i + 1) {
        return;
    }
    let mut c = Cand::new(i, i + 1, S, Unres::Fixed(v.into()), "set/adverb");
    c.quant = Some("EVERY");
    out.push(c);
}

/// Words after which `quarterly` is an adverb ("paid quarterly in arrears").
static AFTER_ADVERB: &[&str] = &[
    "in", "on", "at", "since", "from", "until", "through", "by", "to", "for", "with", "instead", "rather", "but",
    "while", "when", "as", "because",
];

fn every(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    if !ctx.any(i, &["every", "each"]) {
        return;
    }
    let mut j = i + 1;
    let mut n = 1u32;
    // "every few hours", "every several weeks": the count is unknown.
    let mut vague = false;
    if ctx.is(j, "other") {
        n = 2;
        j += 1;
    } else if let Some((a, k)) = ctx.amount(j) {
        match a {
            Some(a) if a >= 1.0 && a.fract() == 0.0 && !ctx.any(j, &["a", "an"]) => {
                n = a as u32;
                j = k;
            }
            None if ctx.unit(k).is_some_and(|(_, plural, _)| plural) => {
                vague = true;
                j = k;
            }
            _ => {}
        }
    }
    let mut c = if let Some((unit, _, e)) = ctx.unit(j) {
        let unit = if unit == Unit::Weekend { Unit::Week } else { unit };
        let v = if ctx.is(j, "weekend") {
            "XXXX-WXX-WE".to_string()
        } else if vague {
            match unit {
                Unit::Decade | Unit::Century | Unit::Millennium | Unit::Half => return,
                u => unit_value(u, 1).replace('1', "X"),
            }
        } else {
            unit_value(unit, n)
        };
        Cand::new(i, e, S, Unres::Fixed(v), "set/every")
    } else if let Some((d, e)) = ctx.weekday(j) {
        Cand::new(i, e, S, Unres::Fixed(format!("XXXX-WXX-{}", d + 1)), "set/every")
    } else if let Some(m) = ctx.month_full(j) {
        Cand::new(i, j + 1, S, Unres::Fixed(format!("XXXX-{m:02}")), "set/every")
    } else if let Some(s) = season_at(ctx, j) {
        Cand::new(i, j + 1, S, Unres::Fixed(format!("XXXX-{}", s.code())), "set/every")
    } else if ctx.is(j, "season") {
        Cand::new(i, j + 1, S, Unres::Fixed("P1Y".into()), "set/every")
    } else if let Some(p) = part_of_day(ctx.lw(j)) {
        Cand::new(i, j + 1, S, Unres::Fixed(format!("XXXX-XX-XXT{p}")), "set/every")
    } else {
        return;
    };
    c.quant = Some(if ctx.is(i, "each") { "EACH" } else { "EVERY" });
    out.push(c);
}

/// TIMEX3 part-of-day code of a word.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" => "NI",
        _ => return None,
    })
}

/// Token `j` (`a`/`per`) follows an amount, so `a year` is a rate: `$5 million a year`,
/// `twice a day`, `10 percent a year`, `three times a week`.
pub fn per_context(ctx: &Ctx, j: usize) -> bool {
    if j == 0 {
        return false;
    }
    let p = ctx.lw(j - 1);
    ctx.is_num(j - 1)
        || matches!(
            p,
            "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "hundred"
                | "percent"
                | "%"
                | "times"
                | "once"
                | "twice"
                | "thrice"
                | "dollars"
                | "cents"
                | "barrels"
                | "tons"
                | "pounds"
                | "hours"
                | "days"
                | "miles"
                | "people"
                | "units"
                | "cars"
                | "shares"
                | "meetings"
                | "visits"
                | "trips"
                | "flights"
                | "games"
        )
}

fn per_unit(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "twice a month", "three times a week": the count is in the extent and gives `freq`.
    let (j, freq) = match ctx.lw(i) {
        "once" => (i + 1, Some(1)),
        "twice" => (i + 1, Some(2)),
        "thrice" => (i + 1, Some(3)),
        _ => match ctx.lone_num(i).map(|(n, _)| (n, i + 1)).or_else(|| ctx.number_word(i)) {
            Some((n, e)) if n > 0 && ctx.is(e, "times") => (e + 1, Some(n)),
            _ => (i, None),
        },
    };
    if !ctx.any(j, &["a", "an", "per"]) || !per_context(ctx, j) {
        return;
    }
    let Some((unit, false, e)) = ctx.unit(j + 1) else {
        return;
    };
    if unit == Unit::Weekend {
        return;
    }
    let mut c = Cand::new(i, e, S, Unres::Fixed(unit_value(unit, 1)), "set/per-unit");
    c.freq = freq.map(|n| format!("{n}X"));
    out.push(c);
}

fn plural_weekday(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    // "Tuesday nights", "Sunday mornings"
    if let Some((d, j)) = ctx.weekday(i) {
        if ctx.cap(i) && ctx.lw(j).ends_with('s') {
            if let Some(p) = part_of_day(ctx.lw(j)) {
                let mut c = Cand::new(
                    i,
                    j + 1,
                    S,
                    Unres::Fixed(format!("XXXX-WXX-{}T{p}", d + 1)),
                    "set/plural-weekday",
                );
                c.quant = Some("EVERY");
                out.push(c);
                return;
            }
        }
    }
    let w = ctx.lw(i);
    let Some(stem) = w.strip_suffix('s') else { return };
    let Some(d) = super::lookup(
        &[
            ("monday", 1),
            ("tuesday", 2),
            ("wednesday", 3),
            ("thursday", 4),
            ("friday", 5),
            ("saturday", 6),
            ("sunday", 7),
        ],
        stem,
    ) else {
        return;
    };
    if !ctx.cap(i) || ctx.punct(i + 1, "'") {
        return;
    }
    let mut c = Cand::new(i, i + 1, S, Unres::Fixed(format!("XXXX-WXX-{d}")), "set/plural-weekday");
    c.quant = Some("EVERY");
    out.push(c);
}
