//! The `broadsheet` binary as a publisher runs it: exit status, messages, files.

mod common;

use std::process::{Command, Output};

use common::{fixture, jpeg, Site};

fn broadsheet(site: &Site, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).current_dir(site.dir.path()).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_lists_every_problem_and_fails_on_errors() {
    let site = Site::new();
    site.write("fine.md", "+++\ntitle = \"Fine\"\npublished = 2020-01-01\n+++\n\n![](https://example.org/a.jpg)\n");
    let clean = broadsheet(&site, &["check"]);
    assert!(clean.status.success(), "{}", text(&clean.stderr));
    assert!(text(&clean.stderr).contains("content/fine.md:6: warning: body figure.alt: no alt text"));
    assert!(text(&clean.stdout).contains("check: 1 articles, 0 comment threads in content: 0 errors, 1 warning"));
    let strict = broadsheet(&site, &["check", "--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1));

    site.write("broken.md", "+++\ntitle = \"Broken\"\npublished = 2020-02-30\n+++\n");
    let failed = broadsheet(&site, &["check"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(text(&failed.stderr).contains("content/broken.md:3: error: published: invalid date"), "{}", text(&failed.stderr));
    let build = broadsheet(&site, &["build", "--content-only"]);
    assert_eq!(build.status.code(), Some(1));
    assert!(text(&build.stderr).contains("nothing was built"));
}

#[test]
fn new_starts_an_article_that_checks_clean() {
    let site = Site::new();
    std::fs::write(site.dir.path().join("broadsheet.toml"), "language = \"ru\"\n").unwrap();
    let made = broadsheet(&site, &["new", "Über den Fluss: 2 Brücken!"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let path = site.content().join("uber-den-fluss-2-brucken.md");
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.starts_with("+++\ntitle = \"Über den Fluss: 2 Brücken!\"\nlanguage = \"ru\"\npublished = 20"), "{file}");
    let checked = broadsheet(&site, &["check", "--deny-warnings"]);
    assert!(checked.status.success(), "{}{}", text(&checked.stdout), text(&checked.stderr));
    let again = broadsheet(&site, &["new", "Über den Fluss: 2 Brücken!"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), file, "never overwritten");
}

#[test]
fn import_prints_what_each_post_could_not_carry_over() {
    let site = Site::new();
    let wxr = fixture("wordpress/theme-unit-test-data.xml");
    let out = broadsheet(&site, &["import", "wordpress", wxr.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("content/blocks-embeds.md (new): post 1738 (blocks-embeds)\n    not carried over: embed (twitter, kept as a link)"), "{stdout}");
    assert!(stdout.contains("import: 17 posts from"), "{stdout}");
    let again = broadsheet(&site, &["import", "wordpress", wxr.to_str().unwrap()]);
    assert!(text(&again.stdout).contains("(0 new, 0 updated, 17 unchanged)"), "{}", text(&again.stdout));
    let built = broadsheet(&site, &["build", "--content-only", "--timings"]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    assert!(text(&built.stdout).contains("build: 17 articles"));
}

#[test]
fn build_timings_report_each_picture_and_the_bytes() {
    let site = Site::new();
    site.picture("a.jpg", &jpeg(2000, 1500));
    site.write("a.md", "+++\ntitle = \"A\"\npublished = 2020-01-01\n+++\n\n![A](images/a.jpg)\n");
    let out = broadsheet(&site, &["build", "--content-only", "--timings"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("a.jpg") && stdout.contains("480/960/1600") && stdout.contains("1 pictures (1 processed, 0 from the cache)"), "{stdout}");
    assert!(stdout.contains("bytes before") && stdout.contains("processing time per picture"));
    let again = text(&broadsheet(&site, &["build", "--content-only", "--timings"]).stdout);
    assert!(again.contains("(0 processed, 1 from the cache)") && again.contains("(cached)"), "{again}");
}
