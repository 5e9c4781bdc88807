"""Import TreatyDeck exports into a fresh Anki collection with Anki itself
(the `anki` package from PyPI) and check that every card arrived intact.

Usage: check_import.py CARDS.json DECK_NAME FILE.apkg FILE.txt

CARDS.json is `treatydeck export --format json` of the same deck: the
expected cards. Exits non-zero, with one line per problem, if anything is
missing or different. Prints a one-line summary on success.
"""

import html
import json
import os
import re
import sys
import tempfile

from anki.collection import Collection
from anki.import_export_pb2 import (
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

problems = []


def problem(msg):
    problems.append(msg)


def text(field):
    """An Anki field back to plain text (as TreatyDeck had it)."""
    return html.unescape(field.replace("<br>", "\n"))


def cloze_text(field):
    """A cloze field with its deletions shown as the answer."""
    return text(re.sub(r"\{\{c\d+::(.*?)(::[^}]*)?\}\}", r"\1", field))


def expected_tags(card):
    return {"treatydeck", "kind::" + card["kind"]}


def notes_in(col, deck):
    ids = col.find_notes(f'"deck:{deck}"')
    return [col.get_note(i) for i in ids]


def check_apkg(cards, deck, path):
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "apkg.anki2"))
        try:
            req = ImportAnkiPackageRequest(
                package_path=os.path.abspath(path),
                options=ImportAnkiPackageOptions(with_scheduling=False),
            )
            col.import_anki_package(req)
            notes = notes_in(col, deck)
            if len(notes) != len(cards):
                problem(f"apkg: {len(notes)} notes in deck {deck!r}, expected {len(cards)}")
            if col.card_count() != len(cards):
                problem(f"apkg: {col.card_count()} cards, expected {len(cards)}")
            by_guid = {n.guid: n for n in notes}
            kinds = {"basic": 0, "cloze": 0}
            for c in cards:
                n = by_guid.get("td-" + c["id"])
                if n is None:
                    problem(f"apkg: card {c['id']} missing (guid td-{c['id']})")
                    continue
                nt = n.note_type()
                names = [f["name"] for f in nt["flds"]]
                fields = dict(zip(names, n.fields))
                if "Front" in fields:
                    kinds["basic"] += 1
                    if text(fields["Front"]) != c["question"]:
                        problem(f"apkg: {c['id']} front {fields['Front']!r} != {c['question']!r}")
                    if text(fields["Back"]) != c["answer"]:
                        problem(f"apkg: {c['id']} back {fields['Back']!r} != {c['answer']!r}")
                elif "Text" in fields:
                    kinds["cloze"] += 1
                    want = c["cloze"].replace("___", c["answer"])
                    if cloze_text(fields["Text"]) != want:
                        problem(f"apkg: {c['id']} cloze {fields['Text']!r} != {want!r}")
                    if "{{c1::" not in fields["Text"]:
                        problem(f"apkg: {c['id']} cloze has no deletion")
                else:
                    problem(f"apkg: {c['id']} has unexpected fields {names}")
                    continue
                if text(fields.get("Source", "")) != c["sentence"]:
                    problem(f"apkg: {c['id']} source differs")
                if text(fields.get("Variants", "")) != "; ".join(c.get("accept", [])):
                    problem(f"apkg: {c['id']} variants differ")
                if set(n.tags) != expected_tags(c):
                    problem(f"apkg: {c['id']} tags {n.tags} != {sorted(expected_tags(c))}")
                for card in n.cards():
                    if col.decks.name(card.did) != deck:
                        problem(f"apkg: {c['id']} in deck {col.decks.name(card.did)!r}")
                    # Anki must be able to render it (templates and cloze valid).
                    if not card.question().strip():
                        problem(f"apkg: {c['id']} renders an empty question")
            return kinds
        finally:
            col.close()


def check_txt(cards, deck, path):
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "txt.anki2"))
        try:
            path = os.path.abspath(path)
            meta = col.get_csv_metadata(path, None)
            col.import_csv(ImportCsvRequest(path=path, metadata=meta))
            notes = notes_in(col, deck)
            if len(notes) != len(cards):
                problem(f"txt: {len(notes)} notes in deck {deck!r}, expected {len(cards)}")
            got = {}
            for n in notes:
                got.setdefault((text(n["Front"]), text(n["Back"])), []).append(n)
            for c in cards:
                key = (c["question"], c["answer"])
                matches = got.get(key)
                if not matches:
                    problem(f"txt: card {c['id']} ({c['question'][:40]!r}) missing or altered")
                    continue
                n = matches.pop()
                if set(n.tags) != expected_tags(c):
                    problem(f"txt: {c['id']} tags {n.tags} != {sorted(expected_tags(c))}")
        finally:
            col.close()


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    cards_path, deck, apkg, txt = sys.argv[1:]
    with open(cards_path, encoding="utf-8") as f:
        cards = json.load(f)["cards"]
    if not cards:
        sys.exit("no cards in " + cards_path)
    kinds = check_apkg(cards, deck, apkg)
    check_txt(cards, deck, txt)
    if problems:
        for p in problems[:40]:
            print(p)
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print(
        f"anki OK: {len(cards)} cards in deck {deck!r} "
        f"({kinds['basic']} basic, {kinds['cloze']} cloze) via .apkg and .txt"
    )


main()
