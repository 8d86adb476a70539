//! Cross-document event merge (in progress).
