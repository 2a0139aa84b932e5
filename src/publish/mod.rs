//! What a published site says about its articles beyond the page body: the `<head>` (title,
//! description, canonical URL, Open Graph and Twitter cards, schema.org JSON-LD), the sitemap and
//! the feeds (Atom, JSON Feed 1.1). Pure Rust over the model, tested natively; the pre-renderer
//! writes them.

mod escape;
mod feeds;
mod head;

pub use escape::{escape_html, json_for_script, script_safe_json};
pub use feeds::{atom_feed, json_feed, sitemap};
pub use head::{head_html, json_ld, Site};
