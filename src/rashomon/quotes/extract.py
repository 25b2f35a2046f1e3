"""Quotes in a parsed article: direct (in quotation marks), indirect and mixed.

Indirect speech and thought come from the parse: a cue verb ("said", "told", "believes",
"wants") and its clausal complement are the cue and the content, its subject the speaker;
a participle ("..., stating that ...") takes the subject of the verb it hangs from;
"according to X, ..." makes X the speaker of the rest of the clause. A quotation that a cue
governs is that cue's content; one no cue governs takes the cue in its own sentence or
right around it, else the speaker of the quotation just before it (a quote continued in the
next sentence or paragraph). Short quoted phrases with no cue are scare quotes, not quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span, Token

from rashomon.brackets import open_bracket, without_trailing_aside
from rashomon.entities.gender import GenderCues, load_gender_cues, person_sexes
from rashomon.entities.tables import load_title_words
from rashomon.model import DocEntity, Quote, Speaker, TextSpan
from rashomon.mood import plain_form_complement
from rashomon.quotation_marks import QuotedSpan, quoted_spans
from rashomon.quotes.speakers import continue_speakers, fallback_name, name_taken_for_a_noun, resolve_speaker

_SUBJECTS = {"nsubj", "nsubjpass"}
_SOURCE_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
_SPEAKER_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "who"}
_LONGEST_SPEAKER = 14
_DATE_OR_TIME = re.compile(r"\d+(?:[./:-]\d+)+")
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ive")
# A participle or coordinated verb borrows the subject of the verb it hangs from.
_BORROWS_SUBJECT = {"advcl", "xcomp", "conj", "pcomp"}
_RELATIVE = {"who", "that", "which", "whom"}
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "we", "i", "you"}
_SCARE_QUOTE_WORDS = 4
_LEADING_JUNK = " ,:;\u2014-\u2013\"\u201c\u201d\u2018\u2019'"
_TRAILING_JUNK = " ,:;.\u2014-\u2013\"\u201c\u201d\u2018\u2019'"


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str  # speech, thought, intention, report
    takes: frozenset[str]  # "c" clause, "x" infinitive, "q" direct quote, "o" object, "p" prepositional object
    prepositions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CueTable:
    cues: dict[str, Cue]
    source_nouns: frozenset[str] = frozenset()
    # "ambassador" -> True (an office), "diplomat" -> False: what "the ambassador said" may stand for.
    person_nouns: dict[str, bool] = field(default_factory=dict)
    # "OPINION", "WATCH": labels that open a line with a colon and are no speaker.
    section_labels: frozenset[str] = frozenset()
    # Honorifics, titles and given names that tell "he" from "she".
    gender_cues: GenderCues = field(default_factory=GenderCues)
    # "condition", "television": after "spoke on", how someone spoke, not what about.
    manners: frozenset[str] = frozenset()
    # Words of titles ("foreign", "prime", "defence"): "the foreign minister" is not the prime minister.
    office_words: frozenset[str] = frozenset()

    def can_speak(self, speaker: Span | None) -> bool:
        """Whether a subject can be a source: a name, a pronoun, or a noun like "officials"
        or "a new poll" -- not "the visit highlighted" or "the meeting signals"."""
        if speaker is None:
            return False
        root = speaker.root
        name_parts = [root, *(c for c in root.children if c.dep_ in {"compound", "flat"})]
        if any(token.ent_type_ in _SOURCE_ENTITIES for token in name_parts):
            return True
        lemma = root.lemma_.lower()
        if _DATE_OR_TIME.fullmatch(root.text):
            return False  # a date does not speak
        # The word as written too: the tagger lemmatises "media" to "medium".
        if (
            root.pos_ in {"PROPN", "NUM"} or lemma in self.source_nouns or root.lower_ in self.source_nouns
            or name_taken_for_a_noun(root)
        ):  # fmt: skip
            return True
        if root.lower_ in _RELATIVE and root.head.dep_ == "relcl":
            return self.can_speak(root.doc[root.head.head.left_edge.i : root.head.head.i + 1])
        if root.pos_ == "PRON":
            # "you can find our coverage here", "did you know": the reader, never a source.
            return root.lower_ not in {"that", "this", "which", "what", "you"}
        # Agent nouns name people and bodies: attorney, regulator, proponent, environmentalist.
        return root.pos_ == "NOUN" and lemma.endswith(_AGENT_SUFFIXES)

    def get(self, token: Token) -> Cue | None:
        if token.pos_ not in {"VERB", "AUX"}:
            return None
        return self.cues.get(token.lemma_.lower())


def load_cues() -> CueTable:
    text = resources.files("rashomon.quotes.data").joinpath("cues.tsv").read_text(encoding="utf-8")
    cues = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, takes, *rest = line.split("\t")
        cues[lemma] = Cue(lemma, kind, frozenset(takes), frozenset(rest[0].split("|")) if rest else frozenset())
    nouns = resources.files("rashomon.quotes.data").joinpath("source_nouns.txt").read_text(encoding="utf-8")
    sources = frozenset(w.strip() for w in nouns.splitlines() if w.strip() and not w.startswith("#"))
    people = resources.files("rashomon.quotes.data").joinpath("person_nouns.tsv").read_text(encoding="utf-8")
    person_nouns = {
        noun: kind.strip() == "office"
        for noun, kind in (
            line.split("\t") for line in people.splitlines() if line.strip() and not line.startswith("#")
        )
    }
    labels = resources.files("rashomon.quotes.data").joinpath("section_labels.txt").read_text(encoding="utf-8")
    section_labels = frozenset(w.strip() for w in labels.splitlines() if w.strip() and not w.startswith("#"))
    manners = resources.files("rashomon.quotes.data").joinpath("manners_of_speaking.txt").read_text(encoding="utf-8")
    manner_words = frozenset(w.strip() for w in manners.splitlines() if w.strip() and not w.startswith("#"))
    return CueTable(cues, sources, person_nouns, section_labels, load_gender_cues(), manner_words, load_title_words())


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: Span | None
    # A quotation in pieces around its cue ("A," she said. "B."): the pieces, else just the span.
    parts: tuple[tuple[int, int], ...] = ()


def _subject(verb: Token) -> Span | None:
    """The subject of ``verb``, or of the verb it depends on ("..., stating that")."""
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        agent = _agent(token) if token.i == verb.i else None  # "was told by officials"
        if agent is not None:
            return agent
        for child in token.children:
            if child.dep_ in _SUBJECTS and not _DATE_OR_TIME.fullmatch(child.text):  # "(08.02.2017) A report says"
                return _phrase(child)  # "who" in "a doctor who says": the speakers module resolves it
        if token.dep_ == "acl" and token.head.head.i != token.head.i:
            token = token.head.head  # "an effort ..., stating": the subject of the verb the noun hangs from
            continue
        if token.dep_ in _BORROWS_SUBJECT and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "relcl" and token.head.i != token.i:  # "Peskov, who said ..."
            return _phrase(token.head)
        return None
    return None


def _agent(verb: Token) -> Span | None:
    """Who does what a passive verb says: "by officials"."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0])
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children)


