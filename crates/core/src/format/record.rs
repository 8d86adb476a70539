//! The extraction records of `tempograph extract` and `assemble` (`crates/pipeline/src/extract.rs`): the
//! names a record's values and `assemble --group-by` keys are spelled with.

/// The endpoint of a link record that is the document creation time (`"from": "dct"`).
pub const DCT: &str = "dct";
/// The field of a stream record that names its story (`--group-by story`).
pub const STORY: &str = "story";
/// The field of a stream record that lists the entities it names (`--group-by entities`).
pub const ENTITIES: &str = "entities";
/// [`ENTITIES`] with one entity (`--group-by entity` reads either).
pub const ENTITY: &str = "entity";
/// The field of a stream record with its title.
pub const TITLE: &str = "title";
/// The field of a stream record with its kind (`transcript`, `article`).
pub const KIND: &str = "kind";
/// The field of a stream record with its id (`{"id": "a1", ...}`), echoed in error lines.
pub const ID: &str = "id";
/// JSON's null: the id of an error line for a record without one.
pub const NULL: &str = "null";
