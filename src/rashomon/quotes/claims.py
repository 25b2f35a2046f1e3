"""Claims: check-worthy statements of fact, each with its source and its numbers.

A sentence is a claim when it states something checkable about named actors or numbers:
it names an entity or a quantity, reports rather than asks or exhorts, and is more than a
greeting. Its attribution is the speaker of the quote that carries it (a person, an
organisation, an unnamed source, another outlet, a tool such as an AI engine), else the
outlet itself. Quantities keep their bound ("over 300" is >= 300), their unit (the noun
counted) and the time expression that scopes them ("within the first five months of the year").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from rashomon.model import Attribution, Claim, DocEntity, Quantity, Quote, TimeExpression
from rashomon.timex.numbers import is_number_word, parse_number

_NUMBER_ENTITIES = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW"}
_MIN_WORDS = 6
# A number makes a short statement checkable: "Turnout reached 52 percent", police saying "14 people
# were detained".
_MIN_WORDS_WITH_A_NUMBER = 4
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_FUSED_SCALE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|m|k)$", re.I)  # "2bn", "5.3m": one token
_BOUNDS = (
    (re.compile(r"(?:more than|over|above|at least|exceeding|upwards of|in excess of|no fewer than|no less than)\s*$", re.I), ">="),
    (re.compile(r"(?:less than|fewer than|under|below|up to|at most|no more than|as many as)\s*$", re.I), "<="),
    (re.compile(r"(?:about|around|approximately|nearly|almost|some|roughly|close to|an estimated|estimated)\s*$", re.I), "~"),
    # "between 500 and 700 people": the first end is a least, the second a most.
    (re.compile(r"\bbetween\s*$", re.I), ">="),
    (re.compile(r"\bbetween\s+[\w.,-]+\s+and\s*$", re.I), "<="),
)  # fmt: skip
# A range the model tags as one number: "between 20 and 30".
_RANGE = re.compile(r"^between\s+\S+\s+and\s+\S", re.I)
_SCOPE_PREPOSITION = re.compile(r"(?:within|during|in|since|over|by|until|through|throughout|for)\s+$", re.I)
# Opinion and exhortation at the head of a clause: not statements of fact.
_OPINION_MODALS = {"should", "must", "ought", "shall"}
_TOOL_WORDS = re.compile(r"\b(?:AI|engine|chatbot|model|algorithm|bot|GPT|assistant|\.AI)\b", re.I)
_UNNAMED_HEADS = {
    "official", "source", "analyst", "expert", "diplomat", "observer", "resident", "witness", "people",
    "insider", "aide", "critic", "activist", "report", "reports", "media", "person", "officer", "some", "many",
    "others", "government", "authority", "authorities", "military", "police",
}  # fmt: skip
_OUTLET_WORDS = {"newspaper", "agency", "network", "channel", "outlet", "magazine", "paper", "broadcaster", "daily"}


@dataclass(frozen=True)
class OutletNames:
    """Names of news organisations, to tell "Reuters reported" from "the ministry said"."""

    names: frozenset[str]

    def is_outlet(self, text: str) -> bool:
        lowered = text.lower().removeprefix("the ").strip()
        return lowered in self.names or any(lowered.endswith(" " + word) for word in _OUTLET_WORDS)


def load_outlet_names() -> OutletNames:
    text = resources.files("rashomon.ingest.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            names.update(part.strip().lower() for part in parts if part.strip() and "." not in part)
    return OutletNames(frozenset(names))


def _value(token_text: str) -> float | None:
    cleaned = token_text.replace(",", "").lstrip("$€£¥").rstrip("%")
    try:
        return float(cleaned)
    except ValueError:
        parsed = parse_number(token_text)
        return float(parsed) if isinstance(parsed, int) else None


def _with_symbol_and_scale(span: Span) -> Span:
    """The span widened to a currency symbol just before it and a scale word just after it: the
    model often tags "$5.3m" as "5.3" alone."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].text in _CURRENCY and span.label_ in {"MONEY", "CARDINAL"}:
        start -= 1
    if end < len(doc) and doc[end - 1].like_num and doc[end].lower_ in _SCALE:
        # "m" and "k" only when written onto the number: "a 3 m wall" is three metres.
        if len(doc[end].text) > 2 or not doc[end - 1].whitespace_:
            end += 1
    return Span(doc, start, end, label=span.label_) if (start, end) != (span.start, span.end) else span