def _introduces_speech(verb: Token, cues: CueTable) -> bool:
    """Whether the verb's infinitive is itself speech: "is expected to say", "was due to announce"."""
    return any(
        child.dep_ == "xcomp" and (cue := cues.get(child)) is not None and cue.kind == "speech"
        for child in verb.children
    )


def _person_before(cue: Token, entities: tuple[DocEntity, ...]) -> Span | None:
    """The last person the cue's sentence names before the cue (the article's entities, which
    include names the model missed)."""
    sentence = cue.sent
    mentions = [
        (m.start, m.end) for e in entities if e.type == "PERSON" for m in e.mentions
        if sentence.start_char <= m.start and m.end <= cue.idx
    ]  # fmt: skip
    if not mentions:
        return None
    start, end = max(mentions)
    return cue.doc.char_span(start, end, alignment_mode="expand")


def _phrase(head: Token) -> Span:
    """The noun phrase of ``head`` without relative clauses, appositions or trailing punctuation."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in _ENDS_A_NAME:
            break
        right = _right_edge_of_name(child)
    for index in range(head.i - 1, left - 1, -1):  # never across a paragraph break (datelines, headers)
        if "\n" in doc[index].text_with_ws:
            left = index + 1
            break
    kept = without_trailing_aside(list(doc[left : right + 1]))
    right = left + len(kept) - 1 if kept else left
    while right > left and doc[right].is_punct and open_bracket(list(doc[left : right + 1])) is None:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    if right - left >= _LONGEST_SPEAKER and not _of_a_named_body(doc[head.i + 1 : right + 1]):
        # a clause, not a name: keep the head and its name parts
        left = min([c.i for c in head.lefts if c.dep_ in {"compound", "amod", "det", "poss"}] + [head.i])
        right = head.i
    return doc[left : right + 1]


# "case" is the "'s" of a possessor named as the speaker ("according to the coast guard's estimate").
_ENDS_A_NAME = frozenset({"relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "case"})


def _right_edge_of_name(token: Token) -> int:
    """The last token of ``token``'s phrase before a clause that describes a word inside it: "the
    Coalition for Change, which came second" hangs the clause on "Change"."""
    right = token.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl", "advcl"} or child.text == ",":
            break
        right = _right_edge_of_name(child)
    return right


