//! Training on a tiny made-up treebank (feature `train`): the same seed gives the same
//! bytes, another seed may not; the model reads back; it learns its training trees; a
//! format-2 model converts to exactly what training writes now.
#![cfg(feature = "train")]

use tempograph_syntax::train::{self, Settings};
use tempograph_syntax::{conllu, Model};

const TREEBANK: &str = "\
# text = Sony canceled the film.
1\tSony\tSony\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\tcanceled\tcancel\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tfilm\tfilm\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Hackers attacked the studio on Monday.
1\tHackers\thacker\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tstudio\tstudio\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\t_
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tMonday\tMonday\tPROPN\tNNP\tNumber=Sing\t2\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = They don't stop.
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

fn treebank() -> Vec<conllu::Sentence> {
    // Repeat so that the counts pass the learners' thresholds.
    let s = conllu::parse(TREEBANK).unwrap();
    (0..30).flat_map(|_| s.clone()).collect()
}

fn settings(seed: u64) -> Settings {
    Settings {
        seed,
        tagger_epochs: 3,
        parser_epochs: 3,
        folds: 2,
        min_count: 1,
        stacked: true,
        ..Settings::default()
    }
}

#[test]
fn same_seed_same_bytes() {
    let data = treebank();
    let quiet = |_: String| {};
    let a = train::train("tiny", &data, &settings(7), &quiet).to_bytes();
    let b = train::train("tiny", &data, &settings(7), &quiet).to_bytes();
    assert_eq!(a, b);
    let m = Model::from_bytes(&a).unwrap();
    assert_eq!(m.to_bytes(), a, "read back and written again");
}

#[test]
fn learns_its_training_trees() {
    let data = treebank();
    let m = train::train("tiny", &data, &settings(1), &|_| {});
    let s = train::score(&m, &data[..3]);
    assert!(s.uas > 90.0 && s.upos > 90.0 && s.lemma > 90.0, "{s:?}");
    // The tokenizer learned the contraction and the final period from the treebank.
    let words: Vec<String> = m
        .parse_text("They don't stop.")
        .into_iter()
        .flat_map(|s| s.words.into_iter().map(|w| w.form))
        .collect();
    assert_eq!(words, ["They", "do", "n't", "stop", "."]);
}

/// The model `train::train("tiny", &treebank(), &settings(1), ..)` wrote in format 2 (the
/// code before format 3, commit fa362722).
const TINY_FORMAT2: &[u8] = include_bytes!("data/tiny-format2.bin");

#[test]
fn a_format2_model_converts_to_what_training_writes_now() {
    let old = Model::from_format2_bytes(TINY_FORMAT2).unwrap();
    let new = train::train("tiny", &treebank(), &settings(1), &|_| {});
    assert_eq!(old.to_bytes(), new.to_bytes(), "converted = retrained, byte for byte");
    let back = Model::from_bytes(&old.to_bytes()).unwrap();
    for s in treebank().iter().take(3) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(old.analyze(&forms), back.analyze(&forms));
        let text = s.text().unwrap();
        assert_eq!(old.parse_text(text), back.parse_text(text));
    }
    // Negatives: the runtime reader refuses format 2, the converter anything else.
    let e = Model::from_bytes(TINY_FORMAT2).unwrap_err();
    assert!(e.contains("format 2, this build reads 3"), "{e}");
    let e = Model::from_format2_bytes(&new.to_bytes()).unwrap_err();
    assert!(e.contains("format 3, expected format 2"), "{e}");
    for cut in [0, 11, 12, 40, TINY_FORMAT2.len() / 2, TINY_FORMAT2.len() - 1] {
        assert!(Model::from_format2_bytes(&TINY_FORMAT2[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn format3_smaller_than_format2_and_every_cut_is_an_error() {
    let bytes = train::train("tiny", &treebank(), &settings(1), &|_| {}).to_bytes();
    assert!(
        bytes.len() < TINY_FORMAT2.len(),
        "{} vs {}",
        bytes.len(),
        TINY_FORMAT2.len()
    );
    for cut in 0..bytes.len() {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // A body that unpacks but is damaged: one byte short, one byte too many.
    let m = Model::from_bytes(&bytes).unwrap();
    let body = m.body();
    let mut bad = body.clone();
    bad.truncate(body.len() - 1);
    assert!(read_body(&bad).unwrap_err().contains("truncated"));
    let mut long = body.clone();
    long.push(0);
    assert!(read_body(&long).unwrap_err().contains("trailing"));
    assert!(read_body(&body).is_ok());
}

/// Packs `body` as format 3 and reads it.
fn read_body(body: &[u8]) -> Result<Model, String> {
    let mut b = b"TGSYNTAX".to_vec();
    b.extend_from_slice(&3u32.to_le_bytes());
    b.extend_from_slice(&(body.len() as u64).to_le_bytes());
    b.extend_from_slice(&miniz_oxide::deflate::compress_to_vec_zlib(body, 6));
    Model::from_bytes(&b)
}
