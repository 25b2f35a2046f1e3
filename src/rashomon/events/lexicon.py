"""The verb lexicon (``data/verbs.tsv``) and the word lists the coder consults."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

NOT_AN_EVENT = "-"
ANY_OBJECT = "*"  # a pattern's object that any object, complement clause or passive matches
_PARTICLE_DEPS = {"prt", "prep", "advmod", "compound:prt"}
_OBJECT_DEPS = {"dobj", "obj", "attr", "nsubjpass", "oprd"}


@dataclass(frozen=True)
class VerbPattern:
    """``lemma [particle] [+objects]`` -> CAMEO code."""

    lemma: str
    particle: str | None
    objects: frozenset[str] | None
    cameo: str
    inverse: bool = False

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0)


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, tuple[VerbPattern, ...]]
    reporting: frozenset[str]
    intent: frozenset[str]
    hypothetical: frozenset[str]
    request: frozenset[str]
    object_control: frozenset[str]
    denial: frozenset[str]
    claim_nouns: frozenset[str]
    multinational: frozenset[str]
    sectors: dict[str, str]
    organisations: dict[str, tuple[str, str]]
    nouns: dict[str, str]
    light_verbs: dict[str, str | None]  # verb -> the preposition whose object is the event, if not its own
    non_actor_nouns: frozenset[str]
    person_nouns: frozenset[str]

    def match(self, token: Token) -> VerbPattern | None:
        """The most specific pattern ``token`` satisfies: its own, or a nominal event it carries.

        A pattern coded "-" says the phrase is not an event ("struck a conciliatory tone").
        """
        own = self._verb_pattern(token)
        if own is not None and own.objects:
            return None if own.cameo == NOT_AN_EVENT else own
        found = self._nominal_pattern(token) or own
        return None if found is None or found.cameo == NOT_AN_EVENT else found

    def _nominal_pattern(self, token: Token) -> VerbPattern | None:
        verb = next((form for form in base_forms(token) if form in self.light_verbs), None)
        if verb is None:
            return None
        for child in _event_carriers(token, self.light_verbs[verb]):
            modifiers = [g.lower_ for g in child.children if g.dep_ in {"compound", "amod"} and g.i < child.i]
            for noun in (f"{modifiers[-1]} {child.lower_}" if modifiers else None, child.lower_, child.lemma_.lower()):
                if noun and noun in self.nouns:
                    return VerbPattern(
                        token.lemma_.lower(), None, frozenset({child.lower_, child.lemma_.lower()}), self.nouns[noun]
                    )
        return None

    def _verb_pattern(self, token: Token) -> VerbPattern | None:
        candidates = next((self.patterns[form] for form in base_forms(token) if form in self.patterns), None)
        if not candidates:
            return None
        particles = {child.lower_ for child in token.children if child.dep_ in _PARTICLE_DEPS}
        # "called for it to be abolished": the particle opens the clause that follows the verb.
        particles.update(
            mark.lower_
            for clause in token.children
            if clause.dep_ in {"advcl", "ccomp", "xcomp"}
            for mark in clause.children
            if mark.dep_ == "mark" and mark.i == token.i + 1
        )
        objects = _object_lemmas(token)
        best: VerbPattern | None = None
        for pattern in candidates:
            if pattern.particle and pattern.particle not in particles:
                continue
            if pattern.objects and not (pattern.objects & objects):
                continue
            if best is None or pattern.specificity > best.specificity:
                best = pattern
        return best


def base_forms(token: Token) -> list[str]:
    """The lemma, then guesses at the base form for when the lemmatizer slips ("staged" -> "stag")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    if word.endswith("ied"):
        forms.append(word[:-3] + "y")
    if word.endswith("ed"):
        forms.extend([word[:-1], word[:-2], word[:-3] if len(word) > 4 and word[-3] == word[-4] else word[:-2]])
    if word.endswith("ing"):
        forms.extend([word[:-3], word[:-3] + "e"])
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    if any(child.dep_ in _OBJECT_DEPS or child.dep_ in {"ccomp", "auxpass"} for child in token.children):
        lemmas.add(ANY_OBJECT)  # "demonstrated an appetite", "demonstrated that ...", "will be demonstrated"
    if token.dep_ == "acl" and token.tag_ == "VBN":
        lemmas.update(
            {token.head.lemma_.lower(), token.head.lower_}
        )  # "the deal struck by ...": the noun is the object
    for child in token.children:
        if child.dep_ in _OBJECT_DEPS:
            lemmas.update({child.lemma_.lower(), child.lower_})
            # "a mediation effort", "a state of emergency": the modifiers name the thing too.
            lemmas.update(g.lower_ for g in child.children if g.dep_ in {"compound", "amod"})
            lemmas.update(form for counted in _counted(child) for form in (counted.lower_, counted.lemma_.lower()))
        elif child.dep_ == "acomp":
            lemmas.add(child.lemma_.lower())  # "pleaded guilty"
        elif child.dep_ in {"prep", "prt"}:
            lemmas.update(grand.lemma_.lower() for grand in child.children if grand.dep_ == "pobj")
            lemmas.update(grand.lower_ for grand in child.children if grand.dep_ == "pobj")
    return lemmas