# Words inside a long name: "Organization for Security and Co-operation in Europe".
_NAME_LINKS = frozenset({"the", "of", "for", "and", "in", "on"})


def _of_a_named_body(tail: Span) -> bool:
    """ "from the Organization for Security and Co-operation in Europe (OSCE)": a preposition and a
    long name, which is what says who the speaker is."""
    if len(tail) < 2 or tail[0].dep_ != "prep":
        return False
    rest = [t for t in tail[1:] if not (t.lower_ in _NAME_LINKS or t.text in "()")]
    return bool(rest) and all(t.ent_type_ in {"ORG", "GPE", "NORP", "FAC", "LOC"} for t in rest)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _LEADING_JUNK or text[start].isspace()):
        start += 1
    paragraph_end = text.find("\n\n", start, end)
    if paragraph_end != -1 and not _quoted_on(text, start, paragraph_end):
        end = paragraph_end  # indirect speech ends with its paragraph
    while end > start and (text[end - 1] in _TRAILING_JUNK or text[end - 1].isspace() or text[end - 1] == "_"):
        end -= 1
    return start, end


def _quoted_on(text: str, start: int, end: int) -> bool:
    """Whether a quotation is still open at ``end`` (so the quote continues past the paragraph)."""
    piece = text[start:end]
    return piece.count("\u201c") > piece.count("\u201d") or piece.count('"') % 2 == 1


# What is said of an object comes after it: "described it as a hoax", "accused European leaders of
# sabotaging peace efforts", "criticised Moscow for the strikes", "slammed the court over its ruling".
_ALONG_WITH_THE_OBJECT = frozenset({"as", "of", "for", "over"})
_NUMBER_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _at_a_number(child: Token) -> bool:
    """ "estimated the crowd at around 140,000": the value put on the object is part of what is said."""
    return child.lower_ == "at" and any(
        c.dep_ == "pobj" and (c.tag_ == "CD" or c.ent_type_ in _NUMBER_ENTITIES) for c in child.children
    )


