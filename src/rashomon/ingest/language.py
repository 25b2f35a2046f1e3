"""A cheap check that a text is English, before spending a parse on it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# The most frequent English function words; running English prose has roughly
# a third to a half of its tokens among them, other languages almost none.
_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by at from he she they we you i"
    " be are were been has have had not but or this which will would his her their its"
    " an said says who an after about more than also into one two".split()
)
# The commonest function words of other languages written in Latin script. A text is refused
# as not English only when one of these outweighs English, so that English tables and lists
# ("Shr 34 cts vs 1.19 dlrs") with few function words still pass.
_OTHER_LANGUAGES = {
    "German": frozenset(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum".split()
    ),
    "French": frozenset(
        "le la les de des et est un une du en que qui dans pour pas au sur par il elle ce sont avec plus se ne ont aux été cette être".split()
    ),
    "Spanish": frozenset(
        "el la los las de del y es un una que en por con para no se su al lo como más pero sus le ya fue este ha sí porque esta entre cuando muy sin sobre".split()
    ),
    "Portuguese": frozenset(
        "o a os as de do da dos das e é um uma que em no na por com para não se seu sua ao mais como mas foi pelo pela".split()
    ),
    "Italian": frozenset(
        "il lo la i gli le di del della e è un una che in per con non si da al alla sono più anche come ma questo".split()
    ),
    "Dutch": frozenset(
        "de het een en van is dat op te in niet zijn voor met die aan er om ook als bij dan maar uit naar".split()
    ),
    "Turkish": frozenset(
        "ve bir bu da de için ile olarak daha çok en gibi ama olan kadar sonra ancak ise değil".split()
    ),
    "Indonesian": frozenset(
        "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada oleh adalah".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str, *, sample_words: int = 2000) -> float:
    """Share of the first ``sample_words`` words that are English function words."""
    words = _WORD.findall(text[: sample_words * 12])[:sample_words]
    if not words:
        return 0.0
    hits = sum(1 for word in words if word.lower() in _FUNCTION_WORDS)
    return hits / len(words)


def dominant_script(text: str) -> str:
    """Name of the writing system most letters belong to (LATIN, CYRILLIC, ARABIC...)."""
    scripts: Counter[str] = Counter()
    for char in text[:5000]:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts[name.split(" ")[0] if name else "UNKNOWN"] += 1
    return scripts.most_common(1)[0][0] if scripts else "NONE"


def other_language(text: str, *, sample_words: int = 2000) -> tuple[str, float] | None:
    """The Latin-script language whose function words outnumber English ones, with its share, or None."""
    words = [w.lower() for w in _WORD.findall(text[: sample_words * 12])[:sample_words]]
    if not words:
        return None
    english = sum(1 for word in words if word in _FUNCTION_WORDS) / len(words)
    scored = []
    for name, vocabulary in _OTHER_LANGUAGES.items():
        hits = [word for word in words if word in vocabulary]
        # A few stray words ("Del E. Webb") are not a language: require several distinct ones.
        if len(set(hits)) >= 4:
            scored.append((name, len(hits) / len(words)))
    best = max(scored, key=lambda pair: pair[1], default=None)
    return best if best is not None and best[1] > english and best[1] >= 0.12 else None
