//! Links as TimeML `TLINK` elements, with the ids `timeml annotate` gives entities.
//!
//! | link                         | element                                                                       |
//! |------------------------------|-------------------------------------------------------------------------------|
//! | event 0 BEFORE DCT           | `<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />` |
//! | timex 2 INCLUDES event 4     | `<TLINK lid="l2" relType="INCLUDES" timeID="t3" relatedToEventInstance="ei5" />` |
//!
//! # Grammar
//!
//! Event `i` is `ei{i+1}`, timex `j` is `t{j+1}`, the DCT is `t0`; `lid`s count from `l1` in
//! link order.

use super::{Endpoint, Tlink};

/// The TLINK elements for `links`, one per line.
pub fn tlinks(links: &[Tlink]) -> String {
    let mut s = String::new();
    for (k, l) in links.iter().enumerate() {
        let from = match l.from {
            Endpoint::Event(i) => format!("eventInstanceID=\"ei{}\"", i + 1),
            Endpoint::Timex(i) => format!("timeID=\"t{}\"", i + 1),
            Endpoint::Dct => "timeID=\"t0\"".to_string(),
        };
        let to = match l.to {
            Endpoint::Event(i) => format!("relatedToEventInstance=\"ei{}\"", i + 1),
            Endpoint::Timex(i) => format!("relatedToTime=\"t{}\"", i + 1),
            Endpoint::Dct => "relatedToTime=\"t0\"".to_string(),
        };
        s.push_str(&format!(
            "<TLINK lid=\"l{}\" relType=\"{}\" {from} {to} />\n",
            k + 1,
            l.rel
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;
    use tempograph_core::relation::RelType;

    #[test]
    fn elements() {
        let l = |from, to, rel| Tlink {
            from,
            to,
            rel,
            distance: None,
            rule: "link/dct-model",
            evidence: Span::new(0, 0),
        };
        let s = tlinks(&[
            l(Endpoint::Event(0), Endpoint::Dct, RelType::Before),
            l(Endpoint::Timex(2), Endpoint::Event(4), RelType::Includes),
        ]);
        assert_eq!(
            s,
            "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\" />\n\
             <TLINK lid=\"l2\" relType=\"INCLUDES\" timeID=\"t3\" relatedToEventInstance=\"ei5\" />\n"
        );
    }
}
