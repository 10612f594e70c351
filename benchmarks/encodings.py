"""How often legacy-encoded text is decoded right: consistency's detection against charset-normalizer alone.

Texts: STS-B multi-MT test sentences (de fr it pl pt; ../shared/data/stsb-multi-mt), joined into
documents of 1, 3 and 10 sentences, encoded in the code pages each language is still sent in.
Documents that are pure ASCII (valid UTF-8 anyway) or that the code page cannot encode are skipped.
A decoding counts as right only when it gives back the exact text. Random bytes measure refusals.

    python benchmarks/encodings.py [--data ../shared/data/stsb-multi-mt] [--docs 300]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

CODE_PAGES = {
    "de": ["cp1252", "latin-1", "iso8859_15", "mac_roman"],
    "fr": ["cp1252", "latin-1", "iso8859_15"],
    "it": ["cp1252", "latin-1"],
    "pt": ["cp1252", "latin-1"],
    "pl": ["cp1250", "iso8859_2"],
}
SIZES = (1, 3, 10)


def sentences(folder: Path, lang: str) -> list[str]:
    with open(folder / f"stsb-{lang}-test.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r["sentence1"] for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data" / "stsb-multi-mt"))
    ap.add_argument("--docs", type=int, default=300, help="documents per language, code page and size")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    from charset_normalizer import from_bytes

    from consistency.errors import InputError
    from consistency.readers.text import decode_bytes

    rng = random.Random(args.seed)
    folder = Path(args.data)
    print(f"{'lang':4} {'code page':10} {'sent':>4} {'docs':>5} {'ours':>7} {'refused':>7} {'c-n alone':>9} {'ms/doc':>7}")
    totals = {"docs": 0, "ours": 0, "cn": 0}
    for lang, pages in CODE_PAGES.items():
        pool = sentences(folder, lang)
        for page in pages:
            for size in SIZES:
                n = ours = refused = cn = 0
                elapsed = 0.0
                tries = 0
                while n < args.docs and tries < args.docs * 20:
                    tries += 1
                    text = " ".join(rng.sample(pool, size))
                    if text.isascii():
                        continue
                    try:
                        data = text.encode(page)
                    except UnicodeEncodeError:
                        continue
                    n += 1
                    t = time.perf_counter()
                    try:
                        ours += decode_bytes(data, "x.txt").text == text
                    except InputError:
                        refused += 1
                    elapsed += time.perf_counter() - t
                    best = from_bytes(data).best()
                    cn += best is not None and str(best) == text
                totals["docs"] += n
                totals["ours"] += ours
                totals["cn"] += cn
                print(f"{lang:4} {page:10} {size:4} {n:5} {ours / n:7.3f} {refused / n:7.3f} {cn / n:9.3f} "
                      f"{1000 * elapsed / n:7.1f}")
    print(f"all: {totals['docs']} documents, right: ours {totals['ours'] / totals['docs']:.3f}, "
          f"charset-normalizer alone {totals['cn'] / totals['docs']:.3f}")
    refused = 0
    trials = 300
    for _ in range(trials):
        data = bytes(rng.randrange(0x80, 0x100) for _ in range(rng.choice((40, 400, 4000))))
        try:
            decode_bytes(data, "x.txt")
        except InputError:
            refused += 1
    print(f"random high bytes: {refused}/{trials} refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