# Counts given only as a scale: "several thousand", "thousands of", "tens of thousands of". Each is
# at least twice its scale, which is all it says.
_VAGUE_COUNT = re.compile(
    r"^(?:(?:several|a few|a couple of|many)\s+(?P<scale>hundred|thousand|million|billion)"
    r"|(?P<tens>tens of )?(?P<hundreds>hundreds of )?(?P<plural>hundred|thousand|million|billion)s)$",
    re.IGNORECASE,
)
_SCALE_WORDS = {"hundred": 1e2} | {word: _SCALE[word] for word in ("thousand", "million", "billion")}


def _vague_count(span: Span) -> float | None:
    """The least value of a count given only as a scale ("several thousand" is at least 2,000)."""
    found = _VAGUE_COUNT.match(span.text.strip())
    if found is None:
        return None
    if found.group("scale"):
        return 2 * _SCALE_WORDS[found.group("scale").lower()]
    value = 2 * _SCALE_WORDS[found.group("plural").lower()]
    if found.group("tens"):
        value *= 10
    if found.group("hundreds"):
        value *= 100
    return value


def _quantity(span: Span, text: str, times: tuple[TimeExpression, ...], sentence: Span) -> Quantity | None:
    span = _with_symbol_and_scale(span)
    vague = _vague_count(span)
    if vague is not None:
        unit = _unit(span)
        scope = _scope(span, text, times, sentence)
        return Quantity(span.start_char, span.end_char, span.text, vague, ">=", unit, scope)
    tokens = [t for t in span if t.like_num or t.text[:1] in _CURRENCY or _FUSED_SCALE.match(t.text)]
    if not tokens:
        return None
    value = None
    read_to = tokens[0]  # the last word of the number itself; a scale word after it multiplies it
    spelled = _spelled_out(span, tokens[0])
    if spelled is not None:
        value, read_to = spelled[0], spelled[1][-1]
    for token in span if value is None else ():
        fused = _FUSED_SCALE.match(token.text)
        if fused:
            value = float(fused.group(1).replace(",", "")) * _SCALE[fused.group(2).lower()]
            break
        if token.like_num:
            value = _value(token.text)
            if value is not None:
                break
    if value is None:
        return None
    for token in span:
        if token.lower_ in _SCALE and token.i > read_to.i:
            value *= _SCALE[token.lower_]
    before = text[max(sentence.start_char, span.start_char - 30) : span.start_char]
    bound = "="
    lead = span.text.lower()
    for pattern, sign in _BOUNDS:
        if pattern.search(before) or pattern.search(lead.split(tokens[0].text.lower())[0]):
            bound = sign
            break
    unit = _unit(span)
    scope = _scope(span, text, times, sentence)
    start = span.start_char
    return Quantity(start, span.end_char, text[start : span.end_char], value, bound, unit, scope)


def _spelled_out(span: Span, first: Token) -> tuple[float, list[Token]] | None:
    """A count written in words, read whole: "Three hundred and ninety" is 390, not 3. Returns the
    value and its words; a scale after them ("two million") is left to the caller."""
    if not first.is_alpha:
        return None
    run: list[Token] = []
    for token in span[first.i - span.start :]:
        if not (is_number_word(token.text) or token.text == "-"):
            break  # "million" and the other scales are the caller's
        run.append(token)
    while run and run[-1].lower_ in {"and", "-"}:
        run.pop()
    if len(run) < 2:
        return None
    parsed = parse_number(" ".join(token.text for token in run))
    return (float(parsed), run) if isinstance(parsed, int) else None


# Nouns for a body of people that a bare count after "of" sizes: "a crew of 24", "a delegation of 12".
GROUP_NOUNS = frozenset("crew delegation contingent convoy family team squad".split())


