//! The stable, documented way in: texts with publication dates in, a checked timeline out,
//! rendered in any format. Re-exported at the crate root. See: #17.

use chrono::NaiveDate;
use tempograph_core::error::{Error, Result};
use tempograph_render::{Format, Options, View};
use tempograph_timeline::document::{self, DctSource, Document};
use tempograph_timeline::{Report, Timeline};

/// Collects documents (texts with their publication dates) and builds a [`Timeline`] from
/// them: temporal expressions resolved against each document's date, events, relations,
/// the ordered and checked graph.
///
/// ```
/// let mut docs = tempograph::TimelineBuilder::new();
/// docs.add("a", "Hackers broke into the network on Monday.", "2014-12-17")?;
/// let timeline = docs.build()?;
/// assert!(!timeline.events.is_empty());
/// # Ok::<(), tempograph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct TimelineBuilder {
    docs: Vec<Document>,
    title: Option<String>,
}

impl TimelineBuilder {
    /// No documents yet.
    pub fn new() -> TimelineBuilder {
        TimelineBuilder::default()
    }

    /// Add a document: an id (unique among the documents; it names the document in the
    /// timeline's sources), its text, and its publication date as `YYYY-MM-DD`. Relative
    /// expressions ("Monday", "last year") are resolved against that date.
    ///
    /// An invalid date is an error that says what was expected; so is an id already added.
    pub fn add(&mut self, id: &str, text: &str, published: &str) -> Result<&mut TimelineBuilder> {
        let date = document::parse_dct(published)?;
        self.add_dated(id, text, date)
    }

    /// [`TimelineBuilder::add`] with the publication date as a [`chrono::NaiveDate`].
    pub fn add_dated(&mut self, id: &str, text: &str, published: NaiveDate) -> Result<&mut TimelineBuilder> {
        if self.docs.iter().any(|d| d.id == id) {
            return Err(Error::usage(format!("two documents have the id `{id}`")));
        }
        self.docs
            .push(Document::from_text(id, text, published, DctSource::Flag));
        Ok(self)
    }

    /// The timeline's title (default: the first document's id).
    pub fn title(&mut self, title: &str) -> &mut TimelineBuilder {
        self.title = Some(title.to_string());
        self
    }

    /// Build the timeline. Contradictions between what the texts say are not errors: they
    /// are recorded in [`Timeline::conflicts`] and reported by [`Timeline::check`]. Errors
    /// are for input that cannot be processed (no documents, a document past the limits).
    pub fn build(&self) -> Result<Timeline> {
        if self.docs.is_empty() {
            return Err(Error::usage("a timeline needs at least one document"));
        }
        let opts = tempograph_pipeline::pipeline::Options {
            title: self.title.clone().or_else(|| self.docs.first().map(|d| d.id.clone())),
            ..Default::default()
        };
        tempograph_pipeline::pipeline::build(&self.docs, &opts)
    }
}

/// Check a timeline's consistency: the same as [`Timeline::check`] and `tempograph check`.
/// [`Report::is_consistent`] says whether it has errors; its `Display` lists every finding.
pub fn check(t: &Timeline) -> Report {
    t.check()
}

/// Render a timeline as text in `format` (Mermaid, DOT, JSON, TimeML, TimelineJS, HTML); the
/// diagrams and the HTML page show the listed events, or the key events of a large timeline
/// ([`View::Auto`]). SVG and PNG need an external program: see the `tempograph` command.
pub fn render(t: &Timeline, format: Format) -> Result<String> {
    render_view(t, format, View::Auto)
}

/// [`render`] showing the events of `view`.
pub fn render_view(t: &Timeline, format: Format, view: View) -> Result<String> {
    tempograph_render::render_with(
        t,
        format,
        &Options {
            view,
            ..Options::default()
        },
    )
}
