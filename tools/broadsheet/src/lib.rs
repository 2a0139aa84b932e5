//! The `broadsheet` command's library: reading the content folder (`content`), the picture
//! pipeline (`pictures`), building the site (`site`), and importing WordPress and JSON Feed
//! content (`import`). The binary (`main.rs`, one module per subcommand in `cmd/`) only parses
//! arguments and prints.

pub mod config;
pub mod content;
pub mod import;
pub mod pictures;
pub mod site;
