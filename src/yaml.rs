//! The one gateway to the YAML crate.
//!
//! Every YAML read or write in tempograph (manifests, timelines) goes through this module,
//! so the choice of YAML library is made in one place and its errors are turned into
//! [`Error`]s with `path:line:column` once.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// Parse YAML text read from `path` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T> {
    serde_yaml::from_str(text).map_err(|e| convert(e, path))
}

/// Serialize `value` as YAML.
pub fn to_string<T: Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value).map_err(|e| Error::parse(None, "a value that YAML can represent", e.to_string()))
}

fn convert(e: serde_yaml::Error, path: &Path) -> Error {
    let (line, col) = match e.location() {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    // serde_yaml appends " at line L column C" to its message; the location is ours to print.
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    let (expected, found) = split_message(&msg);
    Error::parse_at(path, line, col, expected, found)
}

/// serde messages read "invalid type: string \"x\", expected a date" or
/// "missing field `published`"; turn them into expected/found.
fn split_message(msg: &str) -> (String, String) {
    if let Some((found, expected)) = msg.split_once(", expected ") {
        let found = found
            .trim_start_matches("invalid type: ")
            .trim_start_matches("invalid value: ")
            .to_string();
        return (expected.to_string(), found);
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (format!("field {rest}"), "no such field".to_string());
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        if let Some((field, exp)) = rest.split_once(", expected ") {
            return (exp.to_string(), format!("unknown field {field}"));
        }
    }
    ("valid YAML".to_string(), msg.to_string())
}