def _complement(verb: Token, cue: Cue, cues: CueTable) -> tuple[int, int] | None:
    """Token range ``[first, last]`` of what the cue attributes: a clause, an infinitive, an
    object ("cited the remarks", "called him a liar") or a prepositional object ("complained
    about the microphone")."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and "c" in cue.takes:
            first, last = _subtree_beside(child, verb)
            return first, _before_the_speakers_next_act(child, last, cues)
    for child in children:
        if child.dep_ == "xcomp" and "x" in cue.takes and child.pos_ in {"VERB", "AUX"}:
            first, last = _subtree_beside(child, verb)
            # "urged Washington to follow", "called on the organisers to condemn the violence": whom
            # the cue asks belongs to what it asks
            addressed = [
                c for c in children
                if verb.i < c.i < child.i and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on"))
            ]  # fmt: skip
            if addressed and addressed[0].dep_ == "prep":
                objects = [c for c in addressed[0].children if c.dep_ == "pobj"]
                return (objects[0].left_edge.i if objects else first), last
            return (addressed[0].left_edge.i if addressed else first), last
    if "c" in cue.takes:
        for child in children:  # "he said in a statement: the talks failed" parses as parataxis
            if child.dep_ == "parataxis" and child.pos_ in {"VERB", "AUX"} and child.i > verb.i:
                return _subtree_beside(child, verb)
    if "o" in cue.takes or "v" in cue.takes:
        # What was said, not to whom: "cited the remarks", not "told reporters" or "attacked her".
        objects = [
            c for c in children
            if c.dep_ in {"dobj", "attr"} and c.i > verb.i and c.pos_ != "PRON" and c.ent_type_ not in {"PERSON", "NORP"}
        ]  # fmt: skip
        if objects:
            first, last = _subtree_beside(objects[0], verb)
            valued = False
            for child in children:  # "called him a liar", "described it as a hoax"
                if child.i > last and child.dep_ in {"oprd", "xcomp", "ccomp"}:
                    last = child.right_edge.i
                elif child.i > last and child.dep_ == "prep" and child.lower_ in _ALONG_WITH_THE_OBJECT:
                    last = child.right_edge.i
                elif child.i > last and child.dep_ == "prep" and _at_a_number(child):
                    last, valued = child.right_edge.i, True
            if "o" in cue.takes or valued:  # "v": only an object valued at a number ("put the toll at 40")
                return first, last
    if "p" in cue.takes:
        for child in children:
            if child.dep_ in {"prep", "prt"} and child.lower_ in cue.prepositions and child.i > verb.i:
                objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
                if objects and not (child.lower_ == "on" and _manner_of_speaking(objects[0], cues)):
                    return objects[0].left_edge.i, objects[0].right_edge.i
    return None


def _demanded(verb: Token) -> bool:
    """ "demanding that President Vucic call early elections": what someone wants done, not what was said."""
    return plain_form_complement(verb) and any(c.dep_ == "nsubj" for c in verb.children)


def _manner_of_speaking(head: Token, cues: CueTable) -> bool:
    """ "speaking on condition of anonymity", "spoke on state television", "speak on 11 March":
    how or when someone spoke, not what about (which "on" also introduces: "spoke on the crisis")."""
    return head.ent_type_ in {"DATE", "TIME"} or head.lemma_.lower() in cues.manners or head.lower_ in cues.manners


def _before_the_speakers_next_act(content: Token, last: int, cues: CueTable) -> int:
    """ "Vucic said there would be no early elections and called on the organisers ...": the parser
    hangs the speaker's next cue on the reported clause. A cue coordinated with the clause's verb,
    with no subject of its own, ends what is reported when the clause's subject cannot speak."""
    subject = next((c for c in content.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and cues.can_speak(_phrase(subject)):
        return last
    for conj in content.children:
        if conj.dep_ != "conj" or conj.i <= content.i or cues.get(conj) is None:
            continue
        if any(c.dep_ in _SUBJECTS for c in conj.children):
            continue
        joints = [c.i for c in content.children if c.dep_ in {"cc", "punct"} and c.i < conj.i]
        return min(last, (joints[-1] if joints else conj.i) - 1)
    return last


def _subtree_beside(child: Token, verb: Token) -> tuple[int, int]:
    left, right = child.left_edge.i, child.right_edge.i
    if child.i > verb.i:
        left = max(left, verb.i + 1)
    else:
        right = min(right, verb.i - 1)
    return left, right


def _trailing_cue(verb: Token) -> tuple[int, int] | None:
    """Tokens before ", SOURCE said" when a sentence ends with its cue."""
    sentence = verb.sent
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    subject_left = verb.i if subject is None or subject.i > verb.i else subject.left_edge.i
    comma = subject_left - 1
    if comma <= sentence.start or verb.doc[comma].text not in {",", "\u2014", "--"}:
        return None
    rest = [t for t in verb.doc[verb.i + 1 : sentence.end] if not t.is_punct]
    if len(rest) > 8:  # not the end of the sentence
        return None
    return sentence.start, comma - 1


def _source_hung_as_apposition(verb: Token) -> Span | None:
    """The source of a sentence-final cue that the parser hung on the last noun before it: in "The
    exchange took place on the border with Belarus, Ukraine's headquarters for prisoners of war said."
    the headquarters is an apposition of Belarus and "said" has no subject."""
    if any(child.dep_ in _SUBJECTS for child in verb.children) or verb.i == verb.sent.start:
        return None
    node = verb.doc[verb.i - 1]
    while node.dep_ != "appos" and node.head.i != node.i and node.head.i < verb.i:
        node = node.head
    comma = node.left_edge.i - 1
    if node.dep_ != "appos" or node.right_edge.i != verb.i - 1 or comma <= verb.sent.start:
        return None
    return verb.doc[node.left_edge.i : verb.i] if verb.doc[comma].text == "," else None


def _interposed(verb: Token) -> tuple[int, int] | None:
    """ "X, he said, Y" and "X, he said.": the cue hangs off the clause it reports."""
    if verb.dep_ != "parataxis" and not (verb.dep_ == "ROOT" and verb.i > verb.sent.start + 2):
        return None
    sentence = verb.sent
    if verb.dep_ == "ROOT":
        before = [t for t in sentence if t.i < verb.i and t.dep_ in {"ccomp", "parataxis"} and t.head.i == verb.i]
        if not before:
            return None
        return before[0].left_edge.i, sentence.end - 1
    return sentence.start, sentence.end - 1


def _overlapping(spans: list[QuotedSpan], start: int, end: int) -> list[QuotedSpan]:
    return [q for q in spans if q.start < end and start < q.end]


def _after_a_name_between_commas(doc: Doc, at: int, limit: int) -> int:
    """Where the content starts when "According to the UN envoy, Nickolay Mladenov, the law ...": past
    the name that follows the description (the speakers module makes it the speaker); else ``at``."""
    if at >= limit or doc[at].text != ",":
        return at
    end = at + 1
    while end < limit and doc[end].pos_ == "PROPN":
        end += 1
    return end + 1 if end > at + 1 and end < limit and doc[end].text == "," else at


def _according_to(doc: Doc) -> list[_Draft]:
    drafts = []
    for token in doc:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            continue
        clause = token.head
        sentence = token.sent
        phrase_start, phrase_end = token.left_edge.i, token.right_edge.i
        if phrase_start == sentence.start:  # "According to X, CONTENT."
            left, right = _after_a_name_between_commas(doc, phrase_end + 1, sentence.end), sentence.end - 1
        elif phrase_end >= sentence.end - 2:  # "CONTENT, according to X."
            left, right = sentence.start, phrase_start - 1
        else:
            left, right = clause.left_edge.i, clause.right_edge.i
        if right <= left:
            continue
        start, end = doc[left].idx, doc[right].idx + len(doc[right])
        drafts.append(_Draft(start, end, "indirect", token, _phrase(_publisher(source) or source)))
    return drafts


# What a body publishes: "according to final results published by the commission" is the commission's word.
_PUBLISHED_THINGS = frozenset(
    "result results figure figures data count tally estimate estimates statistics numbers report survey poll".split()
)


def _publisher(source: Token) -> Token | None:
    """Who published the document an "according to" cites, when the sentence says: "final results
    published by the Central Election Commission", "the coast guard's estimate"."""
    if source.lower_ not in _PUBLISHED_THINGS:
        return None
    owner = next((child for child in source.children if child.dep_ == "poss" and child.pos_ != "PRON"), None)
    if owner is not None:
        return owner  # "according to the coast guard's estimate"
    for clause in source.children:
        if clause.dep_ == "acl":
            agent = _agent(clause)
            if agent is not None:
                return agent.root
    return None


# A speaker's turn in a transcript is a paragraph. A "line" longer than this is a whole article whose
# line breaks were lost after an opening "Eric Liu: A master of symbols ...", not one turn.
COLON_LINE_LIMIT = 1500
_COLON_SPEAKER = re.compile(r"^[\"\u201c\s]*(?P<speaker>[A-Z][\w.'\u2019 -]{1,40}?):\s+(?P<content>\S.*)$")


def _colon_lines(doc: Doc, text: str, section_labels: frozenset[str]) -> list[_Draft]:
    """Transcripts and headlines: "PENCE: Well, look, ..." or "Poll: Voters abandon ...", but not
    a section's label: "OPINION: Implications for ..."."""
    drafts = []
    offset = 0
    for line in text.split("\n"):
        found = _COLON_SPEAKER.match(line)
        if found and found.group("speaker").strip().lower() in section_labels:
            found = None
        if found and 3 <= len(found.group("content").split()) and len(found.group("content")) <= COLON_LINE_LIMIT:
            speaker_span = doc.char_span(offset, offset + found.end("speaker"), alignment_mode="expand")
            colon = doc.char_span(offset + found.end("speaker"), offset + found.end("speaker") + 1)
            if speaker_span is not None and (
                speaker_span.text.isupper()
                or any(t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in speaker_span)
            ):
                start = offset + found.start("content")
                drafts.append(_Draft(start, offset + len(line), "direct", colon[0] if colon else None, speaker_span))
        offset += len(line) + 1
    return drafts


def _cue_near(doc: Doc, table: CueTable, quoted: QuotedSpan, sentence_starts: list[int]) -> Token | None:
    """A cue outside the quotation in the sentences it touches: "X said", "said X", "X said:"."""
    first = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if first is None or not len(first):
        return None
    start_sentence = first[0].sent
    end_sentence = first[-1].sent
    candidates = []
    for sentence in {start_sentence.start: start_sentence, end_sentence.start: end_sentence}.values():
        for token in sentence:
            if quoted.start - 1 <= token.idx < quoted.end + 1:
                continue
            if table.get(token) is not None:
                distance = quoted.start - token.idx if token.idx < quoted.start else token.idx - quoted.end
                candidates.append((distance, token.i, token))
    # "He said:" closing the previous sentence introduces the quotation.
    index = bisect_right(sentence_starts, start_sentence.start_char) - 2
    if not candidates and index >= 0 and start_sentence.start > 0:
        previous = doc[start_sentence.start - 1].sent
        if previous.text.rstrip().endswith(":"):
            for token in previous:
                if table.get(token) is not None:
                    candidates.append((quoted.start - token.idx, token.i, token))
    return min(candidates)[2] if candidates else None


# What follows a quotation that opens a reported clause and tells when or why it was said.
_WRITERS_CLAUSE = re.compile(r"[\s,\u201d\u2019\"']*(?:when|as|after|before|while|because|since)\s", re.IGNORECASE)
_OPENING_MARKS = "\"'\u201c\u2018\u00ab "


def find_quotes(doc: Doc, entities: tuple[DocEntity, ...], *, cues: CueTable) -> tuple[Quote, ...]:
    """Every quote of the article, in text order, with cue, speaker and the speaker's entity."""
    text = doc.text
    marks = quoted_spans(text)
    drafts: list[_Draft] = []
    attached: set[QuotedSpan] = set()
    for token in doc:
        cue = cues.get(token)
        if cue is None or any(q.start <= token.idx < q.end for q in marks):
            continue  # a cue inside a quotation is part of what the quoted speaker said
        if _demanded(token):
            continue
        found = _complement(token, cue, cues) or (_interposed(token) if "c" in cue.takes else None)
        if found is None:
            continue
        trailing = _trailing_cue(token) if "c" in cue.takes else None
        if trailing is not None and found[0] >= trailing[0] and found[1] <= trailing[1]:
            found = trailing  # "A, but B, the source added": all of it, not just the last clause
        hung = _source_hung_as_apposition(token) if "c" in cue.takes else None
        if hung is not None and found[0] < hung.start - 1 < found[1]:
            found = (found[0], hung.start - 2)
        start, end = doc[found[0]].idx, doc[found[1]].idx + len(doc[found[1]])
        # Speech reported by a cue stays in the cue's paragraph (the parser's sentences may not).
        paragraph_start = text.rfind("\n", 0, token.idx) + 1
        paragraph_end = text.find("\n", token.idx)
        start = max(start, paragraph_start)
        end = min(end, paragraph_end if paragraph_end != -1 else len(text))
        if end <= start:
            continue
        inside = _overlapping(marks, start, end)
        kind = "indirect"
        if inside:
            attached.update(inside)
            opening = min(inside, key=lambda q: q.start)
            if opening.start - start <= 1 and _WRITERS_CLAUSE.match(text, opening.end, end):
                end = opening.end  # "saying, “That makes me smart,” when Clinton blasted him ...": the writer's
            covered = sum(min(end, q.end) - max(start, q.start) for q in inside)
            kind = "direct" if covered >= 0.6 * (end - start) else "mixed"
            if kind == "direct":  # the quotation's own bounds, sentences beyond the clause included
                first = min(q.start for q in inside)
                # "Sen. McCaskill scolded him: “The scientific community ...,” she said": the words
                # before the colon introduce the quotation, they are not part of it.
                introduced = text[start:first].rstrip(_OPENING_MARKS).rstrip().endswith(":")
                start = first if introduced else min(start, first)
                end = max(end, max(q.end for q in inside))
            else:  # never stop inside a quoted fragment: "a big, big problem in this country"
                end = max([end, *(q.end for q in inside if q.start >= start)])
        silent = _is_passive(token) and not _introduces_speech(token, cues)
        # "The EU is expected to respond", "they were told": said of them or to them, not by them
        # ("She is expected to say: ..." is hers).
        speaker = _agent(token) if silent else _subject(token)
        if speaker is None and hung is not None and cues.can_speak(hung):
            speaker = hung
        if speaker is not None and not cues.can_speak(speaker):
            if kind == "indirect":
                continue  # "the visit highlighted ...": a thing, not a source
            speaker = _person_before(token, entities)  # a misparsed subject: the person the sentence opens with
        elif speaker is None and not silent:
            speaker = _person_before(token, entities)  # "..., asking ...": the person the clause is about
        drafts.append(_Draft(start, end, kind, token, speaker))
    drafts += _according_to(doc)
    drafts += _colon_lines(doc, text, cues.section_labels)
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    for quoted in marks:
        if quoted in attached:
            continue
        owner = next((d for d in drafts if d.start <= quoted.start and quoted.end <= d.end), None)
        if owner is not None:
            continue  # a quoted fragment inside indirect speech ("faced "physical extermination"")
        words = len(text[quoted.start : quoted.end].split())
        cue_token = _cue_near(doc, cues, quoted, sentence_starts)
        if words < _SCARE_QUOTE_WORDS and not _utterance(text, quoted, cue_token):
            continue  # a title ("Fox News Sunday") or a scare quote ("a con")
        signed = _signature(doc, text, quoted)
        if signed is not None:
            draft = _Draft(quoted.start, quoted.end, "direct", signed[0], signed[1])
        elif cue_token is not None:
            draft = _Draft(quoted.start, quoted.end, "direct", cue_token, _subject(cue_token))
        elif (previous := _before(drafts, quoted.start)) is not None and words >= _SCARE_QUOTE_WORDS:
            draft = _Draft(quoted.start, quoted.end, "direct", None, previous.speaker)  # continued
        elif words >= _SCARE_QUOTE_WORDS * 2 and _starts_sentence(text, quoted.start):
            draft = _Draft(quoted.start, quoted.end, "direct", None, None)  # a quote with no speaker named
        else:
            continue
        drafts.append(draft)
    return tuple(_finish(doc, text, drafts, entities, cues))


def _before(drafts: list[_Draft], position: int) -> _Draft | None:
    """The quotation just before ``position`` that this one may continue (same speaker)."""
    earlier = [d for d in drafts if d.kind in {"direct", "mixed"} and d.end <= position and position - d.end < 400]
    return max(earlier, key=lambda d: d.end) if earlier else None


_SIGNATURE = re.compile(r"[\s\u201d\"]*(?P<dash>[\u2015\u2014\u2013]|--)\s*(?P<name>[A-Z][^\n.,;]{1,60})")


def _signature(doc: Doc, text: str, quoted: QuotedSpan) -> tuple[Token, Span] | None:
    """A quotation signed with a dash: “…” ― Karen Bobadilla."""
    found = _SIGNATURE.match(text, quoted.end, min(len(text), quoted.end + 80))
    if found is None:
        return None
    dash = doc.char_span(found.start("dash"), found.end("dash"), alignment_mode="expand")
    name = doc.char_span(found.start("name"), found.end("name"), alignment_mode="contract")
    if dash is None or name is None or not len(name):
        return None
    return dash[0], name


def _utterance(text: str, quoted: QuotedSpan, cue: Token | None) -> bool:
    """A short quotation that is a whole utterance: “You winning?” she said."""
    if cue is None or text[quoted.end - 1 : quoted.end] not in {",", ".", "?", "!"}:
        return False
    return 0 <= cue.idx - quoted.end <= 25 or 0 <= quoted.start - (cue.idx + len(cue)) <= 25


def _starts_sentence(text: str, start: int) -> bool:
    before = text[: max(0, start - 1)].rstrip(" ")
    return not before or before[-1] in '.!?\n:\u201d"'


def _merge_continuations(drafts: list[_Draft], text: str) -> list[_Draft]:
    """“A,” she said. “B.” is one quote: join a cue-less quotation to the one just before it when
    only the cue stands between them in the same paragraph."""
    merged: list[_Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        # The quotation it continues may be followed by other attributions in the gap
        # ("..., said Caddell, speaking of Clinton's health. “..."): look past them.
        index = next((i for i in range(len(merged) - 1, -1, -1) if merged[i].kind == "direct"), None)
        last = merged[index] if index is not None else None
        gap = text[last.end : draft.start] if last is not None else ""
        same_cue = draft.cue is None or (last is not None and last.cue is not None and draft.cue.i == last.cue.i)
        cue_between = last is not None and last.cue is not None and last.end <= last.cue.idx < draft.start
        if (
            last is not None and index is not None and draft.kind == "direct" and same_cue
            and 0 < len(gap) and "\n" not in gap
            and (len(gap) < 80 or (cue_between and len(gap) < 120))
        ):  # fmt: skip
            pieces = (last.parts or ((last.start, last.end),)) + (draft.parts or ((draft.start, draft.end),))
            merged[index] = _Draft(last.start, draft.end, "direct", last.cue, last.speaker, pieces)
            continue
        merged.append(draft)
    return merged


def _finish(doc: Doc, text: str, drafts: list[_Draft], entities: tuple[DocEntity, ...], cues: CueTable) -> list[Quote]:
    sexes = person_sexes(text, entities, cues.gender_cues)
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for draft in _merge_continuations(drafts, text):
        start, end = _trim(text, draft.start, draft.end)
        if end - start < 3 or any(s <= start and end <= e for s, e in taken):
            continue  # empty, or nested inside a quote already kept ("said ... told" chains)
        taken.append((start, end))
        cue = draft.cue
        cue_span = None
        cue_text = None
        if cue is not None:
            cue_end = cue
            if cue.lower_ == "according":
                cue_end = next((c for c in cue.children if c.lower_ == "to"), cue)
            particles = [c for c in cue.children if c.dep_ == "prt"]
            if particles:
                cue_end = particles[-1]
            cue_span = TextSpan(cue.idx, cue_end.idx + len(cue_end))
            cue_text = text[cue_span.start : cue_span.end]
        speaker = (
            _speaker(draft.speaker, entities, text, sexes, cues.office_words) if draft.speaker is not None else None
        )
        parts = tuple(TextSpan(*_trim(text, a, b)) for a, b in draft.parts)
        quotes.append(Quote(start, end, text[start:end], draft.kind, cue_span, cue_text, speaker, parts))
    return continue_speakers(
        doc, sorted(quotes, key=lambda q: q.start), entities, person_nouns=cues.person_nouns, sexes=sexes
    )


def _speaker(
    span: Span, entities: tuple[DocEntity, ...], text: str, sexes: dict[str, str], office_words: frozenset[str]
) -> Speaker:
    entity = resolve_speaker(span, entities, text, sexes, office_words)
    return Speaker(
        span.start_char, span.end_char, text[span.start_char : span.end_char],
        entity.id if entity else None, entity.name if entity else fallback_name(span),
    )  # fmt: skip