def _counted(noun: Token) -> Iterator[Token]:
    """What a count counts, down the chain of "of": "tens of thousands of troops" -> thousands, troops."""
    for _ in range(3):
        following = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children), None)
        if following is None:
            return
        yield following
        noun = following


def _lines(name: str) -> list[str]:
    text = resources.files("rashomon.events.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def parse_pattern(text: str, cameo: str) -> VerbPattern:
    """Parse one ``verbs.tsv`` pattern."""
    inverse = text.startswith("<")
    head, _, objects = text.lstrip("<").partition("+")
    words = head.split()
    if not words:
        raise ValueError(f"verbs.tsv: empty pattern for {cameo}")
    return VerbPattern(
        lemma=words[0].lower(),
        particle=" ".join(words[1:]).lower() or None,
        objects=frozenset(o.strip().lower() for o in objects.split("|") if o.strip()) or None,
        cameo=cameo,
        inverse=inverse,
    )


def _event_carriers(token: Token, preposition: str | None) -> list[Token]:
    """The words that may name the event a light verb carries: its object ("launched an offensive"),
    or its subject when it has none (intransitive "Palestinian riots are continuing"); for a verb with
    a preposition, that preposition's object ("subjected the positions to fire"), which the parser may
    read as an infinitive ("to fire")."""
    if preposition is not None:
        carried = [g for c in token.children if c.dep_ == "prep" and c.lower_ == preposition for g in c.children]
        infinitives = [
            c
            for c in token.children
            if c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == preposition for a in c.children)
        ]
        return [g for g in carried if g.dep_ == "pobj"] + infinitives
    has_object = any(child.dep_ in _OBJECT_DEPS for child in token.children)
    return [c for c in token.children if c.dep_ in _OBJECT_DEPS or (c.dep_ == "nsubj" and not has_object)]


def load_lexicon() -> Lexicon:
    by_lemma: dict[str, list[VerbPattern]] = {}
    for line in _lines("verbs.tsv"):
        pattern_text, cameo = line.rsplit("\t", 1)
        pattern = parse_pattern(pattern_text.strip(), cameo.strip())
        by_lemma.setdefault(pattern.lemma, []).append(pattern)
    sectors = dict(line.split("\t")[:2] for line in _lines("sectors.tsv"))  # type: ignore[misc]
    organisations = {}
    for line in _lines("organisations.tsv"):
        name, code, sector = line.split("\t")
        organisations[name] = (code, sector)
    return Lexicon(
        patterns={lemma: tuple(found) for lemma, found in by_lemma.items()},
        reporting=frozenset(_lines("reporting.txt")),
        intent=frozenset(_lines("intent.txt")),
        hypothetical=frozenset(_lines("hypothetical.txt")),
        request=frozenset(_lines("request.txt")),
        object_control=frozenset(_lines("object_control.txt")),
        denial=frozenset(_lines("denial.txt")),
        claim_nouns=frozenset(_lines("claim_nouns.txt")),
        multinational=frozenset(_lines("multinational_words.txt")),
        sectors=sectors,
        organisations=organisations,
        nouns=dict(line.rsplit("\t", 1) for line in _lines("nouns.tsv")),  # type: ignore[misc]
        light_verbs={
            verb: (preposition or None)
            for verb, _, preposition in (line.partition(" ") for line in _lines("light_verbs.txt"))
        },
        non_actor_nouns=frozenset(_lines("non_actor_nouns.txt")),
        person_nouns=frozenset(_lines("person_nouns.txt")),
    )