def _unit(span: Span) -> str | None:
    if span.label_ == "PERCENT" or span.text.endswith("%"):
        return "percent"
    if _a_magnitude(span):
        return "magnitude"  # "A magnitude 6.8 earthquake" measures the quake; it counts no earthquakes
    if span.label_ == "MONEY" or span[0].text in _CURRENCY:
        symbol = next((_CURRENCY[t.text] for t in span if t.text in _CURRENCY), None)
        return symbol or next((t.lemma_ for t in span if t.pos_ == "NOUN" and t.lower_ not in _SCALE), "money")
    last = span[-1]
    # "Three hundred and ninety | servicemen" hangs from "hundred"; "between 20 and 30 people" from "20"
    conjoined = last.head if last.dep_ == "conj" and last.head.like_num else last
    for number in (last, span.root, conjoined):
        head = number.head
        if number.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ in {"NOUN", "PROPN"} and head.i > last.i:
            return head.text  # "300 airstrikes", "49-year lease"
    group = last.head.head if last.dep_ == "pobj" and last.head.lower_ == "of" else None
    if group is not None and group.lemma_.lower() in GROUP_NOUNS:
        return group.text  # "its crew of 24": 24 crew
    counted = [
        pobj for prep in last.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN"}
    ]  # fmt: skip
    if counted and last.lower_.rstrip("s") in _SCALE_WORDS:
        return counted[0].text  # "thousands of people"
    nouns = [t for t in span if t.pos_ == "NOUN"]
    return nouns[-1].text if nouns else None


