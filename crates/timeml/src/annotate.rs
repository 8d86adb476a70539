//! `timeml annotate`: add system TIMEX3 tags to TimeML (or TempEval-3 `.TE3input`) files.
//!
//! | input                         | output           |
//! |-------------------------------|------------------|
//! | `DIR_IN/NAME.tml`             | `OUT/NAME.tml`   |
//! | `DIR_IN/NAME.tml.TE3input`    | `OUT/NAME.tml`   |
//!
//! The text inside `<TEXT>` is kept byte-identical; gold TIMEX3/EVENT/SIGNAL tags in the
//! input are dropped, and the DCT element in the header is kept as it was, so the output
//! can be scored with the TempEval-3 toolkit.

use super::{Annotation, TimemlDoc};
use crate::format::timeml as tml;
use crate::text::Analysis;
use crate::timex::{self, Timex};
use std::path::Path;
use tempograph_core::error::{Error, Result};

/// The output file name for an input path: `NAME.tml.TE3input` → `NAME.tml`.
pub fn output_name(input: &Path) -> String {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out.tml".into());
    match name.strip_suffix(".TE3input") {
        Some(base) => base.to_string(),
        None => name,
    }
}

/// The TIMEX3 annotations for `timexes`, numbered `t1`, `t2`, ... (`t0` is the DCT).
pub fn timex_annotations(timexes: &[Timex]) -> Vec<Annotation> {
    timexes
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let mut attrs = vec![
                (tml::TID.to_string(), format!("t{}", k + 1)),
                (tml::TYPE.to_string(), t.kind.as_str().to_string()),
                (tml::VALUE.to_string(), t.value.clone()),
            ];
            if let Some(m) = &t.modifier {
                attrs.push((tml::MOD.to_string(), m.clone()));
            }
            if let Some(q) = &t.quant {
                attrs.push((tml::QUANT.to_string(), q.clone()));
            }
            if let Some(f) = &t.freq {
                attrs.push((tml::FREQ.to_string(), f.clone()));
            }
            attrs.push((
                "temporalFunction".to_string(),
                (t.derivation.anchor != timex::AnchorKind::Absolute).to_string(),
            ));
            attrs.push(("functionInDocument".to_string(), "NONE".to_string()));
            Annotation {
                tag: "TIMEX3".to_string(),
                span: t.span,
                attrs,
            }
        })
        .collect()
}

/// The EVENT annotations for `events`, numbered `e1`, `e2`, ..., and the MAKEINSTANCE
/// elements (`ei1`, ... with tense, aspect, polarity, pos, modality) that follow `</TEXT>`.
pub fn event_annotations(events: &[crate::events::Event]) -> (Vec<Annotation>, String) {
    let mut anns = Vec::with_capacity(events.len());
    let mut tail = String::new();
    for (k, e) in events.iter().enumerate() {
        anns.push(Annotation {
            tag: "EVENT".to_string(),
            span: e.span,
            attrs: vec![
                (tml::EID.to_string(), format!("e{}", k + 1)),
                (tml::CLASS.to_string(), e.class.as_str().to_string()),
            ],
        });
        let modality = e
            .modality
            .as_deref()
            .map(|m| format!(" modality=\"{}\"", super::escape_attr(m)))
            .unwrap_or_default();
        tail.push_str(&format!(
            "<MAKEINSTANCE eventID=\"e{n}\" eiid=\"ei{n}\" tense=\"{}\" aspect=\"{}\" polarity=\"{}\" pos=\"{}\"{modality} />\n",
            e.tense,
            e.aspect,
            e.polarity,
            e.pos,
            n = k + 1
        ));
    }
    (anns, tail)
}

/// Tag a parsed TimeML document: the timexes found and the TimeML text to write (TIMEX3 and
/// EVENT tags in the text, MAKEINSTANCEs and TLINKs after it).
pub fn annotate(doc: &TimemlDoc) -> Result<(Vec<Timex>, String)> {
    let dct = doc.dct.ok_or_else(|| Error::missing_dct(&doc.path))?;
    let analysis = Analysis::new(&doc.text);
    let timexes = timex::tag(&doc.text, &analysis, dct);
    let mut anns = timex_annotations(&timexes);
    let events = crate::events::extract(&doc.text, &analysis, &timexes);
    let (event_anns, mut tail) = event_annotations(&events);
    anns.extend(event_anns);
    // TLINKs (relations helper): ids follow the numbering above (ei1.., t1.., DCT t0).
    tail.push_str(&crate::link::timeml::tlinks(&crate::link::tempeval(
        &doc.text, &analysis, dct, &timexes, &events,
    )));
    let out = super::write(doc, &anns, &tail);
    Ok((timexes, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(output_name(Path::new("a/APW1.tml.TE3input")), "APW1.tml");
        assert_eq!(output_name(Path::new("a/wsj_0001.tml")), "wsj_0001.tml");
    }

    #[test]
    fn text_is_kept_and_gold_dropped() {
        let src = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> it would grow next year.\n</TEXT>\n</TimeML>\n";
        let doc = super::super::parse(Path::new("x.tml"), src).unwrap();
        let (tx, out) = annotate(&doc).unwrap();
        assert_eq!(tx.len(), 2);
        let again = super::super::parse(Path::new("y.tml"), &out).unwrap();
        assert_eq!(again.text, doc.text);
        assert!(!out.contains("eid=\"e1\">said</EVENT>"), "gold EVENT kept: {out}");
        assert!(
            out.contains("<EVENT eid=\"e2\" class=\"OCCURRENCE\">grow</EVENT>"),
            "{out}"
        );
        assert!(out.contains("<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\" tense=\"NONE\" aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\" modality=\"would\" />"), "{out}");
        assert!(!out.contains("t9"));
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\""));
        assert!(out.contains("value=\"1999\""));
        assert!(out.contains("AT&amp;T"));
    }
}
