#!/usr/bin/env python3
"""Checks the JSON Schemas against the built articles and against a few broken documents.

Every article `broadsheet build` wrote (from content/) and the index must be valid; the broken
documents must be rejected; a block of a type this version does not know must be accepted (forward
compatibility). Dates are checked with format checking on (needs rfc3339-validator) as well as by
the schema's own pattern.

Usage: .build/venv/bin/python tests/schema_check.py [built articles folder…, default dist/articles]
Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "public"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((PUBLIC / "schema" / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors_of(validator: Draft202012Validator, document) -> list[str]:
    """Every error as "path: message", the path written as authors see it (e.g. body[1].src)."""
    out = []
    for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
        out.append(f"{path or '(top level)'}: {error.message}")
    return out


MINIMAL = {
    "format": 1,
    "slug": "a-post",
    "title": "A post",
    "published": "2020-08-26T12:00:00+03:00",
    "body": [{"type": "paragraph", "text": "Hello *world*."}],
}


def changed(change) -> dict:
    document = copy.deepcopy(MINIMAL)
    change(document)
    return document


# (name, document, None if it must be valid, else a text that one of its errors must contain)
ARTICLE_CASES = [
    ("minimal article is accepted", MINIMAL, None),
    ("missing title is rejected", changed(lambda d: d.pop("title")), "'title' is a required property"),
    ("blank title is rejected", changed(lambda d: d.update(title="   ")), "title:"),
    ("missing body is rejected", changed(lambda d: d.pop("body")), "'body' is a required property"),
    ("bad published date is rejected", changed(lambda d: d.update(published="26 August 2020")), "published:"),
    ("published without an offset is rejected", changed(lambda d: d.update(published="2020-08-26T12:00:00")), "published:"),
    ("impossible published date is rejected", changed(lambda d: d.update(published="2020-13-01T00:00:00Z")), "is not a 'date-time'"),
    ("slug with '/' is rejected", changed(lambda d: d.update(slug="posts/a-post")), "slug:"),
    ("slug with uppercase is rejected", changed(lambda d: d.update(slug="A-Post")), "slug:"),
    ("format 0 is rejected", changed(lambda d: d.update(format=0)), "format:"),
    ("figure without src is rejected",
     changed(lambda d: d["body"].append({"type": "figure", "alt": "no src"})), "body[1]: 'src' is a required"),
    ("figure with a javascript: src is rejected",
     changed(lambda d: d["body"].append({"type": "figure", "src": " JaVaScRiPt:alert(1)", "alt": "x"})), "body[1].src:"),
    ("srcset as a string is rejected",
     changed(lambda d: d["body"].append({"type": "figure", "src": "a.webp", "alt": "a", "srcset": "a.webp 480w"})),
     "body[1].srcset:"),
    ("paragraph without text is rejected", changed(lambda d: d["body"].append({"type": "paragraph"})), "body[1]: 'text' is a required"),
    ("heading level 1 is rejected",
     changed(lambda d: d["body"].append({"type": "heading", "level": 1, "text": "H"})), "body[1].level:"),
    ("list with a non-string item is rejected",
     changed(lambda d: d["body"].append({"type": "list", "items": ["one", 2]})), "body[1].items[1]:"),
    ("block without type is rejected", changed(lambda d: d["body"].append({"text": "what am I?"})), "body[1]: 'type' is a required"),
    ("unknown block type is accepted",
     changed(lambda d: d["body"].append({"type": "video", "src": "v.mp4", "poster": 3})), None),
    ("unknown fields are accepted",
     changed(lambda d: d.update(reading_time=4) or d["body"][0].update(style="drop-cap")), None),
    ("every block type is accepted", changed(lambda d: d.update(body=[
        {"type": "paragraph", "text": "P"},
        {"type": "heading", "level": 3, "text": "H"},
        {"type": "figure", "src": "images/a-480.webp", "alt": "A", "caption": "*C*", "credit": "X",
         "width": 480, "height": 320, "srcset": [{"src": "images/a-480.webp", "width": 480}],
         "sizes": "100vw"},
        {"type": "quote", "text": "Q", "cite": "Someone"},
        {"type": "list", "ordered": True, "items": ["one", "two"]},
        {"type": "code", "language": "rust", "text": "fn main() {}\n"},
    ])), None),
    ("translations are accepted", changed(lambda d: d.update(translations=[
        {"language": "zh-Hans", "slug": "a-post-zh", "title": "一篇文章"}, {"language": "ru", "slug": "a-post-ru"}])), None),
    ("a translation without a slug is rejected",
     changed(lambda d: d.update(translations=[{"language": "ru"}])), "translations[0]: 'slug' is a required"),
    ("a translation with a bad language tag is rejected",
     changed(lambda d: d.update(translations=[{"language": "Russian!", "slug": "a-ru"}])), "translations[0].language:"),
    ("a translation with a path for a slug is rejected",
     changed(lambda d: d.update(translations=[{"language": "ru", "slug": "../a-ru"}])), "translations[0].slug:"),
    ("code block without text is rejected",
     changed(lambda d: d["body"].append({"type": "code", "language": "sh"})), "body[1]: 'text' is a required"),
    ("relative, https and mailto URLs are accepted", changed(lambda d: d.update(
        authors=[{"name": "A", "url": "mailto:a@example.org"}, {"name": "B", "url": "https://b.example"}],
        lead_image={"src": "./images/javascript:x.webp", "alt": "relative"})), None),
]

INDEX_CASES = [
    ("index with a site language and entry languages is accepted",
     {"language": "zh-Hans", "articles": [{"slug": "x", "title": "X", "published": "2019-01-01T00:00:00Z", "language": "ru"}]}, None),
    ("index with a bad site language is rejected",
     {"language": "中文", "articles": []}, "language:"),
    ("index entry with '/' in its slug is rejected",
     {"articles": [{"slug": "../x", "title": "X", "published": "2019-01-01T00:00:00Z"}]}, "articles[0].slug:"),
    ("index entry without published is rejected", {"articles": [{"slug": "x", "title": "X"}]}, "'published' is a required"),
    ("index with featured as a string is rejected",
     {"articles": [{"slug": "x", "title": "X", "published": "2019-01-01T00:00:00Z", "featured": "yes"}]}, "articles[0].featured:"),
]


def main() -> int:
    article = validator("article-v1.schema.json")
    index = validator("index-v1.schema.json")
    results: list[bool] = []

    def report(ok: bool, name: str, detail: str | None = None) -> None:
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f" ({detail})" if detail else ""))

    # Without rfc3339-validator, jsonschema skips "format": "date-time" without a word.
    report("date-time" in Draft202012Validator.FORMAT_CHECKER.checkers, "date-time format checking is available")

    folders = [Path(arg) for arg in sys.argv[1:]] or [ROOT / "dist" / "articles"]
    for articles_dir in folders:
        index_path = articles_dir / "index.json"
        index_document = json.loads(index_path.read_text())
        errors = errors_of(index, index_document)
        report(not errors, f"{index_path} is valid", "; ".join(errors))

        listed = {entry.get("slug") for entry in index_document.get("articles", [])}
        built = [path for path in sorted(articles_dir.glob("*.json")) if path.name != "index.json"]
        report(len(built) > 0, f"{articles_dir} holds articles")
        for path in built:
            errors = errors_of(article, json.loads(path.read_text()))
            report(not errors, f"{path} is valid", "; ".join(errors))
            report(path.stem in listed, f"{path} is listed in the index")

    for schema, cases in ((article, ARTICLE_CASES), (index, INDEX_CASES)):
        for name, document, expected in cases:
            errors = errors_of(schema, document)
            if expected is None:
                report(not errors, name, "; ".join(errors))
            else:
                matching = [e for e in errors if expected in e]
                report(bool(matching), name, matching[0] if matching else f"no error containing {expected!r}: {errors}")

    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
