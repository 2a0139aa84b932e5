#!/usr/bin/env python3
"""Seeds an Isso server with comments through its REST API (stdlib only).

    .build/venv/bin/python scripts/isso_seed.py --url http://127.0.0.1:8081 \\
        --uri /posts/x --title "T" --count 1000 --reply-ratio 0.3

Posts COUNT comments on the thread URI (created with TITLE if new): a REPLY_RATIO share are
replies to a random earlier comment (Isso re-parents replies to replies onto the top-level
comment, so threads are two levels deep). Texts, authors and websites vary; the same --seed
gives the same comments. Prints what it made and how long it took. Exits non-zero on the first
refused request, with Isso's reason.

Isso's guard limits comments per client address (per minute, and top-level ones per thread),
and Isso 0.14 takes the client address from X-Forwarded-For whenever a request has one. So the
seeder spreads its comments over --addresses fake addresses (10.x.y.1, each its own /24), which
keeps large seeds under the guard of `scripts/isso.sh start` (1000 a minute per address), makes
author hashes vary, and lets --like-ratio add likes (Isso counts one vote per address and never
the author's own). With --addresses 0 everything comes from 127.0.0.1, so a seed of more than
1000 comments a minute then needs `scripts/isso.sh start --no-guard`.
"""

import argparse
import http.client
import json
import random
import sys
import time
import urllib.parse

WORDS = (
    "the news broadsheet article reader editor column print press story page headline "
    "source quote report issue council budget weather market policy review letter claim "
    "agree disagree point evidence context detail update correction thanks question answer"
).split()
AUTHORS = ["Ada", "Bram", "Chidi", "Dana", "Eun-ji", "Farah", "Gustav", "Hana", "Ines", "Jonas", None]


class Isso:
    def __init__(self, url, timeout=10.0):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            sys.exit(f"--url must be http://HOST:PORT, not {url!r}")
        self.host, self.port = parts.hostname, parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout

    def request(self, method, path, body=None, address=None):
        headers = {"Content-Type": "application/json"}
        if address:
            headers["X-Forwarded-For"] = address
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, self.prefix + path, json.dumps(body) if body is not None else None, headers)
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8", "replace")
        finally:
            conn.close()


def reason(body):
    """Isso's errors are werkzeug HTML pages; the reason is in the <p>."""
    start = body.find("<p>")
    text = body[start + 3 : body.find("</p>", start)] if start >= 0 else body.strip()
    return text if len(text) <= 200 else text[:200] + "..."


def sentence(rng):
    words = rng.choices(WORDS, k=rng.randint(4, 16))
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = "*" + rng.choice(WORDS) + "*"
    return " ".join(words).capitalize() + rng.choice(".!?")


def comment_text(rng, n):
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    return f"#{n}: " + "\n\n".join(paragraphs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:8081")
    ap.add_argument("--uri", required=True, help="thread id, e.g. /posts/x")
    ap.add_argument("--title", default="Seeded thread", help="thread title (used when the thread is new)")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--reply-ratio", type=float, default=0.3)
    ap.add_argument("--like-ratio", type=float, default=0.0, help="share of comments liked 1-5 times")
    ap.add_argument("--addresses", type=int, default=64, help="fake client addresses (X-Forwarded-For) to spread over; 0: none")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=300.0, help="give up after this many seconds")
    args = ap.parse_args()
    if not 0 <= args.reply_ratio <= 1 or not 0 <= args.like_ratio <= 1 or args.count < 0:
        ap.error("--count must be >= 0 and the ratios between 0 and 1")

    rng = random.Random(args.seed)
    isso = Isso(args.url)
    uri = urllib.parse.quote(args.uri, safe="/")
    address = (lambda i: f"10.{i // 256 % 256}.{i % 256}.1") if args.addresses > 0 else (lambda i: None)

    try:
        status, body = isso.request("GET", "/config")
    except OSError as e:
        status, body = e, ""
    if status != 200:
        sys.exit(f"GET {args.url}/config answered {status}: is Isso running? (scripts/isso.sh start)")

    ids, top, replies, pending, likes = [], 0, 0, 0, 0
    t0 = time.monotonic()
    for n in range(1, args.count + 1):
        if time.monotonic() - t0 > args.time_limit:
            sys.exit(f"stopped after {args.time_limit:.0f} s with {n - 1} comments posted")
        data = {"title": args.title, "text": comment_text(rng, n), "author": rng.choice(AUTHORS)}
        if rng.random() < 0.15:
            data["website"] = f"https://example.org/~{(data['author'] or 'anon').lower()}"
        if ids and rng.random() < args.reply_ratio:
            data["parent"] = rng.choice(ids)
        who = address(n % args.addresses) if args.addresses > 0 else None
        status, body = isso.request("POST", f"/new?uri={uri}", data, who)
        if status not in (201, 202):
            hint = " (the guard: more --addresses, or scripts/isso.sh start --no-guard)" if status == 403 else ""
            sys.exit(f"comment {n}: POST /new answered {status}: {reason(body)}{hint}")
        created = json.loads(body)
        ids.append(created["id"])
        pending += status == 202
        if created["parent"] is None:
            top += 1
        else:
            replies += 1
        if args.addresses > 0 and rng.random() < args.like_ratio:
            for k in range(rng.randint(1, 5)):
                voter = f"10.{200 + k}.{n % 256}.1"  # never an author address (10.0-199.x.x)
                status, body = isso.request("POST", f"/id/{created['id']}/like", None, voter)
                if status != 200:
                    sys.exit(f"like on {created['id']}: answered {status}: {reason(body)}")
                likes += "message" not in json.loads(body)
    elapsed = time.monotonic() - t0

    status, body = isso.request("POST", "/count", [args.uri])
    visible = json.loads(body)[0] if status == 200 else "?"
    print(
        f"seeded {args.uri}: {len(ids)} comments ({top} top-level, {replies} replies, {pending} awaiting moderation), "
        f"{likes} likes in {elapsed:.1f} s ({len(ids) / elapsed if elapsed else 0:.0f}/s); thread now counts {visible} published"
    )


if __name__ == "__main__":
    main()
