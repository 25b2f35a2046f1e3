"""List every label the comparison reads from a description away from a name, for judging by hand.

    python scripts/description_labels.py STORE.db

For each article in the store: the person a description ("the Russian leader", "the ousted
dictator") was taken to name, the description, and the text around it. No gold names the person
behind a description in running news text; reading this list is how ``descriptor_labels`` was
checked (docs/EVALUATION.md, "Quotes", on labels).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rashomon.compare.framing import NamedPerson, descriptor_labels, load_label_words
from rashomon.entities.tables import load_entity_tables
from rashomon.store.sqlite import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    args = parser.parse_args()
    tables, label_words = load_entity_tables(), load_label_words()
    count = 0
    with Store.open(args.store) as store:
        for summary in store.articles():
            article = store.article(summary.id)
            if article is None:
                continue
            sentences = tuple((span.start, span.end) for span in store.article_sentences(article.id))
            roles = store.article_roles(article.id)
            people = [e for e in store.article_entities(article.id) if e.entity.type == "PERSON"]
            names = {e.entity.id: e.entity.name for e in people}
            rows = [
                NamedPerson(
                    e.entity.id,
                    e.entity.country,
                    tuple(roles.get(e.entity.id, [])),
                    tuple((m.start, m.end, m.sentence) for m in sorted(e.mentions, key=lambda m: m.start)),
                )
                for e in people
            ]
            found = descriptor_labels(article.text, rows, sentences, label_words, tables.country_of, article.id)
            for person, cited in found.items():
                for description in cited:
                    start, end = sentences[description.sentence]
                    around = article.text[max(start, description.start - 70) : min(end, description.end + 40)]
                    print(f"{article.id}  {names[person][:24]:24} | {description.text:28} | {' '.join(around.split())}")
                    count += 1
    print(f"{count} descriptions")


if __name__ == "__main__":
    main()