def _a_magnitude(span: Span) -> bool:
    """ "magnitude 6.8", "a magnitude of 5.4", "a 7.1-magnitude quake", "6.2 on the Richter scale"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    return (
        before[-1:] == ["magnitude"]
        or before == ["magnitude", "of"]
        or after[:1] == ["magnitude"]
        or after[:2] == ["-", "magnitude"]
        or after == ["on", "the", "richter"]
        or any(t.lower_ in {"magnitude", "-magnitude"} for t in span)
    )


def _tree_distance(a: Token, b: Token) -> int:
    """Steps between two tokens through their lowest common ancestor in the parse."""
    path_a = [a, *a.ancestors]
    depth_b = {token.i: depth for depth, token in enumerate([b, *b.ancestors])}
    for depth, token in enumerate(path_a):
        if token.i in depth_b:
            return depth + depth_b[token.i]
    return len(path_a) + len(depth_b)


def _scope(span: Span, text: str, times: tuple[TimeExpression, ...], sentence: Span) -> str | None:
    """The time expression of the sentence closest to the number in the parse ("over 300
    airstrikes ... within the first five months of the year"), with its preposition. One that dates
    the publication of the count ("according to results published on Monday") or its report ("won
    52.3%, the commission said on Monday") scopes none."""
    candidates = [t for t in times if sentence.start_char <= t.start and t.end <= sentence.end_char]
    candidates = [t for t in candidates if not (t.start <= span.start_char < t.end)]
    if not candidates:
        return None
    doc = span.doc
    anchor = span.root
    scoping = []
    for time in candidates:
        time_span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if time_span is None:
            continue
        root = time_span.root
        if _dates_the_report(anchor, root) or _outside_relative_clause(anchor, root):
            continue
        scoping.append((_tree_distance(anchor, root), 0 if time.start > span.start_char else 1, time))
    if not scoping:
        return None
    nearest = min(scoping, key=lambda found: found[:2])[2]
    start = nearest.start
    found = _SCOPE_PREPOSITION.search(text[max(0, start - 12) : start])
    if found:
        start = max(0, start - 12) + found.start()
    return text[start : nearest.end]


def _outside_relative_clause(count: Token, time: Token) -> bool:
    """A count inside a relative clause is not timed from outside it: in "The boat, which had about 400
    people on board, capsized within 15 minutes", the minutes are the sinking's. A time of the noun
    the clause describes is its own ("the strike on Monday, which killed 20 people")."""
    clause = next((t for t in count.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    path: list[Token] = []
    for token in (time, *time.ancestors):
        path.append(token)
        if token.i in {clause.i, clause.head.i}:
            break
    else:
        return True
    if path[-1].i == clause.i:
        return False
    # Hung from the noun through a verb of its own ("capsized ... within 15 minutes") it is that verb's.
    return any(token.pos_ in {"VERB", "AUX"} for token in path[1:-1])


_PUBLISHING = frozenset("publish release issue announce report post compile update".split())


def _reported_below(clause_verb: Token, above: Token) -> bool:
    """A clause on the way from ``clause_verb`` up to ``above`` is the content of a report."""
    token = clause_verb
    while token.i != above.i and token.head.i != token.i:
        if token.dep_ in {"ccomp", "parataxis"}:
            return True
        token = token.head
    return False


def _dates_the_report(count: Token, time: Token) -> bool:
    """The time dates the report of the count ("the commission said on Monday") or the publication
    of what gives it ("results published on Monday"), not the count. Other participles share their
    time with it: "a shelling of the town on Saturday"."""
    counted = count.head if count.dep_ in {"nummod", "quantmod"} else count
    governors = {t.i for t in (count, *count.ancestors)}
    own_verb = next((t for t in count.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    for token in time.ancestors:
        if token.i in governors:
            # Hung from the verb that reports the count's clause, after it, it dates the report: "won
            # 52.3%, the commission said on Monday" (but "shelled the hospital on Wednesday, killing
            # 43"; and in "killed in Aleppo Saturday the observatory said" the parser errs).
            return (
                own_verb is not None and token.i != own_verb.i and time.i > token.i and _reported_below(own_verb, token)
            )
        if (
            token.dep_ == "acl"
            and token.lemma_.lower() in _PUBLISHING
            and not (counted.left_edge.i <= token.i <= counted.right_edge.i)
        ):
            return True
    return False


def _checkable(sentence: Span) -> bool:
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if len(words) < (_MIN_WORDS_WITH_A_NUMBER if _has_a_number(sentence) else _MIN_WORDS):
        return False
    stripped = sentence.text.strip()
    if stripped.endswith(("?", "!")) or stripped.endswith(":"):
        return False
    root = sentence.root
    if any(child.lower_ in _OPINION_MODALS for child in root.children if child.dep_ == "aux"):
        return False
    if root.pos_ not in {"VERB", "AUX"}:
        return False
    return any(t.ent_type_ in _NAMED or t.ent_type_ in _NUMBER_ENTITIES or _untagged_count(t) for t in sentence)


def _attribution(quote: Quote | None, entities: dict[str, DocEntity], outlets: OutletNames) -> Attribution:
    if quote is None or quote.speaker is None:
        return Attribution("self")
    speaker = quote.speaker
    words = speaker.text
    entity = entities.get(speaker.entity) if speaker.entity else None
    if _TOOL_WORDS.search(words):
        kind = "tool"
    elif outlets.is_outlet(words) or (entity is not None and outlets.is_outlet(entity.name)):
        kind = "outlet"
    elif entity is not None and entity.type == "PERSON":
        kind = "person"
    elif entity is not None:
        kind = "organisation"
    elif words.lower().split()[-1:] and words.lower().split()[-1].rstrip("s") in _UNNAMED_HEADS | {
        w.rstrip("s") for w in _UNNAMED_HEADS
    }:
        kind = "unnamed"
    elif words.lower() in {"he", "she", "i", "we", "they"}:
        kind = "person"
    else:
        kind = "unnamed"
    return Attribution(kind, words, entity.id if entity else None, entity.name if entity else None)


def _quote_for(sentence: Span, quotes: Iterable[Quote]) -> Quote | None:
    """The quote that carries most of the sentence, if any carries half of it."""
    best = None
    best_share = 0.0
    length = max(1, sentence.end_char - sentence.start_char)
    for quote in quotes:
        shared = min(quote.end, sentence.end_char) - max(quote.start, sentence.start_char)
        if shared > 0 and shared / length > best_share:
            best, best_share = quote, shared / length
    return best if best_share >= 0.4 else None


def find_claims(
    doc: Doc,
    entities: tuple[DocEntity, ...],
    quotes: tuple[Quote, ...],
    times: tuple[TimeExpression, ...],
    *,
    outlets: OutletNames,
) -> tuple[Claim, ...]:
    """Check-worthy sentences of the article with attribution and quantities, in text order."""
    text = doc.text
    by_id = {entity.id: entity for entity in entities}
    numbers = _number_spans(doc)  # once: every claim looks among them for its own
    claims = []
    # What a source is quoted as saying is a claim on that source's authority ...
    attributed = [q for q in quotes if q.speaker is not None and _checkable_quote(doc, q)]
    for quote in attributed:
        content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if content is None:
            continue
        claims.append(
            Claim(quote.start, quote.end, quote.text, _attribution(quote, by_id, outlets),
                  _quantities(content, numbers, text, times))
        )  # fmt: skip
    # ... and a checkable sentence no quote carries is the outlet's own.
    for sentence in doc.sents:
        if not _checkable(sentence) or _quote_for(sentence, quotes) is not None:
            continue
        if any(q.start < sentence.end_char and sentence.start_char < q.end for q in attributed):
            continue
        start, end = sentence.start_char, sentence.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        claims.append(
            Claim(start, end, text[start:end], Attribution("self"), _quantities(sentence, numbers, text, times))
        )
    return tuple(sorted(claims, key=lambda claim: claim.start))


def _quantities(
    span: Span, numbers: Sequence[Span], text: str, times: tuple[TimeExpression, ...]
) -> tuple[Quantity, ...]:
    found = []
    for ent in numbers:
        # "said between 20 and 30 people were killed": the parse hangs "between" from "said", outside
        # what was said, yet it is the number's own word.
        digits = next((t.idx for t in ent if t.like_num), ent.start_char)
        if ent.label_ in _NUMBER_ENTITIES and span.start_char <= digits and ent.end_char <= span.end_char:
            quantity = _quantity(ent, text, times, ent.sent)
            if quantity is not None:
                found.append(quantity)
            upper = _range_upper_end(ent)
            if upper is not None and (quantity := _quantity(upper, text, times, ent.sent)) is not None:
                found.append(quantity)
    return tuple(found)


# Labels under which the model files numbers that are not counts of things.
_NOT_COUNTS = {"DATE", "TIME", "ORDINAL"}


def _number_spans(doc: Doc) -> list[Span]:
    """The document's numbers: those the model tags as such, and counts written in digits that it
    tags as something else or not at all ("104 people had been rescued" came back as a PRODUCT)."""
    spans = [ent for ent in doc.ents if ent.label_ in _NUMBER_ENTITIES]
    spans += [Span(doc, token.i, token.i + 1, label="CARDINAL") for token in doc if _untagged_count(token)]
    return sorted(spans, key=lambda span: span.start)


def _range_upper_end(ent: Span) -> Span | None:
    """The second end of a range tagged as one number ("between 20 and 30"), as a span of its own."""
    if not _RANGE.match(ent.text):
        return None
    conjunction = next((t for t in ent if t.lower_ == "and"), None)
    if conjunction is None or conjunction.i + 1 >= ent.end:
        return None
    return Span(ent.doc, conjunction.i + 1, ent.end, label=ent.label_)


def _checkable_quote(doc: Doc, quote: Quote) -> bool:
    """A quoted statement worth checking: long enough, and about named actors or numbers."""
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if content is None:
        return False
    if _has_a_number(content):
        if len([t for t in content if t.is_alpha or t.like_num]) < _MIN_WORDS_WITH_A_NUMBER - 1:
            return False
    elif len([t for t in content if t.is_alpha]) < _MIN_WORDS - 1:
        return False
    if content.text.rstrip('\u201d" ').endswith("?"):
        return False
    return any(t.ent_type_ in _NAMED or t.ent_type_ in _NUMBER_ENTITIES or _untagged_count(t) for t in content)


def _has_a_number(span: Span) -> bool:
    return any((t.ent_type_ in _NUMBER_ENTITIES and t.like_num) or _untagged_count(t) for t in span)


def _untagged_count(token: Token) -> bool:
    """A count in digits that the model tagged as something else or not at all: "104 people had been
    rescued" came back as a PRODUCT, "So far 52 buildings had collapsed" as nothing."""
    return (
        token.dep_ == "nummod" and token.text[:1].isdigit() and token.like_num
        and token.ent_type_ not in _NUMBER_ENTITIES | _NOT_COUNTS
    )  # fmt: skip
