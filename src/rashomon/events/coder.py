"""The event coder: clauses of a parsed article -> PLOVER/CAMEO events with actors.

For every verb the lexicon knows, the coder reads its arguments off the
dependency parse (subject, passive agent, object, prepositional objects,
subjects inherited through xcomp/conj/relcl), codes each argument as an
actor, and marks negation and modality. Two ontology rules then apply: an
intended cooperative action is an AGREE (CAMEO 03, "express intent to"), an
intended conflictual one a THREATEN (CAMEO 13); a refused cooperative action
is a REJECT (CAMEO 12).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from rashomon.entities.antecedents import last_mention_before, person_for_pronoun, subject_of_the_main_clause
from rashomon.entities.gender import GenderCues, load_gender_cues, person_sexes
from rashomon.entities.tables import EntityTables
from rashomon.events.actors import ActorCoder, MentionIndex
from rashomon.events.lexicon import Lexicon, VerbPattern, load_lexicon
from rashomon.events.ontology import Ontology, load_ontology
from rashomon.model import Actor, DocEntity, Event, EventAnchor, TextSpan
from rashomon.mood import plain_form_complement
from rashomon.quotation_marks import QuotedSpan, quoted_spans

_FRAME_ROOTS = {"02", "03", "10", "11", "12", "13"}
# Frames whose complement keeps its own coding (a demand, refusal or threat of X is not X's intent).
_BLOCKING_FRAME_ROOTS = {"02", "10", "11", "12", "13"}
_TARGET_PREPOSITIONS = (
    "with",
    "against",
    "on",
    "over",
    "about",
    "to",
    "at",
    "into",
    "toward",
    "towards",
    "from",
    "for",
    "in",
)
_PHRASE_CORE_DEPS = {"compound", "amod", "poss", "nmod", "appos", "det", "nummod", "quantmod"}
# Yielding alone (a ceasefire, a withdrawal, a resignation) has no target unless one is named.
_UNILATERAL_TYPES = {"RETREAT"}
# Cooperation among a compound subject is mutual: "Bosnia and Slovenia agreed to a ceasefire".
_RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
# An attack with no attacker named is coded to the country it happens in, as an implied actor.
_PLACE_SOURCE_TYPES = {"ASSAULT"}
# With no target named or placed, these are aimed at the actor's own country (strikes, curfews).
_DOMESTIC_TYPES = {"PROTEST", "CONCEDE", "COERCE"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "into", "around", "throughout"}
_DATE_PREPOSITIONS = {"on", "in", "during", "since", "at", "by", "until", "before", "after"}
_INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT_CODES = {"14": "130", "15": "138", "16": "130", "17": "130", "18": "138", "19": "138", "20": "138"}
_REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "120"}
_SUBJECT_DEPS = {"nsubj"}
# Nouns of a phrase that names who caused an act, not who underwent it: "on the order of the court",
# "at the request of Kyiv", "on behalf of the ministry".
_INSTIGATING_NOUNS = frozenset({"order", "instruction", "behalf", "request", "command", "initiative"})
# "Syrian-backed", "U.S.-led": participles inside a noun phrase describe, they do not report an action.
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
_AERIAL = {"airstrike", "strike", "warplane", "jet", "aircraft", "drone", "helicopter", "bomber", "missile", "raid"}
# Passive in form, active in meaning: "Serb forces were engaged in ethnic cleansing".
# Verbs whose passive is a state of the subject ("Israel is opposed to", "committed to"): the subject
# acts. Other passives ("was accused of", "were urged to") leave the subject undergoing the act.
_ACTIVE_PASSIVES = {
    "commit", "dedicate", "determine", "devote", "embroil", "engage", "involve", "oppose", "prepare", "resolve",
}  # fmt: skip
# Verbs whose event needs someone to undergo it: releasing people, receiving visitors. Not "return":
# returning weapons or land is an event (CAMEO 0842), though returning a call is not.
_SOMEONE_UNDERGOES = {"free", "host", "receive", "release", "welcome"}
# Verbs of fighting that fight no one when their object is a thing: "fought the proposal", "keep
# fighting the suit", "vowed to fight corruption". A war or a battle fought is still fighting.
_FIGHTING = {"battle", "combat", "fight"}
_WARS = {"battle", "campaign", "conflict", "duel", "insurgency", "skirmish", "war"}
_AMOUNTS = {"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"}
_STATE_SECTORS = {"GOV", "MIL", "LEG", "IGO"}
# Verbs whose clause takes a participle: "has seen hundreds killed", "left thousands homeless".
_SEEING = {"see", "leave", "watch", "find", "get", "have", "want"}
# Plural counts that stand for people when nothing is counted ("Thousands of euros" is counted).
_COUNTED_CROWDS = {"dozens", "hundreds", "thousands", "millions", "scores", "tens"}
_WEAPONS = {
    "bombing",
    "bomb",
    "explosion",
    "blast",
    "device",
    "mine",
    "minefield",
    "attack",
    "shell",
    "rocket",
    "missile",
    "ied",
    "grenade",
    "fire",
    "gunfire",
    "crash",
}
# Claiming that someone used violence is accusing them of it.
_ACCUSING = {"claim", "allege", "charge", "accuse"}
_CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
_CROWDS = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd"}
_OBLIGATION = {"must": "100", "should": "020"}
# Verbs of thinking and feeling: "X believes Y must go" is X's view, not a demand made of Y.
_NOT_SPEECH_HEADS = {"agree", "believe", "decide", "feel", "guess", "hope", "imagine", "know", "think", "wonder"}
# "blamed X for failing", "accused X of hiding", "barred X from returning": X does what the gerund says.
_OBJECT_CONTROL_PREPOSITIONS = {"for", "of", "from"}
_PRONOUNS = {"he", "she", "it", "they", "we", "him", "her", "them", "its", "their", "his"}
# Pronouns that stand for a thing said or done, never for who did it ("this", "another [bill]").
# Types whose verbs are everyday words ("help", "support", "allow", "invest", "want"): with neither a source
# nor a target named, "Mergers can help companies" or "It gives me great hope" is no event anyone did to
# anyone. Acts of force, protest or rejection stand with both parties unnamed, and so do talks ("Talks were
# held on Monday night") and agreements.
_NEEDS_A_PARTY = frozenset({"AID", "SUPPORT", "CONCEDE", "COOPERATE", "REQUEST"})
_THING_PRONOUNS = {"this", "another", "something", "anything", "nothing", "everything"}
# Pronouns that may stand for a person named in an earlier sentence ("He refused to meet Trump").
_CARRIED_PRONOUNS = {"he", "she"}


@dataclass(frozen=True)
class EventCoder:
    """Codes events in parsed documents. Build once with :func:`build_event_coder`."""

    lexicon: Lexicon
    ontology: Ontology
    actors: ActorCoder
    gender_cues: GenderCues

    def code(self, doc: Doc, entities: tuple[DocEntity, ...], *, article_id: str = "") -> tuple[Event, ...]:
        index = MentionIndex.build(entities)
        people = _People(doc, entities, self.gender_cues)
        events: list[Event] = []
        for sentence in doc.sents:
            for token in sentence:
                pattern = self._trigger(token)
                if pattern is not None:
                    events.extend(self._events(token, pattern, sentence, index, people, article_id))
        return tuple(event for event in events if event.source or event.target or event.type not in _NEEDS_A_PARTY)

    def _trigger(self, token: Token) -> VerbPattern | None:
        """The pattern that makes ``token`` an event trigger, or None."""
        if token.pos_ not in {"VERB", "AUX"} and not (
            token.pos_ in {"NOUN", "ADJ"} and token.dep_ in {"ROOT", "acomp"}
        ):
            return None
        if token.dep_ in _MODIFIER_DEPS:
            return None
        if token.dep_ == "prep":
            return None  # "given the housing crisis", "following the vote": a preposition, not an act
        if token.lemma_.lower() == "talk":
            preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
            if "about" in preps and not preps & {"with", "to"}:
                return None  # "Conway talked about the claim": a topic, not talks with anyone
        if token.lower_ == "opposed" and token.i > 0 and token.doc[token.i - 1].lower_ == "as":
            return None  # "knowingly as opposed to recklessly": a contrast, not a rejection
        if token.lemma_.lower() == "welcome" and token.pos_ == "ADJ":
            return None  # "They are welcome to do so": leave to do something, not a visitor received
        if token.lower_ in {"provided", "providing"} and not any(c.dep_ in {"dobj", "dative"} for c in token.children):
            return None  # "provided it benefits Damascus": a conjunction, not an act of giving
        if token.lemma_.lower() in _ACCUSING and self._reports_violence(token):
            return VerbPattern(token.lemma_.lower(), None, None, "112")  # "X claimed that Y attacked Z"
        pattern = self.lexicon.match(token)
        reporting = token.lemma_.lower() in self.lexicon.reporting
        if pattern is None or (reporting and not pattern.objects):
            # "X said Y must drop barriers": the obligation is a demand, whatever the verb.
            if _obliging_speaker(token) is not None:
                return VerbPattern(token.lemma_.lower(), None, None, _OBLIGATION["must"])
            return None
        if self._is_intent_frame(token, pattern):
            return None
        if token.lemma_.lower() == "call" and (
            {"dobj", "oprd"} <= {c.dep_ for c in token.children} or token.dep_ == "acl"
        ):
            return None  # "called the move a crime", "a venture called Neuralink": a name given, not a telephone call
        return pattern

    def _reports_violence(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "ccomp":
                pattern = self.lexicon.match(child)
                if pattern is not None and pattern.cameo[:2] in {"17", "18", "19", "20"}:
                    return True
        return False

    def _is_intent_frame(self, token: Token, pattern: VerbPattern) -> bool:
        """ "vowed to fight", "agreed to resign": the embedded action is the event, the frame its modality."""
        if token.lemma_.lower() not in self.lexicon.intent or pattern.objects:
            return False
        if pattern.cameo[:2] != "03":
            # "sought to maintain", "wants to expand": an aim, not a request; the aim is the event if any.
            # "wants Putin to attack": the complement has a subject of its own, so it is a request.
            return any(
                child.dep_ in {"xcomp", "ccomp"} and not any(g.dep_ == "nsubj" for g in child.children)
                for child in token.children
            ) and any(child.dep_ == "xcomp" for child in token.children)
        return any(
            child.dep_ in {"xcomp", "ccomp"} and self.lexicon.match(child) is not None for child in token.children
        )

    # --- one trigger -------------------------------------------------------

    def _events(
        self,
        token: Token,
        pattern: VerbPattern,
        sentence: Span,
        index: MentionIndex,
        people: _People,
        article_id: str,
    ) -> list[Event]:
        negated = _negated(token) or self._denied(token)
        modality, reporter = self._modality(token)
        cameo = self._recode(pattern.cameo, modality=modality, negated=negated, token=token)
        if (
            pattern.cameo[:3] in {"043", "084"}
            and token.lemma_.lower() in _SOMEONE_UNDERGOES
            and self._no_one_undergoes(token)
        ):
            if token.lemma_.lower() != "welcome":
                return []  # "released its report", "received a tax credit": no one is freed or hosted
            cameo = "051"  # "welcomed the survey's findings": approval, not a visit
        if token.lemma_.lower() in _FIGHTING and self._fights_a_thing(token):
            return []
        sources, targets, figurative = self._arguments(token, pattern)
        if figurative:
            return []
        speaker = _obliging_speaker(token)
        if speaker is not None:
            # "X said Libya must hand over the suspects": X demands something of Libya.
            auxiliary = next(c.lower_ for c in token.children if c.lower_ in _OBLIGATION)
            cameo, targets, sources = _OBLIGATION[auxiliary], sources, [speaker]
        if cameo[:2] in {"18", "19"} and any(head.lemma_.lower() in _AERIAL for head in sources):
            cameo = "195"  # airstrikes, warplanes, drones: aerial weapons
        if (
            token.lemma_.lower() == "protest"
            and not self._official(sources)
            and not any(c.dep_ == "ccomp" for c in token.children)
        ):
            cameo = "141"  # people protesting in the street, not a government lodging a protest
        if cameo[:2] in {"17", "18"} and any(head.lemma_.lower() in _CROWDS for head in sources):
            cameo = "145"  # violence by protesters is a riot
        if (
            cameo[:2] in {"18", "19"}
            and any(head.lemma_.lower() in _CROWDS for head in targets)
            and self._armed(sources)
        ):
            cameo = "175"  # security forces against protesters or rioters: violent repression
        joint = len(sources) > 1 or any(t.dep_ == "conj" for head in sources for t in head.subtree)
        partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
        if cameo == "062" and not joint and not partner:
            cameo = "150"  # exercises with no partner are a show of force, not cooperation
        coding = self.ontology.plover_for(cameo)
        if coding is None:
            return []
        resolved_sources = [found for head in sources if (found := self._resolve(head)) is not None]
        source_tokens = {head.i for head in resolved_sources}
        resolved_targets = [
            found for head in targets if (found := self._resolve(head, avoid=source_tokens)) is not None
        ]
        resolved_targets = [head for head in resolved_targets if head.i not in source_tokens]
        carried_sources = self._carried(sources, index, people)
        carried_targets = self._carried(targets, index, people)
        source_actors = [self.actors.actor(head, index) for head in resolved_sources] + carried_sources or [None]
        target_actors = [self.actors.actor(head, index) for head in resolved_targets] + carried_targets or [None]
        joint_source = len(source_actors) > 1 or any(
            t.dep_ == "conj" for head in resolved_sources for t in head.subtree
        )
        reciprocal = joint_source and (cameo[:2] in _RECIPROCAL_ROOTS or pattern.cameo[:2] in _RECIPROCAL_ROOTS)
        if reciprocal:
            # "Israel and Lebanon renewed negotiations": each side is the other's counterpart; no third target.
            target_actors = [None]
        elif target_actors == [None] and coding.type not in _UNILATERAL_TYPES:
            original = self.ontology.plover_for(pattern.cameo)
            domestic_type = original.type if original is not None else coding.type
            target_actors = [self._fallback_target(token, pattern, domestic_type, source_actors[0], index)]
        target_actors = [self._with_inner_country(actor, token.doc, index) for actor in target_actors]
        # "targeted the General Staff building in Damascus, the presidential palace and ...": conjuncts share a country.
        first_country = next((a.country for a in target_actors if a is not None and a.country), None)
        target_actors = [
            replace(a, country=first_country) if a is not None and a.country is None and first_country else a
            for a in target_actors
        ]
        if source_actors == [None] and coding.type in _PLACE_SOURCE_TYPES:
            # "A journalist was killed in a car bomb explosion in Beirut": the attack is coded to the place.
            located = self.actors.place_actor(token, index)
            source_actors = [replace(located, implied=True) if located is not None else None]
        source_countries = {a.country for a in source_actors if a is not None and a.country}
        source_actors = [self.actors.with_context_country(a, sentence, index) for a in source_actors]
        target_actors = [
            self.actors.with_context_country(a, sentence, index, exclude=source_countries) for a in target_actors
        ]
        place, date = _anchors(token, index)
        depth = _depth(token)
        if (
            pattern.cameo == "042"
            and target_actors == [None]
            and not _named_destination(token)
            and not any(a is not None and (a.country or a.sector in _STATE_SECTORS) for a in source_actors)
        ):
            # "travelling by motorcycle", "police arrived at the scene": a journey to nowhere named, by no one
            # who stands for a state; "When Defense Secretary Mattis visited last month" stays a visit.
            return []
        if source_actors == [None] and target_actors == [None] and cameo[:2] in _CONFLICT_ROOTS:
            return []  # "trade was hit", "open fire" with no one on either side: figurative or unknowable
        events = []
        keys = set()
        for source in source_actors:
            for target in target_actors:
                if _one_party(source, target):
                    target = None
                key = f"{article_id}:{token.idx}:{source.start if source else '-'}:{target.start if target else '-'}"
                if key in keys:
                    continue
                keys.add(key)
                events.append(
                    Event(
                        id="v" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()[:15],
                        type=coding.type,
                        mode=coding.mode,
                        context=coding.context,
                        cameo=cameo,
                        quad_class=self.ontology.quad_class(cameo),
                        goldstein=self.ontology.goldstein(cameo),
                        source=source,
                        target=target,
                        negated=negated,
                        modality=modality,
                        trigger=TextSpan(token.idx, token.idx + len(token.text)),
                        trigger_text=_trigger_text(token, pattern),
                        sentence=TextSpan(sentence.start_char, sentence.end_char),
                        place=place,
                        date=date,
                        reported_by=reporter,
                        depth=depth,
                    )
                )
        return events

    def _fallback_target(
        self, token: Token, pattern: VerbPattern, event_type: str, source: Actor | None, index: MentionIndex
    ) -> Actor | None:
        """No one is named as the target: look inside the object, then at the place, then stay at home.

        "lifted the curfew imposed in Sudan" targets Sudan; a strike "in Algiers" Algeria; a hunger
        strike or a curfew with no one named is aimed at the actor's own country.
        """
        # The trigger and its complement clause ("threatened to institute a curfew in Algiers").
        holders = [token, *(c for c in token.children if c.dep_ in {"xcomp", "ccomp"})]
        for child in (child for holder in holders for child in holder.children):
            if child.dep_ in {"dobj", "obj", "nsubjpass", "attr"} or (
                child.dep_ == "prep" and child.lower_ == pattern.particle
            ):
                found = self.actors.deep_actor(child, index)
                if found is not None and (source is None or found.start != source.start):
                    return found
        for holder in holders:
            place = self.actors.place_actor(holder, index)
            if place is not None:
                return place
        found = self._named_in_clause(token, source, index)
        if found is not None:
            return found
        people = self._people_undergoing(token)
        if people is not None:
            return self.actors.actor(people, index)
        if event_type in _DOMESTIC_TYPES and source is not None and source.country and not _foreign_object(token):
            # Implied, not stated: the offsets are the source phrase the country was read from.
            return Actor(
                source.start, source.end, source.text, None, source.country, source.country, None, implied=True
            )
        return None

    def _people_undergoing(self, token: Token) -> Token | None:
        """ "arrested two men", "three children were killed": people no name or office identifies."""
        candidates = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
        if _reduced_passive(token):
            candidates.append(token.head)
        return next((c for c in candidates if c.pos_ == "NOUN" and c.lemma_.lower() in self.lexicon.person_nouns), None)

    def _with_inner_country(self, actor: Actor | None, doc: Doc, index: MentionIndex) -> Actor | None:
        """A target with no country takes one named inside it ("UCF in central Iran")."""
        if actor is None or actor.country or actor.implied:
            return actor
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return actor
        inner = self.actors.deep_actor(span.root, index)
        return replace(actor, country=inner.country) if inner is not None else actor

    def _named_in_clause(self, token: Token, source: Actor | None, index: MentionIndex) -> Actor | None:
        """The first named party of another country in the clause ("asylum to five Panamanian officers"),
        not one named in a clause that describes the trigger or the source."""
        for item in token.subtree:
            if source is not None and source.start <= item.idx < source.end:
                continue
            if _describes(item, token, source) or _in_own_clause(item, token):
                continue
            if item.ent_type_ not in {"GPE", "NORP", "PERSON", "ORG"} or item.dep_ in {"npadvmod", "tmod"}:
                continue
            head = (
                item.head
                if item.dep_ in {"amod", "compound", "poss", "nmod"} and item.head.pos_ in {"NOUN", "PROPN"}
                else item
            )
            actor = self.actors.actor(head, index)
            if actor is not None and actor.country and (source is None or actor.country != source.country):
                return actor
        return None

    def _recode(self, cameo: str, *, modality: str, negated: bool, token: Token) -> str:
        root = cameo[:2]
        if negated and modality not in {"hypothetical"} and root in _REFUSAL_CODES:
            return _REFUSAL_CODES[root]
        if _under_frame(token, self):
            return cameo
        if modality == "intended" and root in _INTENT_CODES:
            return _INTENT_CODES[root]
        # "will blockade", "may halt mediation": a stated or possible hostile step is a threat.
        possible = modality == "hypothetical" and not any(c.dep_ == "mark" for c in token.children)
        if (modality == "intended" or possible) and root in _THREAT_CODES and not negated:
            return _THREAT_CODES[root]
        return cameo

    def _armed(self, heads: list[Token]) -> bool:
        return any(self.lexicon.sectors.get(t.lemma_.lower()) in {"MIL", "COP"} for head in heads for t in head.subtree)

    def _official(self, heads: list[Token]) -> bool:
        for head in heads:
            words = {t.lemma_.lower() for t in head.subtree} | {head.lemma_.lower()}
            sectors = {self.lexicon.sectors.get(word) for word in words}
            if sectors & {"GOV", "LEG", "IGO", "JUD"} or head.ent_type_ in {"GPE", "ORG"}:
                return True
        return False

    def _denied(self, token: Token) -> bool:
        """ "The Kremlin denied targeting civilians": the complement of a denial is an act said not to be."""
        return token.dep_ in {"xcomp", "ccomp"} and token.head.lemma_.lower() in self.lexicon.denial

    def _requested(self, token: Token) -> bool:
        """ "urged Moscow to withdraw", "demanding that Vucic call elections": wanted, not done."""
        head = token.head
        if head.lemma_.lower() not in self.lexicon.request or head.i == token.i:
            return False
        if head.lemma_.lower() == "call" and not any(
            c.dep_ == "prep" and c.lower_ in {"on", "for"} for c in head.children
        ):
            return False  # "called his counterpart to offer condolences": a telephone call
        if token.dep_ == "xcomp":
            return True
        return plain_form_complement(token)

    def _modality(self, token: Token) -> tuple[str, str | None]:
        auxiliaries = {child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass"}}
        markers = {child.lower_ for child in token.children if child.dep_ == "mark"}
        head = token.head
        if auxiliaries & self.lexicon.intent or (
            token.dep_ in {"xcomp", "ccomp"} and head.lemma_.lower() in self.lexicon.intent
        ):
            return "intended", None
        if (
            token.dep_ in {"xcomp", "acl"}
            and head.dep_ in {"acomp", "attr"}
            and head.lemma_.lower() in self.lexicon.intent
        ):
            return "intended", None
        if token.dep_ in {"xcomp", "acl"} and head.lower_ in self.lexicon.intent:
            return "intended", None
        if auxiliaries & self.lexicon.hypothetical or markers & {"if", "unless"} or self._requested(token):
            return "hypothetical", None
        if (
            token.dep_ in {"acl", "ccomp"}
            and "that" in markers
            and any(c.dep_ in _CLAUSE_COMPLEMENTS for c in token.children)  # "a claim that he denies" relates
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self.lexicon.claim_nouns
        ):
            # "rejected Ukrainian claims that civilians were targeted": a claim is told, not the act.
            words = [t.text for t in head.lefts if t.dep_ != "det"] + [head.text]
            return "reported", " ".join(words)
        if token.dep_ == "ccomp" and head.lemma_.lower() in self.lexicon.reporting:
            reporter = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
            own = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
            if reporter is not None and (own is None or reporter.lower_ != own.lower_):
                return "reported", " ".join(t.text for t in reporter.subtree)
        return "asserted", None

    # --- arguments ---------------------------------------------------------

    def _arguments(self, token: Token, pattern: VerbPattern) -> tuple[list[Token], list[Token], bool]:
        """The source and target heads, and whether a thing is said to do violence ("the storm hit")."""
        source: Token | None
        target: Token | None
        passive_subject = _passive_subject(token)
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        described = token.head if _reduced_passive(token) else None
        if (
            (passive_subject is not None or described is not None)
            and agent is None
            and (
                token.lemma_.lower() in self.lexicon.intent
                or token.lemma_.lower() in _ACTIVE_PASSIVES
                or token.pos_ == "ADJ"
            )
        ):
            # "Israel is opposed to ...", "activists opposed to ...": an adjectival passive; the subject acts.
            source, target = passive_subject or described, self._prepositional_target(token, pattern)
        elif passive_subject is not None or agent is not None or described is not None:
            # "three soldiers killed in the ambush": the noun a participle describes undergoes it.
            source = agent
            target = passive_subject
            if target is None and pattern.cameo[:2] != "15":
                target = described  # troops "deployed in the DRC" are the instrument, as below
        else:
            controlling = self.lexicon.object_control
            source = _subject(token, controlling)
            if source is not None and token.dep_ == "acl" and source.i == token.head.i and not self._is_actor(source):
                source = (
                    _subject(source.head, controlling) if source.head.i != source.i else None
                )  # "issued a declaration demanding..."
            # What is deployed or sent is the instrument, not the target: "deployed ground forces into Syria".
            target = None if pattern.cameo[:2] == "15" else self._object(token, pattern)
        if (
            source is not None
            and pattern.cameo[:2] in _CONFLICT_ROOTS
            and agent is None
            and passive_subject is None
            and any(child.dep_ == "poss" for child in source.children)
            and self._names_no_one(source)
            and not self._is_attack(source)
        ):
            return [], [], True  # "Rutte's austerity measures hit the poor": the owner's thing, no attack
        if source is not None and not self._is_actor(source):
            if source.pos_ == "VERB" or source.lemma_.lower() in _WEAPONS:
                source = None  # "a roadside bombing killed...": a weapon or an event is not an actor
            elif source.lower_ in _THING_PRONOUNS:
                source = None  # "This could help people", "Another would allow businesses": a thing
            elif self._names_no_one(source):
                by_agent = agent is not None and agent.i == source.i  # "hit by metal chips": still an attack
                if not by_agent and pattern.cameo[:2] in _CONFLICT_ROOTS:
                    return [], [], True  # "the storm hit the coast", "the cuts will hit the agency": no attack
                source = None  # "the budget cuts funding...": a thing or an idea is not an actor
        if target is not None and not self._is_actor(target):
            target = None
        if target is None:
            target = self._prepositional_target(token, pattern)
        if target is None and pattern.cameo[:2] in _FRAME_ROOTS:
            target = self._embedded_target(token, source)
        if pattern.inverse:
            source, target = _prep_object(token, "from"), source
        return _with_conjuncts(source), _with_conjuncts(target), False

    def _resolve(self, head: Token, *, avoid: frozenset[int] | set[int] = frozenset()) -> Token | None:
        """A pronoun stands for the reporting clause's subject or the nearest named actor before it."""
        if head.lower_ not in _PRONOUNS:
            return head
        main_subject = subject_of_the_main_clause(head)
        if main_subject is not None and main_subject.i not in avoid:
            return main_subject  # "14 protesters were detained after they attacked police officers"
        governor = head.head
        while governor.dep_ in {"xcomp", "conj", "aux"} and governor.head.i != governor.i:
            governor = governor.head
        if governor.dep_ == "ccomp":
            reporter = next((c for c in governor.head.children if c.dep_ in _SUBJECT_DEPS), None)
            if reporter is not None and reporter.lower_ not in _PRONOUNS and reporter.i not in avoid:
                return reporter
        for candidate in reversed(list(head.sent[: head.i - head.sent.start])):
            if candidate.i in avoid:
                continue
            if candidate.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and candidate.dep_ in {
                "nsubj",
                "nsubjpass",
                "poss",
                "pobj",
                "dobj",
                "compound",
            }:
                return candidate if candidate.dep_ != "compound" else candidate.head
        return None

    def _carried(self, heads: list[Token], index: MentionIndex, people: _People) -> list[Actor | None]:
        """Actors for the "he" and "she" that nothing in their sentence stands for: the person the
        text has carried on from an earlier sentence, named as the pronoun in the text."""
        carried: list[Actor | None] = []
        for head in heads:
            if head.lower_ not in _CARRIED_PRONOUNS or self._resolve(head) is not None:
                continue
            actor = people.actor_for(head, self.actors, index)
            if actor is not None:
                carried.append(actor)
        return carried

    def _is_actor(self, token: Token) -> bool:
        """Whether a noun phrase names someone who can act: a person, group, place or institution."""
        if token.lower_ in _PRONOUNS or _counted_crowd(token):
            return True
        core = [token]
        for child in token.children:
            if child.dep_ in _PHRASE_CORE_DEPS:
                core.extend(child.subtree)
        for item in core:
            if item.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"}:
                return True
            if (
                item.lemma_.lower() in self.lexicon.sectors
                or item.lower_ in self.lexicon.sectors  # "media", which the tagger lemmatises to "medium"
                or item.lower_ in self.lexicon.organisations
            ):
                return True
        return False

    def _no_one_undergoes(self, token: Token) -> bool:
        """What the verb is done to is a thing and nothing joined to it is someone ("the ship and its crew")."""
        undergoer = _undergoer(token)
        if undergoer is None:
            return False
        return all(not self._is_actor(head) and self._names_no_one(head) for head in _with_conjuncts(undergoer))

    def _fights_a_thing(self, token: Token) -> bool:
        """A fight whose object is a thing or an idea and no act of force ("fought the proposal", not
        "fought a war")."""
        fought = _undergoer(token)
        if fought is None or fought.lemma_.lower() in _WARS or self._is_attack(fought):
            return False
        return self._no_one_undergoes(token)

    def _is_attack(self, token: Token) -> bool:
        """A weapon or an act of force ("Russia's airstrikes", "the army's offensive"), which has an actor."""
        lemma = token.lemma_.lower()
        cameo = self.lexicon.nouns.get(lemma, "")
        return lemma in _WEAPONS or lemma in _AERIAL or cameo[:2] in _CONFLICT_ROOTS

    def _names_no_one(self, token: Token) -> bool:
        """A common noun for a thing, event or idea ("storm", "budget", "the end of 2017")."""
        if _counted_crowd(token):
            return False
        thing = token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.non_actor_nouns
        counted = _prep_object(token, "of") if thing else None
        if counted is not None and _amount(counted):
            return True  # "a tax credit of $4,900", "the end of 2017": the noun, not its amount, decides
        if counted is not None:
            # "a patch of troops", "lots of people", "the end of 2017": the "of" phrase decides.
            return not self._is_actor(counted) and self._names_no_one(counted)
        return thing

    def _object(self, token: Token, pattern: VerbPattern) -> Token | None:
        for child in token.children:
            if child.dep_ not in {"dobj", "obj", "dative", "iobj"}:
                continue
            objects = pattern.objects or frozenset()
            is_predicate = child.lemma_.lower() in objects or child.lower_ in objects
            if not is_predicate and self._is_actor(child):
                return child
            inner = self._prepositional_target(child, pattern, first=("of", "by"))
            if inner is not None:
                return inner
        return None

    def _prepositional_target(self, token: Token, pattern: VerbPattern, *, first: tuple[str, ...] = ()) -> Token | None:
        # Inside an object, its owner or agent comes first: "the withdrawal of Serbian forces from Bosnia".
        for preposition in (*first, *_TARGET_PREPOSITIONS):
            for child in token.children:
                if (
                    child.dep_ not in {"prep", "dative"}
                    or child.lower_ != preposition
                    or child.lower_ == pattern.particle
                ):
                    continue
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None or pobj.ent_type_ in {"DATE", "TIME"} or pobj.lemma_.lower() in _INSTIGATING_NOUNS:
                    continue  # "seized on the order of the court": who ordered it, not who underwent it
                if preposition == "in" and pobj.ent_type_ not in {"GPE", "NORP", "ORG"}:
                    continue
                if self._is_actor(pobj):
                    return pobj
                owner = _prep_object(pobj, "of")
                if owner is not None and self._is_actor(owner):
                    return owner  # "set fire to the offices of the Palestinian administrators"
        return None

    def _embedded_target(self, token: Token, source: Token | None) -> Token | None:
        # "demanded that X ...", and "reiterated its demand that X ...": the clause hangs off the verb or its object.
        holders = [token, *(c for c in token.children if c.dep_ in {"dobj", "pobj", "prep"})]
        holders += [g for c in holders[1:] if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for child in (grand for holder in holders for grand in holder.children):
            if child.dep_ in {"xcomp", "ccomp"}:
                subject = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
                if subject is not None and (source is None or subject.i != source.i):
                    return subject
                found = self._object(child, VerbPattern("", None, None, "")) or self._prepositional_target(
                    child, VerbPattern("", None, None, "")
                )
                if found is not None:
                    return found
        return None


def _subject(token: Token, controlling: frozenset[str] = frozenset()) -> Token | None:
    seen = 0
    below: Token | None = None  # the verb the climb came from
    while seen < 6:
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return _standing_for(subject, token)
        if below is not None and (passive := _passive_subject(token)) is not None:
            # A passive clause stops the climb. Its subject acts in an infinitive it controls ("the rebels
            # were forced to withdraw") and in a finite verb joined to it ("Masood, who was born ... and
            # carried out the attack"), but not in "state media says tunnels were used to launch the
            # assault", where neither the media nor the tunnels launched it, nor in a participle that
            # shares its passive ("those helping are being attacked and killed").
            controls = below.dep_ == "xcomp" and token.lemma_.lower() != "use"
            shares = below.dep_ == "conj" and below.tag_ in {"VBD", "VBZ", "VBP"}
            return _standing_for(passive, token) if controls or shares else None
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "demonstrators protesting the results": the demonstrators protest
        if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
            # "Moscow's readiness to assist": the possessor acts.
            owner = next((c for c in token.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
            # "Merkel started by congratulating him", "after meeting Erdogan, Putin said": the gerund's
            # subject is the subject of the verb its preposition hangs from, unless that verb's object
            # is ("blamed the Dutch for failing", "accused Trump of hiding", "barred the envoy from
            # returning"), and no one in "since being arrested".
            verb = token.head.head
            if any(child.dep_ == "auxpass" for child in token.children):
                return None
            if token.head.lower_ in _OBJECT_CONTROL_PREPOSITIONS:
                controller = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
                controller = controller or _passive_subject(verb)
                if controller is not None:
                    return _standing_for(controller, verb)
            below = token
            token = verb
            seen += 1
            continue
        if token.dep_ == "xcomp" and (controller := _object_controller(token, controlling)) is not None:
            return _standing_for(controller, token.head)
        if token.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acl", "acomp", "pcomp"} and token.head.i != token.i:
            below = token
            token = token.head
            seen += 1
            continue
        return None
    return None


def _object_controller(infinitive: Token, controlling: frozenset[str]) -> Token | None:
    """Who acts in an infinitive that the verb above addresses to someone: "urged Washington to follow",
    "called on the organisers to condemn the violence" (Washington follows, the organisers condemn).
    Only verbs of ``controlling`` hand the act to their object, and "call" only with "on" ("called his
    counterpart to offer condolences" is a telephone call)."""
    verb = infinitive.head
    lemma = verb.lemma_.lower()
    if lemma not in controlling:
        return None
    for child in verb.children:
        if not verb.i < child.i < infinitive.i:
            continue
        if child.dep_ in {"dobj", "obj"} and lemma != "call":
            return child if _may_control(child) else None
        if child.dep_ == "prep" and child.lower_ == "on":
            addressed = next((c for c in child.children if c.dep_ == "pobj"), None)
            return addressed if addressed is not None and _may_control(addressed) else None
    return None


def _may_control(token: Token) -> bool:
    """Not a date the parser took for an object ("agreed on Saturday to provide"), nor a pronoun, which
    names no one here: the climb to the subject above is the surer reading of "enable them to hide"."""
    return token.ent_type_ not in {"DATE", "TIME"} and token.pos_ != "PRON"


def _named_destination(token: Token) -> bool:
    """A place named after the verb of a journey ("travelling to Asia", "arrived in Seoul")."""
    return any(
        item.ent_type_ in {"GPE", "LOC", "FAC"}
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in {"to", "in", "at", "for"}
        for item in child.subtree
    )


def _amount(token: Token) -> bool:
    """A sum, a share, a date or a bare figure; not "the 25", which counts people named before."""
    if token.ent_type_ in _AMOUNTS:
        return True
    return token.like_num and not any(child.dep_ == "det" for child in token.children)


def _counted_crowd(token: Token) -> bool:
    """A bare count of people as news writes it: "Thousands demonstrated", "killing dozens"."""
    return token.lower_ in _COUNTED_CROWDS and _prep_object(token, "of") is None


def _undergoer(token: Token) -> Token | None:
    """What the verb is done to: its object, its passive subject, or the noun a reduced passive follows."""
    found = next((c for c in token.children if c.dep_ in {"dobj", "obj"}), None)
    return found or _passive_subject(token) or (token.head if _reduced_passive(token) else None)


def _one_party(source: Actor | None, target: Actor | None) -> bool:
    """Whether source and target are one named party ("denied by both Moscow and Cairo" read as Cairo
    denying Cairo): one side is misread, and the subject is the surer reading, so the target goes.
    "Georgian demonstrators" and "the Georgian government" share an entity but not a name."""
    if source is None or target is None or source.entity is None:
        return False
    return (source.entity, source.name) == (target.entity, target.name)


def _in_own_clause(item: Token, trigger: Token) -> bool:
    """Whether ``item`` lies in an adverbial clause under the trigger with a subject of its own ("seized
    five tankers, often after the United States confiscated Iranian oil"): that clause tells another act."""
    while item.i != trigger.i and item.head.i != item.i:
        if item.dep_ == "advcl" and {c.dep_ for c in item.children} >= {"nsubj", "mark"}:
            return True
        item = item.head
    return False


def _foreign_object(token: Token) -> bool:
    """What the verb is done to is called foreign ("seized a foreign tanker"): not the actor's own country's."""
    return any(
        child.dep_ in {"dobj", "obj", "nsubjpass"}
        and any(m.dep_ == "amod" and m.lower_ == "foreign" for m in child.children)
        for child in token.children
    )


def _describes(item: Token, trigger: Token, source: Actor | None) -> bool:
    """Whether ``item`` lies in a relative clause on the trigger or on the source ("the hack, which the
    DOJ said"; "residents who spoke to AFP"): it describes them, it is not the one acted on."""
    while item.i != trigger.i and item.head.i != item.i:
        if item.dep_ == "relcl":
            head = item.head
            if head.i == trigger.i or (source is not None and source.start <= head.idx < source.end):
                return True
        item = item.head
    return False


def _reduced_passive(token: Token) -> bool:
    """A past participle after its noun, a passive relative clause without "who was" ("the curfew imposed").

    Not in a sentence headed by a noun, nor after a noun that trails it in apposition: there the tagger
    has taken a past tense for a participle ("Doctors from two aid groups donated ...", "..., a rights
    group protested").
    """
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.pos_ in {"NOUN", "PROPN"}
        and token.head.dep_ != "appos"
        and token.sent.root.pos_ not in {"NOUN", "PROPN"}
        and not any(child.dep_ in _SUBJECT_DEPS for child in token.children)
    )


def _passive_subject(token: Token) -> Token | None:
    found = next((c for c in token.children if c.dep_ in {"nsubjpass", "csubjpass"}), None)
    if found is None and _passive_in_sense(token):
        found = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return found


def _passive_in_sense(token: Token) -> bool:
    """A participle with a subject but no auxiliary or object, after "with" or a verb of seeing, is
    passive in sense: "with tens of thousands killed", "a crackdown that has seen hundreds killed and
    thousands jailed" (the tagger calls the last a past tense). Elsewhere such a participle is more
    often a past tense the tagger got wrong ("Thousands of students protested")."""
    children = list(token.children)
    if not any(c.dep_ == "nsubj" for c in children) or any(
        c.dep_ in {"aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp"} for c in children
    ):
        return False
    if token.tag_ == "VBN" and token.dep_ == "pcomp" and token.head.lower_ in {"with", "without"}:
        return True
    return token.tag_ in {"VBN", "VBD"} and token.dep_ in {"ccomp", "xcomp"} and token.head.lemma_.lower() in _SEEING


def _standing_for(subject: Token, clause: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs from ("Masood, who was born ...")."""
    if subject.lower_ in {"who", "whom", "which", "that"} and clause.dep_ == "relcl":
        return clause.head
    if subject.tag_ == "VBG":
        # "The Red Cross operating in Iraq said": the parser took the participle for the subject.
        noun = next((c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if noun is not None:
            return noun
    return subject


def _prep_object(token: Token, preposition: str) -> Token | None:
    """The object of ``token``'s preposition ``preposition`` ("received arms *from the government*")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _with_conjuncts(head: Token | None) -> list[Token]:
    if head is None:
        return []
    return [head, *(c for c in head.conjuncts if c.pos_ in {"PROPN", "NOUN"} and c.i > head.i)]


def _obliging_speaker(token: Token) -> Token | None:
    """The speaker of "X said that Y must ...", or None."""
    if not any(c.lower_ in _OBLIGATION and c.dep_ == "aux" for c in token.children):
        return None
    if token.dep_ != "ccomp" or token.head.lemma_.lower() in _NOT_SPEECH_HEADS:
        return None
    speaker = next((c for c in token.head.children if c.dep_ in _SUBJECT_DEPS), None)
    return _standing_for(speaker, token.head) if speaker is not None else None


# What a content clause has and a relative clause lacks: "claims that [civilians were targeted]",
# "charges that he pressured [the fund]", but "a claim that Ramirez denies [_]".
_CLAUSE_COMPLEMENTS = frozenset(
    {"dobj", "ccomp", "xcomp", "attr", "acomp", "nsubjpass", "prep", "dative", "oprd", "agent"}
)


def _negated(token: Token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "made claims without presenting any evidence"
    # "failed to reach", "did not agree to meet": a negated or failed frame negates its complement.
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in {"fail", "refuse"}:
        return head.lemma_.lower() == "fail"
    return False


def _under_frame(token: Token, coder: EventCoder) -> bool:
    """True when the token completes a frame verb that is itself an event (agree to X)."""
    if token.dep_ not in {"xcomp", "ccomp"}:
        return False
    pattern = coder._trigger(token.head)  # an intent frame ("seeking to") is not a blocking frame
    return pattern is not None and pattern.cameo[:2] in _BLOCKING_FRAME_ROOTS


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _trigger_text(token: Token, pattern: VerbPattern) -> str:
    words = [token.text]
    if pattern.particle:
        words.append(pattern.particle)
    if pattern.objects:
        obj = next(
            (c for c in token.children if c.lemma_.lower() in pattern.objects or c.lower_ in pattern.objects), None
        )
        if obj is not None:
            words.append(obj.text)
    return " ".join(words)


def _anchors(token: Token, index: MentionIndex) -> tuple[EventAnchor | None, EventAnchor | None]:
    place = date = None
    doc = token.doc
    for child in token.children:
        candidates: list[Token] = []
        if child.dep_ == "prep":
            candidates = [g for g in child.children if g.dep_ == "pobj"]
            preposition = child.lower_
        elif child.dep_ in {"npadvmod", "tmod", "advmod"}:
            candidates = [child]
            preposition = ""
        for pobj in candidates:
            if (
                date is None
                and pobj.ent_type_ in {"DATE", "TIME"}
                and (not preposition or preposition in _DATE_PREPOSITIONS)
            ):
                ent = next((e for e in doc.ents if e.start <= pobj.i < e.end), None)
                if ent is not None:
                    date = EventAnchor(ent.start_char, ent.end_char, ent.text)
            if place is None and preposition in _PLACE_PREPOSITIONS and pobj.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
                ent = next((e for e in doc.ents if e.start <= pobj.i < e.end), None)
                if ent is not None:
                    entities = index.covering(ent.start_char, ent.end_char)
                    place = EventAnchor(ent.start_char, ent.end_char, ent.text, entities[0].id if entities else None)
    return place, date


@dataclass(frozen=True)
class _People:
    """The article's people, what it tells of their sex, and its quotations: whom a "he" or "she"
    that no one in its sentence stands for means. The sexes and quotations are worked out the first
    time such a pronoun is met: most articles have none, and the event pass is per article."""

    doc: Doc
    entities: tuple[DocEntity, ...]
    cues: GenderCues

    @cached_property
    def sexes(self) -> dict[str, str]:
        return person_sexes(self.doc.text, self.entities, self.cues)

    @cached_property
    def quoted(self) -> tuple[QuotedSpan, ...]:
        return tuple(quoted_spans(self.doc.text))

    @cached_property
    def person_heads(self) -> frozenset[str]:
        """Words for a person that a name may possess ("Nie's mother"): the possessor is not the subject."""
        return frozenset(self.cues.titles)

    def actor_for(self, pronoun: Token, actors: ActorCoder, index: MentionIndex) -> Actor | None:
        """The person the pronoun carries on from the sentences before, coded from their last mention.

        Only a person who is a clause's subject nearby counts, not merely the last one named: a
        person the model did not tag ("I met a man who ... He asked me") must not pass to someone
        named paragraphs back. And a pronoun inside a quotation is left alone: the nearest subject
        is then usually the speaker, whom the quotation does not call "he"."""
        if any(span.start <= pronoun.idx < span.end for span in self.quoted):
            return None
        one_word = pronoun.doc[pronoun.i : pronoun.i + 1]
        person = person_for_pronoun(
            one_word, self.entities, self.sexes, last_named=False, person_heads=self.person_heads
        )
        mention = last_mention_before(person, pronoun.idx) if person is not None else None
        if mention is None:
            return None
        named = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        actor = actors.actor(named.root, index) if named is not None else None
        if actor is None:
            return None
        return replace(actor, start=pronoun.idx, end=pronoun.idx + len(pronoun.text), text=pronoun.text)


def main_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The event a sentence is mainly about: the trigger nearest the root, with a source if possible."""
    if not events:
        return None
    return min(events, key=lambda e: (e.depth, e.source is None, e.trigger.start))


def build_event_coder(tables: EntityTables) -> EventCoder:
    lexicon = load_lexicon()
    return EventCoder(lexicon, load_ontology(), ActorCoder(tables, lexicon), load_gender_cues())
