//! Which events a timeline keeps: the flags `build` and `assemble` share.

/// `--about`/`--alias`, `--top`, `--min-sources`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Selection {
    /// An entity timeline: only the events this entity takes part in (its name, the aliases
    /// given with `--alias`, an acronym, a surname, and pronouns and descriptions that refer
    /// back to it).
    #[arg(long, value_name = "ENTITY")]
    pub about: Option<String>,
    /// Another name of the `--about` entity (repeatable): `--about "General Motors" --alias GM`.
    #[arg(long, value_name = "NAME", requires = "about")]
    pub alias: Vec<String>,
    /// Keep only the N most salient events (each event's `salience` in the YAML), in time order.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Keep only events told by at least K documents.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub min_sources: usize,
}

impl Selection {
    /// The `--about` entity with its aliases.
    pub fn entity(&self) -> Option<crate::focus::Entity> {
        self.about.as_deref().map(|a| crate::focus::Entity::new(a, &self.alias))
    }
}
