"""Whether an article is a news report or a piece of another kind, by what its outlet labelled it.

An opinion column and a wire report of one event are not two tellings of the same kind: the column
is meant to judge. The outlet says which it published, in the title ("Opinion: ..."), a tag, or the
address ("/opinion/"); the labels are data (``data/genre_labels.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rashomon.compare.tables import data_rows
from rashomon.model import Article


@dataclass(frozen=True)
class Genre:
    kind: str  # "opinion", "editorial", "analysis"
    label: str  # the outlet's own word for it
    where: str  # "title", "tag" or "address"


@dataclass(frozen=True)
class GenreLabels:
    kinds: dict[str, str]  # label (lower case) -> kind

    def kind_of(self, label: str) -> str | None:
        return self.kinds.get(" ".join(label.lower().split()))


def load_genre_labels() -> GenreLabels:
    return GenreLabels({label.lower(): kind for label, kind in data_rows("genre_labels.tsv")})


_TITLE_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z -]{1,24}?)\s*[:|\u2013\u2014]\s+\S")


def article_genre(article: Article, labels: GenreLabels) -> Genre | None:
    """The kind of piece the outlet says the article is, when it says it is not a plain report."""
    found = _TITLE_LABEL.match(article.title or "")
    if found and (kind := labels.kind_of(found.group(1))):
        return Genre(kind, found.group(1).strip(), "title")
    for tag in article.tags:
        if kind := labels.kind_of(tag):
            return Genre(kind, tag, "tag")
    if article.url:
        for folder in urlsplit(article.url).path.lower().split("/")[:-1]:
            if kind := labels.kind_of(folder.replace("-", " ").replace("_", " ")) or labels.kind_of(folder):
                return Genre(kind, folder, "address")
    return None
